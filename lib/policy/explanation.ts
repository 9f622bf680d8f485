// The step-by-step wording of a resolution: why each candidate won, lost or was ignored. Built only
// when a row is opened (words for 100,000 rows up front would dominate resolveAll).
import { formatDuration } from './format';
import { BUILT_IN_LIFETIME_WORDS, MANAGED_IDENTITY_UNSUPPORTED } from './messages';
import { PRECEDENCE_RULES, type Candidate, type CandidateStatus, type Judged } from './precedence';
import type { LinkSource, PrecedenceRuleId } from './types';

export type StepOutcome = 'won' | 'outranked' | 'absent' | 'ignored';

export interface ExplanationStep {
  source: LinkSource;
  present: boolean;
  policyId?: string;
  policyDisplayName?: string;
  seconds?: number;
  outcome: StepOutcome;
  /** Plain words: why this candidate won or lost. */
  reason: string;
}

const SOURCE_WORDS: Record<LinkSource, string> = {
  servicePrincipal: 'the policy linked to the service principal',
  organizationDefault: 'the organization default',
  application: 'the policy linked to the application object',
  builtIn: 'the built-in default',
};

const STATUS_OUTCOME: Record<CandidateStatus, StepOutcome> = {
  absent: 'absent',
  'not-found': 'ignored',
  'managed-identity': 'ignored',
  'not-named': 'ignored',
  unusable: 'ignored',
  outranked: 'outranked',
  won: 'won',
};

const ABSENT_WORDS: Record<Candidate['source'], string> = {
  servicePrincipal: 'No policy is linked to the service principal.',
  organizationDefault: 'No policy is the organization default.',
  application: 'No policy is linked to the application object.',
};

function reasonFor(
  rule: PrecedenceRuleId,
  { candidate: c, status }: Judged,
  winner: Candidate | undefined,
  seconds: number | undefined,
): string {
  const label = c.facts ? `"${c.facts.policy.displayName}"` : `policy ${c.policyId}`;
  switch (status) {
    case 'absent':
      return ABSENT_WORDS[c.source];
    case 'not-found':
      return `Ignored: the linked policy ${c.policyId} was not found among the tenant's policies.`;
    case 'managed-identity':
      return `Ignored (${label}): ${MANAGED_IDENTITY_UNSUPPORTED}`;
    case 'not-named':
      return `Ignored: ${label} is linked to the service principal, which this rule ("${PRECEDENCE_RULES[rule].name}") does not name.`;
    case 'unusable':
      return `Ignored: ${label} sets no valid lifetime (${
        c.facts?.parsed.findings.find((f) => f.severity === 'error')?.message ??
        'its definition is not usable'
      })`;
    case 'outranked':
      return `Outranked: ${label} (${formatDuration(seconds ?? 0)}) loses to ${SOURCE_WORDS[winner?.source ?? 'builtIn']}, which comes first in this rule.`;
    case 'won':
      return `Applies: ${label} sets ${formatDuration(seconds ?? 0)}; it is ${SOURCE_WORDS[c.source]}, the first usable candidate in this rule.`;
  }
}

function builtInReason(winner: Candidate | undefined, managedIdentity: boolean): string {
  if (winner)
    return `Not used: ${SOURCE_WORDS[winner.source]} takes precedence over the built-in default (${BUILT_IN_LIFETIME_WORDS}).`;
  if (managedIdentity)
    return `Applies: managed identities always get the built-in default (${BUILT_IN_LIFETIME_WORDS}).`;
  return `Applies: no policy takes effect, so Entra issues access tokens with a ${BUILT_IN_LIFETIME_WORDS} lifetime.`;
}

/** One step per candidate in the order they were weighed, then the built-in default. */
export function explain(
  rule: PrecedenceRuleId,
  judged: readonly Judged[],
  winner: Candidate | undefined,
  managedIdentity: boolean,
): ExplanationStep[] {
  const steps: ExplanationStep[] = judged.map((j) => {
    const c = j.candidate;
    const name = c.facts?.policy.displayName;
    const parsed = c.facts?.parsed;
    const seconds = parsed?.usable ? (parsed.accessTokenLifetimeSeconds ?? undefined) : undefined;
    const step: ExplanationStep = {
      source: c.source,
      present: c.policyId !== undefined,
      outcome: STATUS_OUTCOME[j.status],
      reason: reasonFor(rule, j, winner, seconds),
    };
    if (c.policyId !== undefined) step.policyId = c.policyId;
    if (name !== undefined) step.policyDisplayName = name;
    if (seconds !== undefined) step.seconds = seconds;
    return Object.freeze(step);
  });
  steps.push(
    Object.freeze({
      source: 'builtIn' as const,
      present: true,
      outcome: winner ? ('outranked' as const) : ('won' as const),
      reason: builtInReason(winner, managedIdentity),
    }),
  );
  return steps;
}
