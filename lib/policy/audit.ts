// Audit of a tenant and the impact of a proposed change, before it is made.
import { AUDIT_CLASSES, type AuditClass } from './classify';
import { buildDefinition } from './definition';
import { BUILT_IN_ACCESS_TOKEN_LIFETIME } from './lifetime';
import type { PolicyFacts } from './policy';
import {
  buildPolicyContext,
  resolveAll,
  DEFAULT_PRECEDENCE_RULE,
  type EffectiveLifetime,
} from './resolve';
import { isManagedIdentity } from './rules';
import type {
  DirectoryIndex,
  DirectoryTarget,
  PrecedenceRuleId,
  TokenLifetimePolicy,
} from './types';

export { AUDIT_CLASSES, classifyLifetime, type AuditClass } from './classify';

export type LinkObjectType = 'application' | 'servicePrincipal';

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

/** Every target whose lifetime, winning source or winning policy changes between before and after. */
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
    if (
      from.seconds !== to.seconds ||
      from.minSeconds !== to.minSeconds ||
      from.maxSeconds !== to.maxSeconds ||
      from.source !== to.source ||
      from.policyId !== to.policyId
    ) {
      changes.push({ appId: target.appId, displayName: target.displayName, from, to });
    }
  }
  return changes;
}

export interface HistogramBucket {
  label: string;
  minSeconds: number;
  maxSeconds: number;
  count: number;
}

/** Buckets for the lifetime chart; built-in targets have their own bar. */
const BUCKETS: ReadonlyArray<Omit<HistogramBucket, 'count'> & { builtIn?: boolean }> = [
  { label: '10–30 min', minSeconds: 600, maxSeconds: 1799 },
  { label: '30–60 min', minSeconds: 1800, maxSeconds: 3599 },
  { label: '60–90 min (built-in)', minSeconds: 3600, maxSeconds: 5400, builtIn: true },
  { label: '60–90 min (policy)', minSeconds: 3600, maxSeconds: 5400 },
  { label: '90 min – 4 h', minSeconds: 5401, maxSeconds: 14399 },
  { label: '4–8 h', minSeconds: 14400, maxSeconds: 28799 },
  { label: '8–24 h', minSeconds: 28800, maxSeconds: 86398 },
  // 23:59:59 is the most Graph writes; 1 day is what older policies may still hold.
  { label: 'Maximum (23:59:59 or 1 day)', minSeconds: 86399, maxSeconds: 86400 },
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
    if (isManagedIdentity(target.servicePrincipal)) {
      for (const id of [target.servicePrincipalPolicyId, target.applicationPolicyId]) {
        const facts = id ? context.factsById.get(id) : undefined;
        if (facts) {
          policiesLinkedToUnsupported.push({
            policy: facts.policy,
            target,
            reason:
              'Managed identities are not supported by token lifetime policies; this link has no effect.',
          });
        }
      }
    }
    if (
      target.application?.signInAudience === 'PersonalMicrosoftAccount' &&
      target.applicationPolicyId
    ) {
      const facts = context.factsById.get(target.applicationPolicyId);
      if (facts) {
        policiesLinkedToUnsupported.push({
          policy: facts.policy,
          target,
          reason: 'Apps for personal Microsoft accounts only cannot hold a token lifetime policy.',
        });
      }
    }
    if (!effective) continue;
    countsByClass[effective.auditClass] += 1;
    if (effective.auditClass === 'extended' || effective.auditClass === 'maximum')
      extended.push({ target, effective });
    if (effective.source === 'organizationDefault') governs += 1;
    if (effective.rulesDisagree) disagreements += 1;
    const seconds = effective.seconds;
    const bucketIndex =
      seconds === null
        ? BUCKETS.findIndex((b) => b.builtIn)
        : BUCKETS.findIndex(
            (b) => !b.builtIn && seconds >= b.minSeconds && seconds <= b.maxSeconds,
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
    unlinkedPolicies: live.filter((p) => !p.isOrganizationDefault && !linked.has(p.id)),
    policiesLinkedToUnsupported,
    organizationDefault: {
      policy: context.organizationDefault?.policy,
      governs,
      conflicting: context.organizationDefaultClaims.slice(1).map((f) => f.policy),
    },
    disagreements,
  };
}
