// Audit classes of an effective lifetime. Lives apart from audit.ts so resolve.ts can use it
// without an import cycle.
import { BUILT_IN_ACCESS_TOKEN_LIFETIME, MAX_ACCESS_TOKEN_LIFETIME_SECONDS } from './lifetime';
import { BUILT_IN_RANGE_TEXT } from './messages';

/**
 * shortened: a policy sets < 60 min; built-in-default: no policy (random 60–90 min);
 * standard: a policy sets 60–90 min; extended: > 90 min and < 23:59:59; maximum: 23:59:59, or the
 * 1 day an older policy may still hold; no-effect: a client-only app's own policy, which changes no
 * token because no token is ever issued for the app (rules.ts, linkedPolicyHasNoEffect).
 */
export type AuditClass =
  'shortened' | 'built-in-default' | 'standard' | 'extended' | 'maximum' | 'no-effect';

export const AUDIT_CLASSES: readonly AuditClass[] = [
  'shortened',
  'built-in-default',
  'standard',
  'extended',
  'maximum',
  'no-effect',
];

export function classifyLifetime(e: {
  seconds: number | null;
  /** The target's own policy changes nothing (a client-only app): see rules.ts. */
  policyWithoutEffect?: boolean;
}): AuditClass {
  if (e.policyWithoutEffect) return 'no-effect';
  if (e.seconds === null) return 'built-in-default';
  if (e.seconds < BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds) return 'shortened';
  if (e.seconds <= BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds) return 'standard';
  if (e.seconds < MAX_ACCESS_TOKEN_LIFETIME_SECONDS) return 'extended';
  return 'maximum';
}

export const AUDIT_CLASS_LABELS: Record<AuditClass, string> = {
  shortened: `Shortened (< ${Math.round(BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds / 60)} min)`,
  'built-in-default': `Built-in default (${BUILT_IN_RANGE_TEXT})`,
  standard: `Policy within ${BUILT_IN_RANGE_TEXT}`,
  extended: `Extended (> ${Math.round(BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds / 60)} min)`,
  maximum: 'Maximum (23:59:59 or 1 day)',
  'no-effect': 'Policy without effect (client-only app)',
};
