import { describe, expect, it } from 'vitest';
import { formatTimeSpan, parseLifetimeInput, parseTimeSpan } from './timespan';

describe('parseTimeSpan', () => {
  it.each([
    ['00:10:00', 600, '00:10:00'],
    ['00:09:59', 599, '00:09:59'],
    ['02:00:00', 7200, '02:00:00'],
    ['5:00:00', 18000, '05:00:00'],
    ['1.00:00:00', 86400, '1.00:00:00'],
    ['1.00:00:01', 86401, '1.00:00:01'],
    ['24:00:00', 86400, '1.00:00:00'],
    ['00:90:00', 5400, '01:30:00'],
    [' 08:00:00 ', 28800, '08:00:00'],
  ])('reads %s as %i seconds, canonical %s', (text, seconds, canonical) => {
    const result = parseTimeSpan(text);
    expect(result).toMatchObject({ ok: true, seconds, canonical });
  });

  it('flags the doc-style overflow form 00:90:00 as non-canonical', () => {
    const result = parseTimeSpan('00:90:00');
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['non-canonical-timespan']);
    expect(result.ok && result.findings[0].message).toContain('01:30:00');
  });

  it('flags 24:00:00 as non-canonical (it is 1.00:00:00)', () => {
    const result = parseTimeSpan('24:00:00');
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['non-canonical-timespan']);
  });

  it('does not flag canonical values or one-digit hours', () => {
    for (const text of ['02:00:00', '5:00:00', '1.00:00:00']) {
      const result = parseTimeSpan(text);
      expect(result.ok && result.findings).toEqual([]);
    }
  });

  it.each([
    'abc',
    '-01:00:00',
    '1:60',
    '25',
    '',
    '1.2.3',
    '00:00:60',
    '1.25:00:00',
    '01:00:00.5',
    '1 h',
  ])('rejects %j with a message saying what was expected', (text) => {
    const result = parseTimeSpan(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Expected a duration like 02:00:00/);
  });

  it('says a negative value is negative', () => {
    const result = parseTimeSpan('-01:00:00');
    expect(!result.ok && result.error).toMatch(/negative/);
  });
});

describe('formatTimeSpan', () => {
  it.each([
    [86400, '1.00:00:00'],
    [5400, '01:30:00'],
    [600, '00:10:00'],
    [18000, '05:00:00'],
    [86401, '1.00:00:01'],
    [0, '00:00:00'],
  ])('%i → %s', (seconds, text) => {
    expect(formatTimeSpan(seconds)).toBe(text);
  });
});

describe('parseLifetimeInput', () => {
  it.each([
    ['90m', 5400],
    ['2h', 7200],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1d', 86400],
    ['2H', 7200],
    [' 10 min ', 600],
    ['02:00:00', 7200],
    ['00:90:00', 5400],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseLifetimeInput(text)).toMatchObject({ ok: true, seconds });
  });

  it('writes the canonical TimeSpan for short forms', () => {
    expect(parseLifetimeInput('1h30m')).toMatchObject({ canonical: '01:30:00' });
  });

  it.each(['', 'abc', 'h', '2x', '-2h', '1.5h', '1:60'])('rejects %j', (text) => {
    const result = parseLifetimeInput(text);
    expect(result.ok).toBe(false);
  });
});
