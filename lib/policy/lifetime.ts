// The one rule that still matters: AccessTokenLifetime between 10 minutes and 23:59:59, inclusive.
// Microsoft documents the maximum as "1 day", but Graph refuses exactly 24 h (`24:00:00`,
// `1.00:00:00`) with 400 "Property definition has an invalid value": field reports
// MicrosoftDocs/azure-docs#37342 (2019, "The max working value seems to be 23:59:59") and
// MicrosoftDocs/entra-docs#1946 (2026, Graph POST refused "24:00:00", accepted "23:59:59").
import { formatDuration } from './format';
import { formatTimeSpan, parseLifetimeInput } from './timespan';
import type { Finding } from './types';

export const MIN_ACCESS_TOKEN_LIFETIME_SECONDS = 600;
/** 23:59:59: the largest value known to be accepted by Graph. */
export const MAX_ACCESS_TOKEN_LIFETIME_SECONDS = 86399;
/**
 * Exactly one day: what the docs promise and what older tenants still hold. Entra reads it, Graph
 * will not write it any more; a policy holding it is read as 1 day and saved as 23:59:59.
 */
export const DOCUMENTED_ONE_DAY_SECONDS = 86400;
export const ALLOWED_RANGE = 'Allowed range: 10 minutes to 23:59:59.';
/** Built-in access token lifetime when no policy applies: random 60–90 min, 75 on average. */
export const BUILT_IN_ACCESS_TOKEN_LIFETIME = {
  minSeconds: 3600,
  maxSeconds: 5400,
  averageSeconds: 4500,
} as const;
export const BUILT_IN_ID_TOKEN_LIFETIME_SECONDS = 3600;

/** A lifetime Entra might pick without a policy: a uniform whole number of seconds in 60–90 min. */
export function randomBuiltInAccessTokenLifetimeSeconds(
  random: () => number = Math.random,
): number {
  const { minSeconds, maxSeconds } = BUILT_IN_ACCESS_TOKEN_LIFETIME;
  const span = maxSeconds - minSeconds;
  return minSeconds + Math.min(span, Math.floor(random() * (span + 1)));
}
/** Clients that negotiate Continuous Access Evaluation can receive tokens of up to 28 h. */
export const CAE_MAX_LIFETIME_SECONDS = 28 * 3600;

export function validateAccessTokenLifetime(
  seconds: number,
): { ok: true } | { ok: false; error: string; nearestValidSeconds: number } {
  if (!Number.isFinite(seconds)) {
    return {
      ok: false,
      error: 'The lifetime is not a number.',
      nearestValidSeconds: MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (seconds < MIN_ACCESS_TOKEN_LIFETIME_SECONDS) {
    return {
      ok: false,
      error: `${formatDuration(seconds)} is too short: the minimum is 10 minutes (00:10:00). ${ALLOWED_RANGE}`,
      nearestValidSeconds: MIN_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (seconds === DOCUMENTED_ONE_DAY_SECONDS) {
    return {
      ok: false,
      error: `1 day (1.00:00:00) is refused by Microsoft Graph, although documented: Graph refuses exactly 24 hours, so the maximum is 23:59:59. ${ALLOWED_RANGE}`,
      nearestValidSeconds: MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (seconds > MAX_ACCESS_TOKEN_LIFETIME_SECONDS) {
    return {
      ok: false,
      error: `${formatDuration(seconds)} is too long: the maximum is 23:59:59 (Graph refuses exactly 24 hours). ${ALLOWED_RANGE}`,
      nearestValidSeconds: MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  if (!Number.isInteger(seconds)) {
    return { ok: false, error: 'Use whole seconds.', nearestValidSeconds: Math.round(seconds) };
  }
  return { ok: true };
}

/** Parse what the admin typed and check the range; forms call this on every keystroke. */
export function checkAccessTokenLifetime(
  text: string,
):
  | { ok: true; seconds: number; canonical: string; findings: Finding[] }
  | { ok: false; error: string; nearestValidSeconds?: number; nearestValidCanonical?: string } {
  const parsed = parseLifetimeInput(text);
  if (!parsed.ok) return parsed;
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
