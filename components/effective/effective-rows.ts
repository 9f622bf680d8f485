// One row per app for the Applications view: the app object and its service principal joined by
// appId, with the effective lifetime under the chosen rule. Pure, so it can be tested and measured.
import type { AuditClass } from '@/lib/policy/classify';
import { formatLifetime } from '@/lib/policy/format';
import {
  buildPolicyContext,
  resolveEffectiveLifetime,
  type EffectiveLifetime,
} from '@/lib/policy/resolve';
import { isManagedIdentity, isMicrosoftFirstParty } from '@/lib/policy/rules';
import type {
  DirectoryIndex,
  DirectoryTarget,
  LinkSource,
  PrecedenceRuleId,
} from '@/lib/policy/types';

export type TargetKind =
  'first-party' | 'managed-identity' | 'other-publisher' | 'app-and-sp' | 'app-only';

export const KIND_LABELS: Record<TargetKind, string> = {
  'first-party': 'Microsoft first-party',
  'managed-identity': 'Managed identity',
  'other-publisher': 'Other publisher',
  'app-and-sp': 'App registration + SP',
  'app-only': 'App registration only',
};

export const SOURCE_LABELS: Record<LinkSource, string> = {
  servicePrincipal: 'Policy on the service principal',
  organizationDefault: 'Organization default',
  application: 'Policy on the app object',
  builtIn: 'Built-in default',
};

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

export function kindOf(target: DirectoryTarget): TargetKind {
  if (isManagedIdentity(target.servicePrincipal)) return 'managed-identity';
  if (target.servicePrincipal && isMicrosoftFirstParty(target.servicePrincipal))
    return 'first-party';
  if (!target.application) return 'other-publisher';
  return target.servicePrincipal ? 'app-and-sp' : 'app-only';
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
      sortSeconds: effective.seconds ?? 4500,
      auditClass: effective.auditClass,
      source: effective.source,
      disagree: effective.rulesDisagree,
    };
  });
}
