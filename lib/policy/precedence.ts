// Which policy wins under each rule. The sources disagree (DOMAIN.md), so both rules are named here;
// judging a target's candidates under one rule is all this file does (words: explanation.ts).
import type { PolicyFacts } from './policy';
import type { LinkSource, PrecedenceRuleId } from './types';

export interface PrecedenceRule {
  id: PrecedenceRuleId;
  name: string;
  /** Sources in the order the rule ranks them, built-in last. */
  order: LinkSource[];
  citation: string;
}

export const PRECEDENCE_RULES: Record<PrecedenceRuleId, PrecedenceRule> = {
  'graph-reference': {
    id: 'graph-reference',
    name: 'Graph reference & 2016 announcement',
    order: ['servicePrincipal', 'organizationDefault', 'application', 'builtIn'],
    citation:
      'Microsoft Graph tokenLifetimePolicy reference and the 2016 configurable token lifetimes announcement: service principal > organization default > application > built-in default.',
  },
  'current-article': {
    id: 'current-article',
    name: 'Current configurable token lifetimes article',
    order: ['organizationDefault', 'application', 'builtIn'],
    citation:
      'Microsoft Learn, "Configurable token lifetimes in the Microsoft identity platform": organization default > application > built-in default; service principals are not named.',
  },
};

export const DEFAULT_PRECEDENCE_RULE: PrecedenceRuleId = 'graph-reference';

export function otherRuleOf(rule: PrecedenceRuleId): PrecedenceRuleId {
  return rule === 'graph-reference' ? 'current-article' : 'graph-reference';
}

/** A place a policy could come from, and the policy found there (if any). */
export interface Candidate {
  source: Exclude<LinkSource, 'builtIn'>;
  policyId?: string;
  facts?: PolicyFacts;
}

/** Why a candidate did not win, or that it did; turned into words only when steps are read. */
export type CandidateStatus =
  'absent' | 'not-found' | 'managed-identity' | 'not-named' | 'unusable' | 'outranked' | 'won';

export interface Judged {
  candidate: Candidate;
  status: CandidateStatus;
}

/** Sources in the order they are weighed: the rule's own, then those it does not name. */
const EVALUATION_ORDER: Record<PrecedenceRuleId, Array<Candidate['source']>> = {
  'graph-reference': ['servicePrincipal', 'organizationDefault', 'application'],
  'current-article': ['organizationDefault', 'application', 'servicePrincipal'],
};

/**
 * Weigh every candidate under `rule`: the first usable one the rule names wins; managed identities
 * take none (Entra does not support them), and the built-in default applies when nothing wins.
 */
export function judge(
  rule: PrecedenceRuleId,
  bySource: Record<Candidate['source'], Candidate>,
  managedIdentity: boolean,
): { judged: Judged[]; winner?: Candidate } {
  const named = PRECEDENCE_RULES[rule].order;
  const judged: Judged[] = [];
  let winner: Candidate | undefined;
  for (const source of EVALUATION_ORDER[rule]) {
    const candidate = bySource[source];
    let status: CandidateStatus;
    if (candidate.policyId === undefined) status = 'absent';
    else if (!candidate.facts) status = 'not-found';
    else if (managedIdentity) status = 'managed-identity';
    else if (!named.includes(candidate.source)) status = 'not-named';
    else if (!candidate.facts.parsed.usable) status = 'unusable';
    else if (winner) status = 'outranked';
    else {
      status = 'won';
      winner = candidate;
    }
    judged.push({ candidate, status });
  }
  return { judged, winner };
}

/** What a rule decided, in numbers: enough to compare two rules or two states of a tenant. */
export interface Decision {
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
  policyId?: string;
}

/**
 * "Different answers" = a different lifetime or a different deciding policy. The same policy
 * reached by another link (an SP link to the org default policy; an app-linked policy that becomes
 * the default) is the same answer: the admin's tokens do not change.
 */
export function decisionsDiffer(a: Decision, b: Decision): boolean {
  return (
    a.seconds !== b.seconds ||
    a.minSeconds !== b.minSeconds ||
    a.maxSeconds !== b.maxSeconds ||
    a.policyId !== b.policyId
  );
}
