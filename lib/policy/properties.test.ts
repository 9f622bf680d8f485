// Property-based checks over the whole valid range (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAccessTokenLifetime,
  MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
  MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
  validateAccessTokenLifetime,
} from './lifetime';
import { formatTimeSpan, parseTimeSpan } from './timespan';

const validSeconds = fc.integer({
  min: MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
  max: MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
});

describe('TimeSpan properties', () => {
  it('format∘parse is the identity on canonical values', () => {
    fc.assert(
      fc.property(validSeconds, (seconds) => {
        const canonical = formatTimeSpan(seconds);
        const parsed = parseTimeSpan(canonical);
        expect(parsed.ok && formatTimeSpan(parsed.seconds)).toBe(canonical);
        expect(parsed.ok && parsed.canonical).toBe(canonical);
        expect(parsed.ok && parsed.findings).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('parse(format(s)).seconds === s, also beyond the valid range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 86400 }), (seconds) => {
        const parsed = parseTimeSpan(formatTimeSpan(seconds));
        expect(parsed.ok && parsed.seconds).toBe(seconds);
      }),
      { numRuns: 2000 },
    );
  });

  it('the doc-style form hh:mm:ss with overflowing minutes reads as the same duration', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 59 }),
        (h, m, s) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const parsed = parseTimeSpan(`${pad(h)}:${pad(m)}:${pad(s)}`);
          expect(parsed.ok && parsed.seconds).toBe(h * 3600 + m * 60 + s);
        },
      ),
    );
  });
});

describe('validation properties', () => {
  it('every value checkAccessTokenLifetime accepts is within 10 min – 23:59:59', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.integer({ min: 0, max: 3 * 86400 }).map(formatTimeSpan),
      fc.tuple(fc.nat(40), fc.constantFrom('m', 'h', 'd', 'min')).map(([n, unit]) => `${n}${unit}`),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = checkAccessTokenLifetime(text);
        if (result.ok) {
          expect(result.seconds).toBeGreaterThanOrEqual(MIN_ACCESS_TOKEN_LIFETIME_SECONDS);
          expect(result.seconds).toBeLessThanOrEqual(MAX_ACCESS_TOKEN_LIFETIME_SECONDS);
          expect(result.seconds).toBeLessThan(86400);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('nearestValidSeconds is always within range and itself valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86400 }), (seconds) => {
        const result = validateAccessTokenLifetime(seconds);
        if (!result.ok) {
          expect(result.nearestValidSeconds).toBeGreaterThanOrEqual(
            MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
          );
          expect(result.nearestValidSeconds).toBeLessThanOrEqual(MAX_ACCESS_TOKEN_LIFETIME_SECONDS);
          expect(validateAccessTokenLifetime(result.nearestValidSeconds).ok).toBe(true);
        } else {
          expect(
            seconds >= MIN_ACCESS_TOKEN_LIFETIME_SECONDS &&
              seconds <= MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
          ).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
