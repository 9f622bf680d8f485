// Audit of a tenant and the impact of a proposed change, before it is made.
import { AUDIT_CLASS_LABELS, AUDIT_CLASSES, type AuditClass } from './classify';
import { buildDefinition } from './definition';
import { BUILT_IN_ACCESS_TOKEN_LIFETIME } from './lifetime';
import { BUILT_IN_RANGE_TEXT } from './messages';
import type { PolicyFacts } from './policy';
import { decisionsDiffer } from './precedence';
import {
  buildPolicyContext,
  resolveAll,
  DEFAULT_PRECEDENCE_RULE,
  type EffectiveLifetime,
} from './resolve';
import { linkability, unlinkedPolicyFinding, type LinkObjectType } from './rules';
import type {
  DirectoryIndex,
  DirectoryTarget,
  PrecedenceRuleId,
  TokenLifetimePolicy,
} from './types';

export { classifyLifetime, type AuditClass } from './classify';

export type { LinkObjectType } from './rules';

export type ProposedChange =
  | { kind: 'edit-lifetime'; policyId: string; accessTokenLifetimeSeconds: number }
  | { kind: 'link'; policyId: string; objectType: LinkObjectType; objectId: string }
  | { kind: 'unlink'; policyId: string; objectType: LinkObjectType; objectId: string }
  | { kind: 'set-organization-default'; policyId: string | null }
  | { kind: 'create'; policy: TokenLifetimePolicy }
  | { kind: 'delete'; policyId: string };

const linkField = (objectType: LinkObjectType) =>
  objectType === 'application'
    ? ('applicationPolicyId' as const)
    : ('servicePrincipalPolicyId' as const);

function mapTargets(
  index: DirectoryIndex,
  change: (t: DirectoryTarget) => DirectoryTarget,
): DirectoryTarget[] {
  let changed = false;
  const targets = index.targets.map((t) => {
    const next = change(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? targets : index.targets;
}

function applyOne(index: DirectoryIndex, change: ProposedChange): DirectoryIndex {
  switch (change.kind) {
    case 'edit-lifetime':
      return {
        ...index,
        policies: index.policies.map((p) =>
          p.id === change.policyId
            ? {
                ...p,
                definition: buildDefinition({
                  base: p.definition,
                  accessTokenLifetimeSeconds: change.accessTokenLifetimeSeconds,
                }),
              }
            : p,
        ),
      };
    case 'link': {
      const field = linkField(change.objectType);
      // One policy per object: a link replaces whatever was there (unlink then link, as Graph needs).
      return {
        ...index,
        targets: mapTargets(index, (t) => {
          const object = change.objectType === 'application' ? t.application : t.servicePrincipal;
          return object?.id === change.objectId && t[field] !== change.policyId
            ? { ...t, [field]: change.policyId }
            : t;
        }),
      };
    }
    case 'unlink': {
      const field = linkField(change.objectType);
      return {
        ...index,
        targets: mapTargets(index, (t) => {
          const object = change.objectType === 'application' ? t.application : t.servicePrincipal;
          if (object?.id !== change.objectId || t[field] !== change.policyId) return t;
          const next = { ...t };
          delete next[field];
          return next;
        }),
      };
    }
    case 'set-organization-default':
      return {
        ...index,
        policies: index.policies.map((p) => {
          const shouldBe = p.id === change.policyId;
          return p.isOrganizationDefault === shouldBe
            ? p
            : { ...p, isOrganizationDefault: shouldBe };
        }),
      };
    case 'create':
      return { ...index, policies: [...index.policies, change.policy] };
    case 'delete':
      return {
        policies: index.policies.filter((p) => p.id !== change.policyId),
        // Deleting a policy removes its links with it.
        targets: mapTargets(index, (t) => {
          if (
            t.applicationPolicyId !== change.policyId &&
            t.servicePrincipalPolicyId !== change.policyId
          )
            return t;
          const next = { ...t };
          if (next.applicationPolicyId === change.policyId) delete next.applicationPolicyId;
          if (next.servicePrincipalPolicyId === change.policyId)
            delete next.servicePrincipalPolicyId;
          return next;
        }),
      };
  }
}

/** Pure: the index as it would be after the change(s); the input is never modified. */
export function applyChange(
  index: DirectoryIndex,
  change: ProposedChange | ProposedChange[],
): DirectoryIndex {
  const changes = Array.isArray(change) ? change : [change];
  return changes.reduce(applyOne, { policies: index.policies, targets: index.targets });
}

export interface ImpactChange {
  appId: string;
  displayName: string;
  from: EffectiveLifetime;
  to: EffectiveLifetime;
}

/**
 * Every target whose effective lifetime or deciding policy changes between before and after. A
 * target that keeps the same policy by another link (app-linked policy made the organization
 * default: 8 h → 8 h) does not change: its tokens are the same.
 */
export function diffImpact(
  before: DirectoryIndex,
  after: DirectoryIndex,
  rule: PrecedenceRuleId = DEFAULT_PRECEDENCE_RULE,
): ImpactChange[] {
  const was = resolveAll(before, rule);
  const will = resolveAll(after, rule);
  const changes: ImpactChange[] = [];
  for (const target of after.targets) {
    const from = was.get(target.appId);
    const to = will.get(target.appId);
    if (!from || !to || from === to) continue;
    if (decisionsDiffer(from, to))
      changes.push({ appId: target.appId, displayName: target.displayName, from, to });
  }
  return changes;
}

export interface HistogramBucket {
  label: string;
  minSeconds: number;
  maxSeconds: number;
  count: number;
}

/** Buckets for the lifetime chart; built-in targets and policies without effect have their own bar. */
const BUCKETS: ReadonlyArray<
  Omit<HistogramBucket, 'count'> & { builtIn?: boolean; noEffect?: boolean }
> = [
  { label: '10–30 min', minSeconds: 600, maxSeconds: 1799 },
  { label: '30–60 min', minSeconds: 1800, maxSeconds: 3599 },
  {
    label: `${BUILT_IN_RANGE_TEXT} (built-in)`,
    minSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds,
    maxSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
    builtIn: true,
  },
  {
    label: `${BUILT_IN_RANGE_TEXT} (policy)`,
    minSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds,
    maxSeconds: BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
  },
  { label: '90 min – 4 h', minSeconds: 5401, maxSeconds: 14399 },
  { label: '4–8 h', minSeconds: 14400, maxSeconds: 28799 },
  { label: '8–24 h', minSeconds: 28800, maxSeconds: 86398 },
  // 23:59:59 is the most Graph writes; 1 day is what older policies may still hold.
  { label: 'Maximum (23:59:59 or 1 day)', minSeconds: 86399, maxSeconds: 86400 },
  // A client-only app's own policy changes no token: counted apart, never as a lifetime.
  { label: AUDIT_CLASS_LABELS['no-effect'], minSeconds: 0, maxSeconds: 0, noEffect: true },
];

export interface AuditSummary {
  countsByClass: Record<AuditClass, number>;
  /** Targets whose tokens live longer than the built-in 90 min (extended and maximum). */
  extended: Array<{ target: DirectoryTarget; effective: EffectiveLifetime }>;
  histogram: HistogramBucket[];
  policiesWithFindings: PolicyFacts[];
  /** Policies linked to nothing and not the organization default: they have no effect. */
  unlinkedPolicies: TokenLifetimePolicy[];
  policiesLinkedToUnsupported: Array<{
    policy: TokenLifetimePolicy;
    target: DirectoryTarget;
    reason: string;
  }>;
  organizationDefault: {
    policy?: TokenLifetimePolicy;
    governs: number;
    conflicting: TokenLifetimePolicy[];
  };
  /** Targets where the two precedence rules give different answers. */
  disagreements: number;
}

export function auditSummary(
  index: DirectoryIndex,
  rule: PrecedenceRuleId = DEFAULT_PRECEDENCE_RULE,
): AuditSummary {
  const context = buildPolicyContext(index.policies);
  const resolved = resolveAll(index, rule, context);
  const countsByClass = Object.fromEntries(AUDIT_CLASSES.map((c) => [c, 0])) as Record<
    AuditClass,
    number
  >;
  const histogram = BUCKETS.map(({ label, minSeconds, maxSeconds }) => ({
    label,
    minSeconds,
    maxSeconds,
    count: 0,
  }));
  const extended: AuditSummary['extended'] = [];
  const linked = new Set<string>();
  const policiesLinkedToUnsupported: AuditSummary['policiesLinkedToUnsupported'] = [];
  let governs = 0;
  let disagreements = 0;

  for (const target of index.targets) {
    const effective = resolved.get(target.appId);
    if (target.applicationPolicyId) linked.add(target.applicationPolicyId);
    if (target.servicePrincipalPolicyId) linked.add(target.servicePrincipalPolicyId);
    // A link to an object that cannot hold a policy has no effect: linkability says which and why.
    for (const objectType of ['servicePrincipal', 'application'] as const) {
      const object = objectType === 'application' ? target.application : target.servicePrincipal;
      const id =
        objectType === 'application' ? target.applicationPolicyId : target.servicePrincipalPolicyId;
      const facts = object && id ? context.factsById.get(id) : undefined;
      if (!facts) continue;
      const verdict = linkability(target, objectType);
      if (!verdict.linkable)
        policiesLinkedToUnsupported.push({ policy: facts.policy, target, reason: verdict.reason });
    }
    if (!effective) continue;
    countsByClass[effective.auditClass] += 1;
    if (effective.auditClass === 'extended' || effective.auditClass === 'maximum')
      extended.push({ target, effective });
    if (effective.source === 'organizationDefault') governs += 1;
    if (effective.rulesDisagree) disagreements += 1;
    const seconds = effective.seconds;
    const bucketIndex =
      effective.auditClass === 'no-effect'
        ? BUCKETS.findIndex((b) => b.noEffect)
        : seconds === null
          ? BUCKETS.findIndex((b) => b.builtIn)
          : BUCKETS.findIndex(
              (b) =>
                !b.builtIn && !b.noEffect && seconds >= b.minSeconds && seconds <= b.maxSeconds,
            );
    if (bucketIndex >= 0) histogram[bucketIndex].count += 1;
  }

  const live = index.policies.filter((p) => !p.deletedDateTime);
  return {
    countsByClass,
    extended: extended.sort(
      (a, b) =>
        (b.effective.seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds) -
        (a.effective.seconds ?? 0),
    ),
    histogram,
    policiesWithFindings: [...context.factsById.values()].filter((f) => f.findings.length > 0),
    unlinkedPolicies: live.filter((p) => unlinkedPolicyFinding(p, linked.has(p.id) ? 1 : 0)),
    policiesLinkedToUnsupported,
    organizationDefault: {
      policy: context.organizationDefault?.policy,
      governs,
      conflicting: context.organizationDefaultClaims.slice(1).map((f) => f.policy),
    },
    disagreements,
  };
}
