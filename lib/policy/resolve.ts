// Which policy sets the access-token lifetime of a resource, and why. The sources disagree on
// precedence (DOMAIN.md), so every answer names its rule and says what the other rule would give.
import { BUILT_IN_ACCESS_TOKEN_LIFETIME } from './lifetime';
import { classifyLifetime, type AuditClass } from './classify';
import { describePolicy, type PolicyFacts } from './policy';
import { isManagedIdentity, looksClientOnly, SHAREPOINT_APP_ID } from './rules';
import type { DirectoryIndex, DirectoryTarget, LinkSource, PrecedenceRuleId, TokenLifetimePolicy } from './types';

export interface PrecedenceRule {
  id: PrecedenceRuleId;
  name: string;
  /** Sources in order of precedence; a source absent from the list is not considered. */
  order: LinkSource[];
  citation: string;
}

export const PRECEDENCE_RULES: Record<PrecedenceRuleId, PrecedenceRule> = {
  'graph-reference': {
    id: 'graph-reference',
    name: 'Graph reference & 2016 announcement',
    order: ['servicePrincipal', 'organizationDefault', 'application', 'builtIn'],
    citation:
      'Microsoft Graph tokenLifetimePolicy reference and the 2016 announcement: service principal > organization default > application > built-in default.',
  },
  'current-article': {
    id: 'current-article',
    name: 'Current configurable token lifetimes article',
    order: ['organizationDefault', 'application', 'builtIn'],
    citation:
      'Current "Configurable token lifetimes" article: organization default > application > built-in default; service principals are not named.',
  },
};

export const SOURCE_LABELS: Record<LinkSource, string> = {
  servicePrincipal: 'Policy on the service principal',
  organizationDefault: 'Organization default',
  application: 'Policy on the application object',
  builtIn: 'Built-in default',
};

export interface PolicyContext {
  byId: Map<string, PolicyFacts>;
  organizationDefault?: PolicyFacts;
  /** More than one means the tenant is in a state Entra should not allow. */
  organizationDefaults: PolicyFacts[];
}

export function buildPolicyContext(policies: TokenLifetimePolicy[]): PolicyContext {
  const byId = new Map<string, PolicyFacts>();
  const organizationDefaults: PolicyFacts[] = [];
  for (const policy of policies) {
    const facts = describePolicy(policy);
    byId.set(policy.id, facts);
    if (policy.isOrganizationDefault) organizationDefaults.push(facts);
  }
  return { byId, organizationDefault: organizationDefaults[0], organizationDefaults };
}

export type StepOutcome = 'won' | 'outranked' | 'absent' | 'ignored';

export interface ExplanationStep {
  source: LinkSource;
  present: boolean;
  policyId?: string;
  policyDisplayName?: string;
  seconds?: number;
  outcome: StepOutcome;
  reason: string;
}

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

export interface RuleOutcome {
  rule: PrecedenceRuleId;
  source: LinkSource;
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
  policyId?: string;
}

export interface EffectiveLifetime extends RuleOutcome {
  policyDisplayName?: string;
  steps: ExplanationStep[];
  rulesDisagree: boolean;
  otherRule: RuleOutcome;
  caveats: Caveat[];
  auditClass: AuditClass;
}


interface Candidate {
  source: LinkSource;
  facts?: PolicyFacts;
  /** Why an existing link does not count, when it doesn't. */
  ignoredBecause?: string;
}

function ignoredBecause(facts: PolicyFacts, managedIdentity: boolean): string | undefined {
  if (managedIdentity) return 'Managed identities are not supported: Entra ignores token lifetime policies for them.';
  if (!facts.parsed.usable) return `"${facts.policy.displayName}" sets no valid AccessTokenLifetime, so it changes nothing.`;
  return undefined;
}

/** The hot path: no allocation beyond the result, so 100,000 targets resolve in milliseconds. */
function winnerUnder(
  rule: PrecedenceRuleId,
  sp: PolicyFacts | undefined,
  org: PolicyFacts | undefined,
  app: PolicyFacts | undefined,
  managedIdentity: boolean,
): [LinkSource, PolicyFacts | undefined] {
  if (!managedIdentity) {
    if (rule === 'graph-reference' && sp?.parsed.usable) return ['servicePrincipal', sp];
    if (org?.parsed.usable) return ['organizationDefault', org];
    if (app?.parsed.usable) return ['application', app];
  }
  return ['builtIn', undefined];
}

function outcomeOf(rule: PrecedenceRuleId, source: LinkSource, facts: PolicyFacts | undefined): RuleOutcome {
  const seconds = facts?.parsed.accessTokenLifetimeSeconds ?? null;
  if (source === 'builtIn' || seconds === null) {
    return {
      rule,
      source: 'builtIn',
      seconds: null,
      minSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds,
      maxSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
    };
  }
  return { rule, source, seconds, minSeconds: seconds, maxSeconds: seconds, policyId: facts?.policy.id };
}

function describeStep(candidate: Candidate, winner: LinkSource, rule: PrecedenceRuleId): ExplanationStep {
  const facts = candidate.facts;
  const base = {
    source: candidate.source,
    present: candidate.source === 'builtIn' || facts !== undefined,
    policyId: facts?.policy.id,
    policyDisplayName: facts?.policy.displayName,
    seconds: facts?.parsed.accessTokenLifetimeSeconds ?? undefined,
  };
  const label = SOURCE_LABELS[candidate.source];
  if (candidate.source === winner) {
    return {
      ...base,
      outcome: 'won',
      reason:
        candidate.source === 'builtIn'
          ? 'No applicable policy ranks above it, so Entra picks a random lifetime of 60–90 minutes.'
          : `${label} "${facts?.policy.displayName}" is the highest-ranked applicable policy under this rule.`,
    };
  }
  if (candidate.source !== 'builtIn' && !facts) {
    return { ...base, outcome: 'absent', reason: `No ${label.toLowerCase()}.` };
  }
  if (candidate.ignoredBecause) return { ...base, outcome: 'ignored', reason: candidate.ignoredBecause };
  if (!PRECEDENCE_RULES[rule].order.includes(candidate.source)) {
    return {
      ...base,
      outcome: 'ignored',
      reason: 'This rule does not name service principal links, so it does not count here (the other rule ranks it first).',
    };
  }
  return {
    ...base,
    outcome: 'outranked',
    reason: `Outranked by ${SOURCE_LABELS[winner].toLowerCase()} under this rule.`,
  };
}

function caveatsFor(target: DirectoryTarget, outcome: RuleOutcome): Caveat[] {
  const caveats: Caveat[] = [];
  const sp = target.servicePrincipal;
  if (isManagedIdentity(sp)) {
    caveats.push({
      code: 'managed-identity-unsupported',
      message: 'Managed identity: token lifetime policies are not supported and are ignored; tokens keep the built-in lifetime.',
    });
  }
  if (target.appId === SHAREPOINT_APP_ID) {
    caveats.push({
      code: 'sharepoint-desktop-mobile-only',
      message: 'SharePoint Online and OneDrive: a policy applies to desktop and mobile clients only, not to browser sessions.',
    });
  }
  if (sp && sp.accountEnabled === false) {
    caveats.push({ code: 'disabled-service-principal', message: 'This service principal is disabled: no tokens are issued for it.' });
  }
  if (outcome.source === 'builtIn') {
    caveats.push({
      code: 'cae-up-to-28h',
      message: 'Clients that support Continuous Access Evaluation may get tokens of up to 28 hours for CAE-enabled resources.',
    });
  } else {
    caveats.push({
      code: 'client-credentials-no-refresh',
      message: 'Client-credentials tokens come without refresh tokens: jobs running longer than this lifetime must acquire a new token.',
    });
  }
  if (looksClientOnly(target) && target.applicationPolicyId) {
    caveats.push({
      code: 'lifetime-follows-resource',
      message: 'Lifetime follows the resource: this app exposes no API, so its policy changes no token it requests for Microsoft Graph or other APIs.',
    });
  }
  return caveats;
}

/**
 * The answer for one target. The explanation (steps) and caveats are built on first read: a table
 * of 100,000 rows needs only the lifetime, one explanation panel needs the words.
 */
class ResolvedLifetime implements EffectiveLifetime {
  readonly rule: PrecedenceRuleId;
  readonly source: LinkSource;
  readonly seconds: number | null;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly policyId?: string;
  readonly policyDisplayName?: string;
  readonly rulesDisagree: boolean;
  readonly otherRule: RuleOutcome;
  readonly auditClass: AuditClass;
  #steps?: ExplanationStep[];
  #caveats?: Caveat[];

  constructor(
    outcome: RuleOutcome,
    winnerFacts: PolicyFacts | undefined,
    otherRule: RuleOutcome,
    private readonly target: DirectoryTarget,
    private readonly facts: [PolicyFacts | undefined, PolicyFacts | undefined, PolicyFacts | undefined],
  ) {
    this.rule = outcome.rule;
    this.source = outcome.source;
    this.seconds = outcome.seconds;
    this.minSeconds = outcome.minSeconds;
    this.maxSeconds = outcome.maxSeconds;
    this.policyId = outcome.policyId;
    this.policyDisplayName = winnerFacts?.policy.displayName;
    this.otherRule = otherRule;
    this.rulesDisagree = !sameOutcome(outcome, otherRule);
    this.auditClass = classifyLifetime(outcome);
  }

  get steps(): ExplanationStep[] {
    if (!this.#steps) {
      const managedIdentity = isManagedIdentity(this.target.servicePrincipal);
      const [sp, org, app] = this.facts;
      const candidates: Candidate[] = [
        { source: 'servicePrincipal', facts: sp },
        { source: 'organizationDefault', facts: org },
        { source: 'application', facts: app },
        { source: 'builtIn' },
      ];
      for (const c of candidates) if (c.facts) c.ignoredBecause = ignoredBecause(c.facts, managedIdentity);
      this.#steps = candidates.map((c) => describeStep(c, this.source, this.rule));
    }
    return this.#steps;
  }

  get caveats(): Caveat[] {
    this.#caveats ??= caveatsFor(this.target, this);
    return this.#caveats;
  }

  toJSON() {
    const { rule, source, seconds, minSeconds, maxSeconds, policyId, policyDisplayName, rulesDisagree, otherRule, auditClass } = this;
    return { rule, source, seconds, minSeconds, maxSeconds, policyId, policyDisplayName, rulesDisagree, otherRule, auditClass, steps: this.steps, caveats: this.caveats };
  }
}

function sameOutcome(a: RuleOutcome, b: RuleOutcome): boolean {
  return a.source === b.source && a.seconds === b.seconds && a.policyId === b.policyId;
}

export function resolveEffectiveLifetime(
  target: DirectoryTarget,
  context: PolicyContext,
  rule: PrecedenceRuleId = 'graph-reference',
): EffectiveLifetime {
  const sp = target.servicePrincipalPolicyId === undefined ? undefined : context.byId.get(target.servicePrincipalPolicyId);
  const app = target.applicationPolicyId === undefined ? undefined : context.byId.get(target.applicationPolicyId);
  const org = context.organizationDefault;
  const managedIdentity = isManagedIdentity(target.servicePrincipal);
  const [source, facts] = winnerUnder(rule, sp, org, app, managedIdentity);
  const otherRuleId: PrecedenceRuleId = rule === 'graph-reference' ? 'current-article' : 'graph-reference';
  const [otherSource, otherFacts] = winnerUnder(otherRuleId, sp, org, app, managedIdentity);
  return new ResolvedLifetime(
    outcomeOf(rule, source, facts),
    facts,
    outcomeOf(otherRuleId, otherSource, otherFacts),
    target,
    [sp, org, app],
  );
}

export function resolveAll(index: DirectoryIndex, rule: PrecedenceRuleId = 'graph-reference'): Map<string, EffectiveLifetime> {
  const context = buildPolicyContext(index.policies);
  const result = new Map<string, EffectiveLifetime>();
  for (const target of index.targets) result.set(target.appId, resolveEffectiveLifetime(target, context, rule));
  return result;
}

/** What a token issuer uses: the policy's value, or a uniform whole second in 60–90 minutes. */
export function issuedAccessTokenLifetimeSeconds(
  effective: Pick<RuleOutcome, 'seconds' | 'minSeconds' | 'maxSeconds'>,
  random: () => number = Math.random,
): number {
  if (effective.seconds !== null) return effective.seconds;
  const span = effective.maxSeconds - effective.minSeconds;
  return effective.minSeconds + Math.floor(random() * (span + 1));
}
