import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from './object-columns';

const FIELDS = ['id', 'displayName', 'accountEnabled', 'tags'];

describe('directory objects as columns', () => {
  it('gives back the objects: strings, booleans, arrays; missing and null fields left out', () => {
    const objects = [
      { id: '1', displayName: 'One', accountEnabled: true, tags: ['HideApp'] },
      { id: '2', displayName: 'Two', accountEnabled: false, tags: [] },
      { id: '3', displayName: 'Three', tags: null },
    ];
    const stored = toColumns(objects, FIELDS);
    expect(stored.count).toBe(3);
    expect(stored.columns).toHaveLength(FIELDS.length);
    expect(fromColumns(stored, FIELDS)).toEqual([
      objects[0],
      objects[1],
      { id: '3', displayName: 'Three' },
    ]);
  });

  it('stores values only, no field name per object', () => {
    const objects = Array.from({ length: 100 }, (_, i) => ({ id: String(i), displayName: 'x' }));
    const stored = JSON.stringify(toColumns(objects, FIELDS));
    expect(stored.split('displayName').length - 1).toBe(0);
  });

  it('refuses columns written with other fields or cut short', () => {
    const stored = toColumns([{ id: '1', displayName: 'One' }], FIELDS);
    expect(() => fromColumns(stored, ['id'])).toThrow(/other fields/);
    expect(() => fromColumns({ ...stored, count: 2 }, FIELDS)).toThrow(/incomplete/);
  });
});
