import { describe, expect, it } from 'vitest';
import { clockTime, countText } from './plain-format';

describe('countText', () => {
  it('groups thousands as the English UI writes them', () => {
    for (const n of [0, 7, 999, 1000, 12345, 100000, 1234567, 150000])
      expect(countText(n)).toBe(n.toLocaleString('en-US'));
  });

  it('keeps the sign and the decimals', () => {
    expect(countText(-1234)).toBe('-1,234');
    expect(countText(1234.5)).toBe('1,234.5');
  });
});

describe('clockTime', () => {
  it('is the local hour and minute on a 24-hour clock, zero-padded', () => {
    expect(clockTime(new Date(2026, 10, 28, 14, 2))).toBe('14:02');
    expect(clockTime(new Date(2026, 10, 28, 9, 5))).toBe('09:05');
    expect(clockTime(new Date(2026, 10, 28, 0, 0))).toBe('00:00');
  });
});
