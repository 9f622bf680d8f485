import { describe, expect, it } from 'vitest';
import { logPosition, logScaleTop, logTicks } from './log-scale';

describe('the distribution chart’s log scale', () => {
  it('keeps a handful of apps visible next to thousands at the built-in default', () => {
    const top = logScaleTop([9000, 3, 1, 0]);
    expect(top).toBe(10_000);
    // Linear, 3 of 9,000 would be 0.03 % of the width; on the log scale it is about 15 %.
    expect(logPosition(3, top)).toBeGreaterThan(0.1);
    expect(logPosition(1, top)).toBeGreaterThan(0.05);
    expect(logPosition(9000, top)).toBeGreaterThan(0.95);
  });

  it('draws nothing for an empty bucket and keeps the order of the counts', () => {
    expect(logPosition(0, 100)).toBe(0);
    const positions = [1, 2, 5, 40, 100].map((c) => logPosition(c, 100));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('tops out at the next power of ten, never below 10', () => {
    expect(logScaleTop([0])).toBe(10);
    expect(logScaleTop([7])).toBe(10);
    expect(logScaleTop([10])).toBe(10);
    expect(logScaleTop([11])).toBe(100);
    expect(logTicks(1000).map((t) => t.value)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(1000).at(-1)?.position).toBe(1);
  });
});
