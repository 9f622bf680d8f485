import { describe, expect, it } from 'vitest';
import { formatDuration, formatLifetime, formatLifetimeWithSource } from './format';

describe('formatDuration', () => {
  it.each([
    [600, '10 min'],
    [300, '5 min'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [86400, '1 day'],
    [86401, '1 day 1 s'],
    [172800, '2 days'],
    [0, '0 s'],
  ])('%i → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatLifetime', () => {
  it('shows a policy lifetime as a duration', () => {
    expect(formatLifetime({ seconds: 7200, minSeconds: 7200, maxSeconds: 7200 })).toBe('2 h');
  });
  it('shows the built-in range', () => {
    expect(formatLifetime({ seconds: null, minSeconds: 3600, maxSeconds: 5400 })).toBe(
      '60–90 min (built-in)',
    );
  });
});

describe('formatLifetimeWithSource', () => {
  it('names who set a policy lifetime', () => {
    expect(
      formatLifetimeWithSource({
        seconds: 28800,
        minSeconds: 28800,
        maxSeconds: 28800,
        source: 'organizationDefault',
      }),
    ).toBe('8 h (org default)');
  });
  it('says "(built-in)" once for the built-in range', () => {
    const text = formatLifetimeWithSource({
      seconds: null,
      minSeconds: 3600,
      maxSeconds: 5400,
      source: 'builtIn',
    });
    expect(text).toBe('60–90 min (built-in)');
    expect(text.match(/built-in/g)).toHaveLength(1);
  });
});
