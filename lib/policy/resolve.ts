// Which policy takes effect for a target. The sources disagree (DOMAIN.md), so both rules are
// named here and every result says which rule it used and whether the other one differs.
import { classifyLifetime, type AuditClass } from './classify';
import { formatDuration } from './format';
import { BUILT_IN_ACCESS_TOKEN_LIFETIME, CAE_MAX_LIFETIME_SECONDS } from './lifetime';
import { describePolicy, type PolicyFacts } from './policy';
import {
  isManagedIdentity,
  isMicrosoftFirstParty,
  looksClientOnly,
  SHAREPOINT_APP_ID,
} from './rules';
import type {
  DirectoryIndex,
  DirectoryTarget,
  Finding,
  LinkSource,
  PrecedenceRuleId,
  TokenLifetimePolicy,
} from './types';

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

export type CaveatCode =
  | 'managed-identity-unsupported'
  | 'sharepoint-desktop-mobile-only'
  | 'cae-up-to-28h'
  | 'client-credentials-no-refresh'
  | 'lifetime-follows-resource'
  | 'disabled-service-principal';

export interface Caveat {
  code: CaveatCode;
  message: string;
}

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

export interface RuleOutcome {
  rule: PrecedenceRuleId;
  source: LinkSource;
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
  policyId?: string;
}

/**
 * The lifetime a target's tokens get. Results are shared between targets with the same links and
 * traits (that is what makes 100,000 targets cheap), so they are frozen: never mutate one.
 */
export interface EffectiveLifetime {
  rule: PrecedenceRuleId;
  /** null → no policy applies: the built-in random 60–90 min. */
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
  source: LinkSource;
  policyId?: string;
  policyDisplayName?: string;
  steps: readonly ExplanationStep[];
  rulesDisagree: boolean;
  otherRule: RuleOutcome;
  caveats: readonly Caveat[];
  auditClass: AuditClass;
}

export interface PolicyContext {
  policies: readonly TokenLifetimePolicy[];
  /** Every policy, definition parsed once, by id. */
  factsById: Map<string, PolicyFacts>;
  organizationDefault?: PolicyFacts;
  /** Every policy that claims to be the organization default (more than one is a tenant error). */
  organizationDefaultClaims: PolicyFacts[];
  findings: Finding[];
  /** Memo of resolutions by rule and link/trait key; internal to resolve.ts. */
  cache: Map<number, Map<number, EffectiveLifetime>>;
  /** Small numbers for linked policy ids, so a memo key is one number, not a new string. */
  linkNumbers: Map<string, number>;
}

export function buildPolicyContext(policies: readonly TokenLifetimePolicy[]): PolicyContext {
  const factsById = new Map<string, PolicyFacts>();
  const claims: PolicyFacts[] = [];
  for (const policy of policies) {
    if (policy.deletedDateTime) continue;
    const facts = describePolicy(policy);
    factsById.set(policy.id, facts);
    if (policy.isOrganizationDefault === true) claims.push(facts);
  }
  const findings: Finding[] = [];
  if (claims.length > 1) {
    findings.push({
      code: 'multiple-organization-defaults',
      severity: 'error',
      message: `${claims.length} policies claim to be the organization default (${claims
        .map((c) => `"${c.policy.displayName}"`)
        .join(
          ', ',
        )}); only one may be. "${claims[0].policy.displayName}" is assumed; clear the others.`,
    });
  }
  return {
    policies,
    factsById,
    organizationDefault: claims[0],
    organizationDefaultClaims: claims,
    findings,
    cache: new Map(),
    linkNumbers: new Map(),
  };
}

// Traits of a target that change the answer or its caveats, packed in a bit mask for the memo key.
const TRAIT_MANAGED_IDENTITY = 1;
const TRAIT_SHAREPOINT = 2;
const TRAIT_FIRST_PARTY = 4;
const TRAIT_CLIENT_ONLY = 8;
const TRAIT_DISABLED = 16;
const TRAIT_HAS_SP = 32;

function traitsOf(target: DirectoryTarget): number {
  const sp = target.servicePrincipal;
  let traits = 0;
  if (sp) {
    traits |= TRAIT_HAS_SP;
    if (isManagedIdentity(sp)) traits |= TRAIT_MANAGED_IDENTITY;
    if (sp.appId === SHAREPOINT_APP_ID) traits |= TRAIT_SHAREPOINT;
    if (isMicrosoftFirstParty(sp)) traits |= TRAIT_FIRST_PARTY;
    if (sp.accountEnabled === false) traits |= TRAIT_DISABLED;
  }
  if (target.application && looksClientOnly(target)) traits |= TRAIT_CLIENT_ONLY;
  return traits;
}

const SOURCE_WORDS: Record<LinkSource, string> = {
  servicePrincipal: 'the policy linked to the service principal',
  organizationDefault: 'the organization default',
  application: 'the policy linked to the application object',
  builtIn: 'the built-in default',
};

const BUILT_IN_WORDS = `random ${BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds / 60}–${
  BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds / 60
} min, ${BUILT_IN_ACCESS_TOKEN_LIFETIME.averageSeconds / 60} min on average`;

interface Candidate {
  source: LinkSource;
  policyId?: string;
  facts?: PolicyFacts;
}

const CAVEATS: Record<CaveatCode, Caveat> = {
  'managed-identity-unsupported': {
    code: 'managed-identity-unsupported',
    message:
      'Managed identities are not supported by token lifetime policies: any policy is ignored and the built-in default applies.',
  },
  'sharepoint-desktop-mobile-only': {
    code: 'sharepoint-desktop-mobile-only',
    message:
      'For SharePoint Online and OneDrive a policy applies to desktop and mobile clients only, not to browser sessions.',
  },
  'cae-up-to-28h': {
    code: 'cae-up-to-28h',
    message: `Clients that use Continuous Access Evaluation can get tokens for this resource lasting up to ${formatDuration(CAE_MAX_LIFETIME_SECONDS)}, whatever the policy says.`,
  },
  'client-credentials-no-refresh': {
    code: 'client-credentials-no-refresh',
    message:
      'Scripts and daemons using client credentials get no refresh token: they must request a new token before this lifetime ends.',
  },
  'lifetime-follows-resource': {
    code: 'lifetime-follows-resource',
    message:
      'The lifetime follows the resource (the API a token is for), not the client: this app exposes no API, so its policy does not change the tokens it gets for Microsoft Graph or other APIs.',
  },
  'disabled-service-principal': {
    code: 'disabled-service-principal',
    message:
      'The service principal is disabled: no tokens are issued for it until it is enabled again.',
  },
};
for (const caveat of Object.values(CAVEATS)) Object.freeze(caveat);

/** Why a candidate did not win, or that it did; turned into words only when steps are read. */
type CandidateStatus =
  'absent' | 'not-found' | 'managed-identity' | 'not-named' | 'unusable' | 'outranked' | 'won';

interface Judged {
  candidate: Candidate;
  status: CandidateStatus;
}

const STATUS_OUTCOME: Record<CandidateStatus, StepOutcome> = {
  absent: 'absent',
  'not-found': 'ignored',
  'managed-identity': 'ignored',
  'not-named': 'ignored',
  unusable: 'ignored',
  outranked: 'outranked',
  won: 'won',
};

const ABSENT_WORDS: Record<Exclude<LinkSource, 'builtIn'>, string> = {
  servicePrincipal: 'No policy is linked to the service principal.',
  organizationDefault: 'No policy is the organization default.',
  application: 'No policy is linked to the application object.',
};

/** Sources in the order they are weighed: the rule's own, then those it does not name, built-in last. */
const EVALUATION_ORDER: Record<PrecedenceRuleId, Array<Exclude<LinkSource, 'builtIn'>>> = {
  'graph-reference': ['servicePrincipal', 'organizationDefault', 'application'],
  'current-article': ['organizationDefault', 'application', 'servicePrincipal'],
};

function judge(
  rule: PrecedenceRuleId,
  candidates: Candidate[],
  managedIdentity: boolean,
): { judged: Judged[]; winner?: Candidate } {
  const named = PRECEDENCE_RULES[rule].order;
  const judged: Judged[] = [];
  let winner: Candidate | undefined;
  for (const candidate of candidates) {
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

function explain(
  rule: PrecedenceRuleId,
  judged: Judged[],
  winner: Candidate | undefined,
  managedIdentity: boolean,
): ExplanationStep[] {
  const steps: ExplanationStep[] = judged.map(({ candidate: c, status }) => {
    const source = c.source as Exclude<LinkSource, 'builtIn'>;
    const name = c.facts?.policy.displayName;
    const label = name ? `"${name}"` : `policy ${c.policyId}`;
    const parsed = c.facts?.parsed;
    const seconds = parsed?.usable ? (parsed.accessTokenLifetimeSeconds ?? undefined) : undefined;
    let reason: string;
    switch (status) {
      case 'absent':
        reason = ABSENT_WORDS[source];
        break;
      case 'not-found':
        reason = `Ignored: the linked policy ${c.policyId} was not found among the tenant's policies.`;
        break;
      case 'managed-identity':
        reason = `Ignored: ${label} has no effect because managed identities are not supported by token lifetime policies.`;
        break;
      case 'not-named':
        reason = `Ignored: ${label} is linked to the service principal, which this rule ("${PRECEDENCE_RULES[rule].name}") does not name.`;
        break;
      case 'unusable':
        reason = `Ignored: ${label} sets no valid lifetime (${
          parsed?.findings.find((f) => f.severity === 'error')?.message ??
          'its definition is not usable'
        })`;
        break;
      case 'outranked':
        reason = `Outranked: ${label} (${formatDuration(seconds ?? 0)}) loses to ${SOURCE_WORDS[winner?.source ?? 'builtIn']}, which comes first in this rule.`;
        break;
      case 'won':
        reason = `Applies: ${label} sets ${formatDuration(seconds ?? 0)}; it is ${SOURCE_WORDS[source]}, the first usable candidate in this rule.`;
        break;
    }
    const step: ExplanationStep = {
      source,
      present: c.policyId !== undefined,
      outcome: STATUS_OUTCOME[status],
      reason,
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
      reason: winner
        ? `Not used: ${SOURCE_WORDS[winner.source]} takes precedence over the built-in default (${BUILT_IN_WORDS}).`
        : managedIdentity
          ? `Applies: managed identities always get the built-in default (${BUILT_IN_WORDS}).`
          : `Applies: no policy takes effect, so Entra issues access tokens with a ${BUILT_IN_WORDS} lifetime.`,
    }),
  );
  return steps;
}

type Resolution = Omit<EffectiveLifetime, 'rulesDisagree' | 'otherRule' | 'steps'> & {
  explainSteps: () => ExplanationStep[];
};

function resolveUncached(
  rule: PrecedenceRuleId,
  spPolicyId: string | undefined,
  appPolicyId: string | undefined,
  traits: number,
  context: PolicyContext,
): Resolution {
  const managedIdentity = (traits & TRAIT_MANAGED_IDENTITY) !== 0;
  const orgDefault = context.organizationDefault;
  const bySource: Record<Exclude<LinkSource, 'builtIn'>, Candidate> = {
    servicePrincipal: {
      source: 'servicePrincipal',
      policyId: spPolicyId,
      facts: spPolicyId ? context.factsById.get(spPolicyId) : undefined,
    },
    organizationDefault: {
      source: 'organizationDefault',
      policyId: orgDefault?.policy.id,
      facts: orgDefault,
    },
    application: {
      source: 'application',
      policyId: appPolicyId,
      facts: appPolicyId ? context.factsById.get(appPolicyId) : undefined,
    },
  };
  const { judged, winner } = judge(
    rule,
    EVALUATION_ORDER[rule].map((s) => bySource[s]),
    managedIdentity,
  );

  const seconds = winner?.facts?.parsed.accessTokenLifetimeSeconds ?? null;
  const caveats: Caveat[] = [];
  if (managedIdentity) caveats.push(CAVEATS['managed-identity-unsupported']);
  if (traits & TRAIT_SHAREPOINT) caveats.push(CAVEATS['sharepoint-desktop-mobile-only']);
  if (traits & TRAIT_FIRST_PARTY) caveats.push(CAVEATS['cae-up-to-28h']);
  if (winner && traits & TRAIT_HAS_SP && !managedIdentity)
    caveats.push(CAVEATS['client-credentials-no-refresh']);
  if (traits & TRAIT_CLIENT_ONLY && (spPolicyId || appPolicyId))
    caveats.push(CAVEATS['lifetime-follows-resource']);
  if (traits & TRAIT_DISABLED) caveats.push(CAVEATS['disabled-service-principal']);
  return {
    rule,
    seconds,
    minSeconds: seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds,
    maxSeconds: seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
    source: winner?.source ?? 'builtIn',
    policyId: winner?.policyId,
    policyDisplayName: winner?.facts?.policy.displayName,
    caveats: Object.freeze(caveats),
    auditClass: classifyLifetime({ seconds }),
    explainSteps: () => explain(rule, judged, winner, managedIdentity),
  };
}

function otherRuleOf(rule: PrecedenceRuleId): PrecedenceRuleId {
  return rule === 'graph-reference' ? 'current-article' : 'graph-reference';
}

const LINK_SPACE = 2 ** 22;

function linkNumber(links: Map<string, number>, policyId: string | undefined): number {
  if (policyId === undefined) return 0;
  let n = links.get(policyId);
  if (n === undefined) {
    n = links.size + 1;
    if (n >= LINK_SPACE)
      throw new RangeError('Too many distinct policy ids for one policy context.');
    links.set(policyId, n);
  }
  return n;
}

export function resolveEffectiveLifetime(
  target: DirectoryTarget,
  context: PolicyContext,
  rule: PrecedenceRuleId = DEFAULT_PRECEDENCE_RULE,
): EffectiveLifetime {
  // Links to an object that does not exist in this tenant cannot take effect.
  const spPolicyId = target.servicePrincipal ? target.servicePrincipalPolicyId : undefined;
  const appPolicyId = target.application ? target.applicationPolicyId : undefined;
  const traits = traitsOf(target);
  // Small-integer keys (application link, then SP link + traits + rule) stay unboxed in V8, which
  // keeps the memo cheap for 100,000 lookups; a string key per target doubled the time.
  const links = context.linkNumbers;
  const appNumber = linkNumber(links, appPolicyId);
  const innerKey =
    (linkNumber(links, spPolicyId) * 64 + traits) * 2 + (rule === 'graph-reference' ? 0 : 1);
  let byLinks = context.cache.get(appNumber);
  if (!byLinks) context.cache.set(appNumber, (byLinks = new Map()));
  const cached = byLinks.get(innerKey);
  if (cached) return cached;
  const mine = resolveUncached(rule, spPolicyId, appPolicyId, traits, context);
  const other = resolveUncached(otherRuleOf(rule), spPolicyId, appPolicyId, traits, context);
  // "Different answers" = a different lifetime or a different policy; the same policy reached by
  // another link (e.g. SP link to the org default policy) is the same answer.
  const rulesDisagree =
    mine.seconds !== other.seconds ||
    mine.minSeconds !== other.minSeconds ||
    mine.maxSeconds !== other.maxSeconds ||
    mine.policyId !== other.policyId;
  const { explainSteps, ...summary } = mine;
  const result = {
    ...summary,
    rulesDisagree,
    otherRule: Object.freeze({
      rule: other.rule,
      source: other.source,
      seconds: other.seconds,
      minSeconds: other.minSeconds,
      maxSeconds: other.maxSeconds,
      policyId: other.policyId,
    }),
  } as EffectiveLifetime;
  // The explanation is words for one row the admin opens; building it for 100,000 rows up front
  // would dominate resolveAll. An enumerable getter keeps spread, JSON and structuredClone working.
  let steps: readonly ExplanationStep[] | undefined;
  Object.defineProperty(result, 'steps', {
    enumerable: true,
    get: () => (steps ??= Object.freeze(explainSteps())),
  });
  Object.freeze(result);
  byLinks.set(innerKey, result);
  return result;
}

export function resolveAll(
  index: DirectoryIndex,
  rule: PrecedenceRuleId = DEFAULT_PRECEDENCE_RULE,
  context: PolicyContext = buildPolicyContext(index.policies),
): Map<string, EffectiveLifetime> {
  const result = new Map<string, EffectiveLifetime>();
  for (const target of index.targets)
    result.set(target.appId, resolveEffectiveLifetime(target, context, rule));
  return result;
}

/** What a token issuer should use: the policy's lifetime, or a uniform whole number in 60–90 min. */
export function issuedAccessTokenLifetimeSeconds(
  effective: EffectiveLifetime,
  random: () => number = Math.random,
): number {
  if (effective.seconds !== null) return effective.seconds;
  const span = effective.maxSeconds - effective.minSeconds;
  return effective.minSeconds + Math.min(span, Math.floor(random() * (span + 1)));
}
