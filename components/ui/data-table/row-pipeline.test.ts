import { describe, expect, it } from 'vitest';
import { countValues, isInactive, keptRows, sortOrder } from './row-pipeline';

describe('sortOrder', () => {
  it('orders numbers and lower-case names, both directions', () => {
    expect([...sortOrder([3, 1, 2], false)]).toEqual([1, 2, 0]);
    expect([...sortOrder([3, 1, 2], true)]).toEqual([0, 2, 1]);
    expect([...sortOrder(['orders api', 'billing', 'zeta'], false)]).toEqual([1, 0, 2]);
  });

  it('keeps ties in data order whichever the direction', () => {
    expect([...sortOrder([5, 1, 5, 1], false)]).toEqual([1, 3, 0, 2]);
    expect([...sortOrder([5, 1, 5, 1], true)]).toEqual([0, 2, 1, 3]);
  });

  it('sorts negative integers, and mixed or fractional keys, the same way', () => {
    expect([...sortOrder([-5, 3, -5, 0], false)]).toEqual([0, 2, 3, 1]);
    expect([...sortOrder([-5, 3, -5, 0], true)]).toEqual([1, 3, 0, 2]);
    expect([...sortOrder([1.5, 0.25, 1.5], true)]).toEqual([0, 2, 1]);
    expect([...sortOrder([2 ** 60, 1, 2 ** 60], false)]).toEqual([1, 0, 2]);
  });

  it('agrees with Array.prototype.sort on a large random list, both directions', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1009);
    const expected = keys
      .map((key, index) => ({ key, index }))
      .sort((a, b) => b.key - a.key || a.index - b.index)
      .map((x) => x.index);
    expect([...sortOrder(keys, true)]).toEqual(expected);
  });

  it('agrees with Array.prototype.sort on a large random list', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1009);
    const expected = keys
      .map((key, index) => ({ key, index }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map((x) => x.index);
    expect([...sortOrder(keys, false)]).toEqual(expected);
  });
});

describe('keptRows', () => {
  const names = ['orders api', 'billing', 'orders worker', 'hr portal'];
  const kinds = ['app-only', 'first-party', 'first-party', 'app-only'];

  it('keeps every row without filters, in the given order', () => {
    expect(keptRows(4, [])).toEqual([0, 1, 2, 3]);
    expect(keptRows(4, [], sortOrder(names, false))).toEqual([1, 3, 0, 2]);
  });

  it('matches text case-insensitively on pre-lowered keys, trimmed', () => {
    expect(keptRows(4, [{ kind: 'includes', keys: names, value: '  ORDERS ' }])).toEqual([0, 2]);
  });

  it('combines filters with AND, and keeps the sort order', () => {
    expect(
      keptRows(
        4,
        [
          { kind: 'includes', keys: names, value: 'o' },
          { kind: 'equals', keys: kinds, value: 'app-only' },
        ],
        sortOrder(names, false),
      ),
    ).toEqual([3, 0]);
  });

  it('matches flags by equality (a "rules disagree only" box)', () => {
    expect(keptRows(3, [{ kind: 'equals', keys: [true, false, true], value: true }])).toEqual([
      0, 2,
    ]);
  });

  it('keeps rows whose set holds the value (a policy with a retired-property finding)', () => {
    const findings = [new Set(['any', 'retired']), new Set<string>(), new Set(['unlinked'])];
    expect(keptRows(3, [{ kind: 'has', keys: findings, value: 'retired' }])).toEqual([0]);
  });
});

describe('filter helpers', () => {
  it('treats empty text, unset facets and unchecked boxes as no filter', () => {
    expect([undefined, '', '   ', false].every(isInactive)).toBe(true);
    expect(['a', true].some(isInactive)).toBe(false);
  });

  it('counts facet values', () => {
    expect(countValues(['a', 'b', 'a'])).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });
});
