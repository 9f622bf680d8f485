import { describe, expect, it } from 'vitest';
import { median } from './median';

describe('the median of repeated runs', () => {
  it('is the middle value whatever the order, and the upper middle of an even count', () => {
    expect(median([900, 120, 130])).toBe(130);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
  it('leaves the runs as they were', () => {
    const runs = [3, 1, 2];
    median(runs);
    expect(runs).toEqual([3, 1, 2]);
  });
});
