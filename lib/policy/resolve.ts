// Which policy takes effect for a target, and how long its tokens live: precedence (precedence.ts)
// under the chosen rule and the other one, the caveats (caveats.ts), the words on demand
// (explanation.ts), memoized per policy context. The other files' names are re-exported so callers
// keep importing from here.
import { classifyLifetime, type AuditClass } from './classify';
import { caveatsFor, type Caveat } from './caveats';
import { explain, type ExplanationStep } from './explanation';
import {
  BUILT_IN_ACCESS_TOKEN_LIFETIME,
  randomBuiltInAccessTokenLifetimeSeconds,
} from './lifetime';
import type { PolicyContext } from './policy-context';
import { buildPolicyContext } from './policy-context';
import {
  decisionsDiffer,
  DEFAULT_PRECEDENCE_RULE,
  judge,
  otherRuleOf,
  type Candidate,
} from './precedence';
import {
  hasTrait,
  TRAIT_MANAGED_IDENTITY,
  TRAIT_POLICY_WITHOUT_EFFECT,
  TRAIT_SPACE,
  traitsOf,
} from './target-traits';
import type { DirectoryIndex, DirectoryTarget, LinkSource, PrecedenceRuleId } from './types';

export { CAVEATS, type Caveat, type CaveatCode } from './caveats';
export { type ExplanationStep, type StepOutcome } from './explanation';
export { buildPolicyContext, type PolicyContext } from './policy-context';
export { DEFAULT_PRECEDENCE_RULE, PRECEDENCE_RULES, type PrecedenceRule } from './precedence';

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
  const managedIdentity = hasTrait(traits, TRAIT_MANAGED_IDENTITY);
  const orgDefault = context.organizationDefault;
  const bySource: Record<Candidate['source'], Candidate> = {
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
  const { judged, winner } = judge(rule, bySource, managedIdentity);
  const seconds = winner?.facts?.parsed.accessTokenLifetimeSeconds ?? null;
  return {
    rule,
    seconds,
    minSeconds: seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds,
    maxSeconds: seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
    source: winner?.source ?? 'builtIn',
    policyId: winner?.policyId,
    policyDisplayName: winner?.facts?.policy.displayName,
    caveats: caveatsFor(traits, winner !== undefined),
    auditClass: classifyLifetime({
      seconds,
      policyWithoutEffect: hasTrait(traits, TRAIT_POLICY_WITHOUT_EFFECT),
    }),
    explainSteps: () => explain(rule, judged, winner, managedIdentity),
  };
}

// ---- the memo: one per policy context, dropped with it ----

interface Memo {
  /** By application link number, then by SP link number + traits + rule. */
  byLinks: Map<number, Map<number, EffectiveLifetime>>;
  /** Small numbers for linked policy ids, so a memo key is one number, not a new string. */
  linkNumbers: Map<string, number>;
}

const memos = new WeakMap<PolicyContext, Memo>();

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
  let memo = memos.get(context);
  if (!memo) memos.set(context, (memo = { byLinks: new Map(), linkNumbers: new Map() }));
  // Small-integer keys (application link, then SP link + traits + rule) stay unboxed in V8, which
  // keeps the memo cheap for 100,000 lookups; a string key per target doubled the time.
  const appNumber = linkNumber(memo.linkNumbers, appPolicyId);
  const innerKey =
    (linkNumber(memo.linkNumbers, spPolicyId) * TRAIT_SPACE + traits) * 2 +
    (rule === 'graph-reference' ? 0 : 1);
  let byLinks = memo.byLinks.get(appNumber);
  if (!byLinks) memo.byLinks.set(appNumber, (byLinks = new Map()));
  const cached = byLinks.get(innerKey);
  if (cached) return cached;
  const mine = resolveUncached(rule, spPolicyId, appPolicyId, traits, context);
  const other = resolveUncached(otherRuleOf(rule), spPolicyId, appPolicyId, traits, context);
  const { explainSteps, ...summary } = mine;
  const result = {
    ...summary,
    rulesDisagree: decisionsDiffer(mine, other),
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
  effective: Pick<EffectiveLifetime, 'seconds'>,
  random: () => number = Math.random,
): number {
  return effective.seconds ?? randomBuiltInAccessTokenLifetimeSeconds(random);
}
