// One row per app for the Applications view: the app object and its service principal joined by
// appId, with the effective lifetime under the chosen rule. Pure, so it can be tested and measured.
import type { AuditClass } from '@/lib/policy/classify';
import { formatLifetime } from '@/lib/policy/format';
import { BUILT_IN_ACCESS_TOKEN_LIFETIME } from '@/lib/policy/lifetime';
import {
  buildPolicyContext,
  resolveEffectiveLifetime,
  type EffectiveLifetime,
} from '@/lib/policy/resolve';
import { kindOf, type TargetKind } from '@/lib/policy/rules';
import type {
  DirectoryIndex,
  DirectoryTarget,
  LinkSource,
  PrecedenceRuleId,
} from '@/lib/policy/types';

// App kind and who-set-it labels are lib/policy's; re-exported for the views that read them here.
export { KIND_LABELS, kindOf, type TargetKind } from '@/lib/policy/rules';
export { SOURCE_LABELS } from '@/lib/policy/messages';

export interface EffectiveRow {
  target: DirectoryTarget;
  appId: string;
  displayName: string;
  /** displayName in lower case, made once: filtering and sorting 100,000 rows compare it. */
  nameKey: string;
  kind: TargetKind;
  servicePrincipalPolicy?: string;
  applicationPolicy?: string;
  effective: EffectiveLifetime;
  lifetimeText: string;
  /** For sorting: the fixed value, or the built-in average. */
  sortSeconds: number;
  auditClass: AuditClass;
  source: LinkSource;
  disagree: boolean;
}

export function effectiveRows(index: DirectoryIndex, rule: PrecedenceRuleId): EffectiveRow[] {
  const context = buildPolicyContext(index.policies);
  const names = new Map(index.policies.map((p) => [p.id, p.displayName]));
  return index.targets.map((target) => {
    const effective = resolveEffectiveLifetime(target, context, rule);
    return {
      target,
      appId: target.appId,
      displayName: target.displayName,
      nameKey: target.displayName.toLowerCase(),
      kind: kindOf(target),
      servicePrincipalPolicy: target.servicePrincipalPolicyId
        ? (names.get(target.servicePrincipalPolicyId) ?? target.servicePrincipalPolicyId)
        : undefined,
      applicationPolicy: target.applicationPolicyId
        ? (names.get(target.applicationPolicyId) ?? target.applicationPolicyId)
        : undefined,
      effective,
      lifetimeText: formatLifetime(effective),
      sortSeconds: effective.seconds ?? BUILT_IN_ACCESS_TOKEN_LIFETIME.averageSeconds,
      auditClass: effective.auditClass,
      source: effective.source,
      disagree: effective.rulesDisagree,
    };
  });
}
