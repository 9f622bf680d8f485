import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccessTokenLifetime, validateAccessTokenLifetime } from './lifetime';
import { formatTimeSpan, parseLifetimeInput, parseTimeSpan } from './timespan';

describe('parseTimeSpan', () => {
  it.each([
    ['00:10:00', 600, '00:10:00'],
    ['02:00:00', 7200, '02:00:00'],
    ['5:00:00', 18000, '05:00:00'],
    ['1.00:00:00', 86400, '1.00:00:00'],
    ['23:59:59', 86399, '23:59:59'],
    ['00:10:00.0000000', 600, '00:10:00'],
  ])('reads %s as %d s (canonical %s)', (text, seconds, canonical) => {
    const result = parseTimeSpan(text);
    expect(result).toMatchObject({ ok: true, seconds, canonical });
  });

  it('reads the doc-style 00:90:00 as 90 minutes and flags it', () => {
    const result = parseTimeSpan('00:90:00');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.seconds).toBe(5400);
    expect(result.canonical).toBe('01:30:00');
    expect(result.findings.map((f) => f.code)).toEqual(['non-canonical-timespan']);
    expect(result.findings[0].severity).toBe('warning');
  });

  it('reads 24:00:00 as one day, non-canonical', () => {
    const result = parseTimeSpan('24:00:00');
    expect(result).toMatchObject({ ok: true, seconds: 86400, canonical: '1.00:00:00' });
  });

  it('does not flag canonical values', () => {
    const result = parseTimeSpan('02:00:00');
    expect(result.ok && result.findings).toEqual([]);
  });

  it.each(['abc', '-01:00:00', '1:60', '25', '', '   ', '1.2.3', '01:00', '1:00:00:00', '00:10:00.5', '1e3'])(
    'refuses %j with a message that says what was expected',
    (text) => {
      const result = parseTimeSpan(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatch(/Expected a duration such as 02:00:00/);
    },
  );

  it('says a negative value is negative', () => {
    const result = parseTimeSpan('-01:00:00');
    expect(!result.ok && result.error).toMatch(/negative/);
  });
});

describe('formatTimeSpan', () => {
  it.each([
    [600, '00:10:00'],
    [5400, '01:30:00'],
    [86400, '1.00:00:00'],
    [86401, '1.00:00:01'],
    [0, '00:00:00'],
  ])('writes %d s as %s', (seconds, text) => expect(formatTimeSpan(seconds)).toBe(text));

  it('refuses negatives', () => expect(() => formatTimeSpan(-1)).toThrow(RangeError));
});

describe('parseLifetimeInput', () => {
  it.each([
    ['90m', 5400],
    ['2h', 7200],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1 h 30 min', 5400],
    ['1d', 86400],
    ['2H', 7200],
    ['10 minutes', 600],
    ['02:00:00', 7200],
  ])('reads %j as %d s', (text, seconds) => expect(parseLifetimeInput(text)).toMatchObject({ ok: true, seconds }));

  it.each(['25', 'h', '2x', '2h garbage', '-2h', ''])('refuses %j', (text) => {
    expect(parseLifetimeInput(text).ok).toBe(false);
  });
});

describe('access-token lifetime range', () => {
  it.each([
    ['00:10:00', true],
    ['00:09:59', false],
    ['1.00:00:00', true],
    ['1.00:00:01', false],
    ['24:00:00', true],
  ])('%s valid: %s', (text, valid) => expect(checkAccessTokenLifetime(text).ok).toBe(valid));

  it('names the minimum and suggests it for 00:05:00', () => {
    const result = checkAccessTokenLifetime('00:05:00');
    expect(result).toMatchObject({ ok: false, nearestValidSeconds: 600, nearestValidCanonical: '00:10:00' });
    expect(!result.ok && result.error).toMatch(/minimum is 10 minutes/);
    expect(!result.ok && result.error).toMatch(/10 minutes \(00:10:00\) to 1 day \(1\.00:00:00\)/);
  });

  it('names the maximum and suggests it for 1.00:00:01', () => {
    const result = checkAccessTokenLifetime('1.00:00:01');
    expect(result).toMatchObject({ ok: false, nearestValidSeconds: 86400, nearestValidCanonical: '1.00:00:00' });
    expect(!result.ok && result.error).toMatch(/maximum is 1 day/);
  });

  it('refuses non-integers', () => expect(validateAccessTokenLifetime(600.5).ok).toBe(false));
});

describe('properties', () => {
  const validSeconds = fc.integer({ min: 600, max: 86400 });

  it('format then parse is the identity on canonical values', () => {
    fc.assert(
      fc.property(validSeconds, (seconds) => {
        const text = formatTimeSpan(seconds);
        const parsed = parseTimeSpan(text);
        return parsed.ok && parsed.seconds === seconds && parsed.canonical === text && parsed.findings.length === 0;
      }),
    );
  });

  it('every accepted value stays within 10 min – 1 day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (seconds) => {
        const result = checkAccessTokenLifetime(formatTimeSpan(seconds));
        if (result.ok) return result.seconds >= 600 && result.seconds <= 86400;
        return result.nearestValidSeconds !== undefined && result.nearestValidSeconds >= 600 && result.nearestValidSeconds <= 86400;
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = checkAccessTokenLifetime(text);
        return typeof result.ok === 'boolean';
      }),
    );
  });
});
