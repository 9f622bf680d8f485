import { describe, expect, it } from 'vitest';
import { checkAccessTokenLifetime, validateAccessTokenLifetime } from './lifetime';

describe('validateAccessTokenLifetime', () => {
  it('accepts the bounds 10 min and 1 day', () => {
    expect(validateAccessTokenLifetime(600)).toEqual({ ok: true });
    expect(validateAccessTokenLifetime(86400)).toEqual({ ok: true });
  });
  it('refuses just outside the bounds and suggests the nearest valid value', () => {
    expect(validateAccessTokenLifetime(599)).toMatchObject({ ok: false, nearestValidSeconds: 600 });
    expect(validateAccessTokenLifetime(86401)).toMatchObject({
      ok: false,
      nearestValidSeconds: 86400,
    });
  });
  it('refuses NaN', () => {
    expect(validateAccessTokenLifetime(Number.NaN).ok).toBe(false);
  });
});

describe('checkAccessTokenLifetime', () => {
  it('names the minimum for 00:05:00', () => {
    expect(checkAccessTokenLifetime('00:05:00')).toEqual({
      ok: false,
      error:
        '5 min is too short: the minimum is 10 minutes (00:10:00). Allowed range: 10 minutes to 1 day.',
      nearestValidSeconds: 600,
      nearestValidCanonical: '00:10:00',
    });
  });
  it('names the maximum for 1.00:00:01', () => {
    expect(checkAccessTokenLifetime('1.00:00:01')).toEqual({
      ok: false,
      error:
        '1 day 1 s is too long: the maximum is 1 day (1.00:00:00). Allowed range: 10 minutes to 1 day.',
      nearestValidSeconds: 86400,
      nearestValidCanonical: '1.00:00:00',
    });
  });
  it.each([
    ['00:10:00', 600],
    ['1.00:00:00', 86400],
    ['24:00:00', 86400],
    ['5:00:00', 18000],
    ['00:90:00', 5400],
    ['2h', 7200],
  ])('accepts %s', (text, seconds) => {
    expect(checkAccessTokenLifetime(text)).toMatchObject({ ok: true, seconds });
  });
  it('refuses 00:09:59 with the minimum', () => {
    expect(checkAccessTokenLifetime('00:09:59')).toMatchObject({
      ok: false,
      nearestValidCanonical: '00:10:00',
    });
  });
  it('passes parse errors through without a suggestion', () => {
    const result = checkAccessTokenLifetime('abc');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.nearestValidSeconds).toBeUndefined();
  });
});
