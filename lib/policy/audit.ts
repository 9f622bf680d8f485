// The audit: who runs with extended lifetimes, and which policies deserve a look.
import { AUDIT_CLASS_LABELS, type AuditClass } from './classify';
import { buildPolicyContext, resolveEffectiveLifetime, type EffectiveLifetime } from './resolve';
import type { PolicyFacts } from './policy';
import { isManagedIdentity } from './rules';
import type { DirectoryIndex, DirectoryTarget, PrecedenceRuleId, TokenLifetimePolicy } from './types';

export interface HistogramBucket {
  label: string;
  minSeconds: number;
  maxSeconds: number;
  count: number;
}

export interface AuditSummary {
  countsByClass: Record<AuditClass, number>;
  extended: Array<{ target: DirectoryTarget; effective: EffectiveLifetime }>;
  histogram: HistogramBucket[];
  policiesWithFindings: PolicyFacts[];
  unlinkedPolicies: TokenLifetimePolicy[];
  policiesLinkedToUnsupported: Array<{ policy: TokenLifetimePolicy; target: DirectoryTarget; reason: string }>;
  organizationDefault: { policy?: TokenLifetimePolicy; governs: number; conflicting: TokenLifetimePolicy[] };
  disagreements: number;
  totalTargets: number;
}

const H = 3_600;
const BUCKETS: Array<Omit<HistogramBucket, 'count'>> = [
  { label: '< 60 min', minSeconds: 0, maxSeconds: H - 1 },
  { label: '60–90 min', minSeconds: H, maxSeconds: 1.5 * H },
  { label: '90 min – 2 h', minSeconds: 1.5 * H + 1, maxSeconds: 2 * H },
  { label: '2–4 h', minSeconds: 2 * H + 1, maxSeconds: 4 * H },
  { label: '4–8 h', minSeconds: 4 * H + 1, maxSeconds: 8 * H },
  { label: '8–12 h', minSeconds: 8 * H + 1, maxSeconds: 12 * H },
  { label: '12 h – < 1 day', minSeconds: 12 * H + 1, maxSeconds: 24 * H - 1 },
  { label: '1 day', minSeconds: 24 * H, maxSeconds: 24 * H },
];

export const AUDIT_CLASSES = Object.keys(AUDIT_CLASS_LABELS) as AuditClass[];

function unsupportedReason(target: DirectoryTarget, objectType: 'application' | 'servicePrincipal'): string | undefined {
  if (objectType === 'servicePrincipal' && isManagedIdentity(target.servicePrincipal)) {
    return 'Linked to a managed identity, which token lifetime policies do not support.';
  }
  if (objectType === 'application' && target.application?.signInAudience === 'PersonalMicrosoftAccount') {
    return 'Linked to an app for personal Microsoft accounts only, which token lifetime policies do not support.';
  }
  return undefined;
}

export function auditSummary(index: DirectoryIndex, rule: PrecedenceRuleId = 'graph-reference'): AuditSummary {
  const context = buildPolicyContext(index.policies);
  const countsByClass = Object.fromEntries(AUDIT_CLASSES.map((c) => [c, 0])) as Record<AuditClass, number>;
  const histogram = BUCKETS.map((b) => ({ ...b, count: 0 }));
  const extended: AuditSummary['extended'] = [];
  const linked = new Set<string>();
  const policiesLinkedToUnsupported: AuditSummary['policiesLinkedToUnsupported'] = [];
  let governs = 0;
  let disagreements = 0;

  for (const target of index.targets) {
    const effective = resolveEffectiveLifetime(target, context, rule);
    countsByClass[effective.auditClass]++;
    const seconds = effective.seconds ?? effective.minSeconds;
    const bucket = histogram.find((b) => seconds >= b.minSeconds && seconds <= b.maxSeconds);
    if (bucket) bucket.count++;
    if (effective.auditClass === 'extended' || effective.auditClass === 'maximum') extended.push({ target, effective });
    if (effective.source === 'organizationDefault') governs++;
    if (effective.rulesDisagree) disagreements++;
    for (const objectType of ['application', 'servicePrincipal'] as const) {
      const policyId = objectType === 'application' ? target.applicationPolicyId : target.servicePrincipalPolicyId;
      if (!policyId) continue;
      linked.add(policyId);
      const reason = unsupportedReason(target, objectType);
      const policy = context.byId.get(policyId)?.policy;
      if (reason && policy) policiesLinkedToUnsupported.push({ policy, target, reason });
    }
  }
  extended.sort((a, b) => (b.effective.seconds ?? 0) - (a.effective.seconds ?? 0));

  const facts = [...context.byId.values()];
  return {
    countsByClass,
    extended,
    histogram,
    policiesWithFindings: facts.filter((f) => f.findings.length > 0),
    unlinkedPolicies: index.policies.filter((p) => !linked.has(p.id) && !p.isOrganizationDefault),
    policiesLinkedToUnsupported,
    organizationDefault: {
      policy: context.organizationDefault?.policy,
      governs,
      conflicting: context.organizationDefaults.slice(1).map((f) => f.policy),
    },
    disagreements,
    totalTargets: index.targets.length,
  };
}
