// Audit classes of an effective lifetime. Lives apart from audit.ts so resolve.ts can use it
// without an import cycle.
import { BUILT_IN_ACCESS_TOKEN_LIFETIME, MAX_ACCESS_TOKEN_LIFETIME_SECONDS } from './lifetime';

/**
 * shortened: a policy sets < 60 min; built-in-default: no policy (random 60–90 min);
 * standard: a policy sets 60–90 min; extended: > 90 min and < 23:59:59; maximum: 23:59:59, or the
 * 1 day an older policy may still hold.
 */
export type AuditClass = 'shortened' | 'built-in-default' | 'standard' | 'extended' | 'maximum';

export const AUDIT_CLASSES: readonly AuditClass[] = [
  'shortened',
  'built-in-default',
  'standard',
  'extended',
  'maximum',
];

export function classifyLifetime(e: { seconds: number | null }): AuditClass {
  if (e.seconds === null) return 'built-in-default';
  if (e.seconds < BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds) return 'shortened';
  if (e.seconds <= BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds) return 'standard';
  if (e.seconds < MAX_ACCESS_TOKEN_LIFETIME_SECONDS) return 'extended';
  return 'maximum';
}

export const AUDIT_CLASS_LABELS: Record<AuditClass, string> = {
  shortened: 'Shortened (< 60 min)',
  'built-in-default': 'Built-in default (60–90 min)',
  standard: 'Policy within 60–90 min',
  extended: 'Extended (> 90 min)',
  maximum: 'Maximum (23:59:59 or 1 day)',
};
