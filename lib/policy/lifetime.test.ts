import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_ACCESS_TOKEN_LIFETIME,
  checkAccessTokenLifetime,
  randomBuiltInAccessTokenLifetimeSeconds,
  validateAccessTokenLifetime,
} from './lifetime';
import { BUILT_IN_LIFETIME_WORDS, BUILT_IN_RANGE_TEXT } from './messages';

// The maximum is 23:59:59, not the documented "1 day": Graph refuses exactly 24 h with 400
// "Property definition has an invalid value" (MicrosoftDocs/azure-docs#37342, 2019;
// MicrosoftDocs/entra-docs#1946, 2026).
describe('validateAccessTokenLifetime', () => {
  it('accepts the bounds 10 min and 23:59:59', () => {
    expect(validateAccessTokenLifetime(600)).toEqual({ ok: true });
    expect(validateAccessTokenLifetime(86399)).toEqual({ ok: true });
  });
  it('refuses just outside the bounds and suggests the nearest valid value', () => {
    expect(validateAccessTokenLifetime(599)).toMatchObject({ ok: false, nearestValidSeconds: 600 });
    expect(validateAccessTokenLifetime(86400)).toMatchObject({
      ok: false,
      nearestValidSeconds: 86399,
    });
    expect(validateAccessTokenLifetime(86401)).toMatchObject({
      ok: false,
      nearestValidSeconds: 86399,
    });
  });
  it('says why exactly 1 day is refused although documented', () => {
    const result = validateAccessTokenLifetime(86400);
    expect(!result.ok && result.error).toBe(
      '1 day (1.00:00:00) is refused by Microsoft Graph, although documented: Graph refuses exactly 24 hours, so the maximum is 23:59:59. Allowed range: 10 minutes to 23:59:59.',
    );
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
        '5 min is too short: the minimum is 10 minutes (00:10:00). Allowed range: 10 minutes to 23:59:59.',
      nearestValidSeconds: 600,
      nearestValidCanonical: '00:10:00',
    });
  });
  it('names the maximum for 1.00:00:01', () => {
    expect(checkAccessTokenLifetime('1.00:00:01')).toEqual({
      ok: false,
      error:
        '1 day 1 s is too long: the maximum is 23:59:59 (Graph refuses exactly 24 hours). Allowed range: 10 minutes to 23:59:59.',
      nearestValidSeconds: 86399,
      nearestValidCanonical: '23:59:59',
    });
  });
  it.each(['1.00:00:00', '24:00:00', '1d', '24h'])(
    'refuses %s (exactly 24 h) and offers 23:59:59',
    (text) => {
      expect(checkAccessTokenLifetime(text)).toMatchObject({
        ok: false,
        nearestValidCanonical: '23:59:59',
      });
    },
  );
  it.each([
    ['00:10:00', 600],
    ['23:59:59', 86399],
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

describe('the built-in lifetime', () => {
  it('is a random whole number of seconds from 60 to 90 min, both ends included', () => {
    expect(randomBuiltInAccessTokenLifetimeSeconds(() => 0)).toBe(3600);
    expect(randomBuiltInAccessTokenLifetimeSeconds(() => 0.5)).toBe(4500);
    expect(randomBuiltInAccessTokenLifetimeSeconds(() => 0.9999999)).toBe(5400);
    expect(BUILT_IN_ACCESS_TOKEN_LIFETIME.averageSeconds).toBe(4500);
  });
  it('is worded from the same numbers', () => {
    expect(BUILT_IN_RANGE_TEXT).toBe('60–90 min');
    expect(BUILT_IN_LIFETIME_WORDS).toBe('random 60–90 min, 75 min on average');
  });
});
