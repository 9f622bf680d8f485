import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from './object-columns';

const FIELDS = ['id', 'displayName', 'accountEnabled', 'tags'];

describe('directory objects as columns', () => {
  it('gives back the objects: strings, booleans, arrays; missing and null fields left out', async () => {
    const objects = [
      { id: '1', displayName: 'One', accountEnabled: true, tags: ['HideApp'] },
      { id: '2', displayName: 'Two', accountEnabled: false, tags: [] },
      { id: '3', displayName: 'Three', tags: null },
    ];
    const stored = toColumns(objects, FIELDS);
    expect(stored.count).toBe(3);
    expect(stored.columns).toHaveLength(FIELDS.length);
    expect(await fromColumns(stored, FIELDS)).toEqual([
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

  it('refuses columns written with other fields or cut short', async () => {
    const stored = toColumns([{ id: '1', displayName: 'One' }], FIELDS);
    await expect(fromColumns(stored, ['id'])).rejects.toThrow(/other fields/);
    await expect(fromColumns({ ...stored, count: 2 }, FIELDS)).rejects.toThrow(/incomplete/);
  });

  it('rebuilds more objects than one slice, in order', async () => {
    const objects = Array.from({ length: 25_001 }, (_, i) => ({
      id: String(i),
      displayName: `n${i}`,
    }));
    const back = await fromColumns<{ id: string }>(toColumns(objects, FIELDS), FIELDS);
    expect(back).toHaveLength(25_001);
    expect(back[25_000]).toEqual({ id: '25000', displayName: 'n25000' });
  });
});
