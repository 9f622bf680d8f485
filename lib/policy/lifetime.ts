// The one rule that still matters: AccessTokenLifetime lies within 10 minutes – 1 day.
import { formatDuration } from './format';
import { formatTimeSpan, parseLifetimeInput } from './timespan';
import type { Finding } from './types';

export const MIN_ACCESS_TOKEN_LIFETIME_SECONDS = 600;
export const MAX_ACCESS_TOKEN_LIFETIME_SECONDS = 86_400;
/** Without a policy Entra picks a random access-token lifetime of 60–90 minutes (75 on average). */
export const BUILT_IN_ACCESS_TOKEN_LIFETIME = {
  minSeconds: 3_600,
  maxSeconds: 5_400,
  averageSeconds: 4_500,
} as const;
export const BUILT_IN_ID_TOKEN_LIFETIME_SECONDS = 3_600;
/** Clients that negotiate Continuous Access Evaluation may get tokens of up to 28 hours. */
export const CAE_MAX_LIFETIME_SECONDS = 28 * 3_600;

export const LIFETIME_RANGE_TEXT = '10 minutes (00:10:00) to 1 day (1.00:00:00)';

export type LifetimeValidation =
  | { ok: true }
  | { ok: false; error: string; nearestValidSeconds: number };

export function validateAccessTokenLifetime(seconds: number): LifetimeValidation {
  if (!Number.isFinite(seconds) || !Number.isInteger(seconds)) {
    return {
      ok: false,
      error: `An access-token lifetime must be a whole number of seconds within ${LIFETIME_RANGE_TEXT}.`,
      nearestValidSeconds: MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (seconds < MIN_ACCESS_TOKEN_LIFETIME_SECONDS) {
    return {
      ok: false,
      error: `${formatDuration(seconds)} is too short: the minimum is 10 minutes (00:10:00). Allowed: ${LIFETIME_RANGE_TEXT}.`,
      nearestValidSeconds: MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (seconds > MAX_ACCESS_TOKEN_LIFETIME_SECONDS) {
    return {
      ok: false,
      error: `${formatDuration(seconds)} is too long: the maximum is 1 day (1.00:00:00). Allowed: ${LIFETIME_RANGE_TEXT}.`,
      nearestValidSeconds: MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  return { ok: true };
}

export type LifetimeCheck =
  | { ok: true; seconds: number; canonical: string; findings: Finding[] }
  | { ok: false; error: string; nearestValidSeconds?: number; nearestValidCanonical?: string };

/** Parse what the admin typed and validate it: what forms call on every keystroke. */
export function checkAccessTokenLifetime(text: string): LifetimeCheck {
  const parsed = parseLifetimeInput(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const valid = validateAccessTokenLifetime(parsed.seconds);
  if (!valid.ok) {
    return {
      ok: false,
      error: valid.error,
      nearestValidSeconds: valid.nearestValidSeconds,
      nearestValidCanonical: formatTimeSpan(valid.nearestValidSeconds),
    };
  }
  return parsed;
}
