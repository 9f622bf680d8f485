import { BUILT_IN_ACCESS_TOKEN_LIFETIME, MAX_ACCESS_TOKEN_LIFETIME_SECONDS } from './lifetime';

/**
 * shortened < 60 min; built-in-default = no policy (60–90 min at random); standard = a policy
 * within 60–90 min; extended > 90 min and < 1 day; maximum = 1 day.
 */
export type AuditClass = 'shortened' | 'built-in-default' | 'standard' | 'extended' | 'maximum';

export const AUDIT_CLASS_LABELS: Record<AuditClass, string> = {
  shortened: 'Shortened (< 60 min)',
  'built-in-default': 'Built-in default (60–90 min)',
  standard: 'Policy within 60–90 min',
  extended: 'Extended (> 90 min)',
  maximum: 'Maximum (1 day)',
};

export function classifyLifetime(effective: { seconds: number | null }): AuditClass {
  const seconds = effective.seconds;
  if (seconds === null) return 'built-in-default';
  if (seconds < BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds) return 'shortened';
  if (seconds >= MAX_ACCESS_TOKEN_LIFETIME_SECONDS) return 'maximum';
  if (seconds > BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds) return 'extended';
  return 'standard';
}
