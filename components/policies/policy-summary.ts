// What the policy screens show about each policy, derived once from lib/policy and the index.
import { describePolicy } from '@/lib/policy/policy';
import { formatDuration } from '@/lib/policy/format';
import { unlinkedPolicyFinding } from '@/lib/policy/rules';
import type { DirectoryIndex, Finding, TokenLifetimePolicy } from '@/lib/policy/types';

export type FindingFilter = 'any' | 'retired' | 'non-canonical' | 'malformed' | 'unlinked';

export const FINDING_FILTERS: Record<FindingFilter, string> = {
  any: 'Any finding',
  retired: 'Retired properties',
  'non-canonical': 'Non-canonical value',
  malformed: 'Malformed or unusable',
  unlinked: 'Linked to nothing',
};

const MALFORMED = new Set([
  'malformed-json',
  'not-a-policy-object',
  'invalid-timespan',
  'empty-definition',
  'out-of-range',
  'missing-access-token-lifetime',
  'multiple-definition-strings',
  'unexpected-version',
]);

export interface PolicySummary {
  policy: TokenLifetimePolicy;
  lifetimeSeconds: number | null;
  lifetimeText: string;
  timeSpan: string;
  findings: Finding[];
  applications: number | undefined;
  servicePrincipals: number | undefined;
  categories: Set<FindingFilter>;
  /** Lower-case names and appIds of the apps it is linked to: "which policies touch this app?" */
  linkedAppsText: string;
}

export function summarizePolicies(
  policies: TokenLifetimePolicy[],
  index: DirectoryIndex | undefined,
): PolicySummary[] {
  const apps = new Map<string, number>();
  const sps = new Map<string, number>();
  const linkedApps = new Map<string, string[]>();
  const addLinked = (policyId: string, key: string) => {
    const list = linkedApps.get(policyId);
    if (list) list.push(key);
    else linkedApps.set(policyId, [key]);
  };
  for (const target of index?.targets ?? []) {
    const key = `${target.displayName.toLowerCase()}\u0000${target.appId.toLowerCase()}`;
    if (target.applicationPolicyId) {
      apps.set(target.applicationPolicyId, (apps.get(target.applicationPolicyId) ?? 0) + 1);
      addLinked(target.applicationPolicyId, key);
    }
    if (target.servicePrincipalPolicyId) {
      sps.set(target.servicePrincipalPolicyId, (sps.get(target.servicePrincipalPolicyId) ?? 0) + 1);
      if (target.servicePrincipalPolicyId !== target.applicationPolicyId)
        addLinked(target.servicePrincipalPolicyId, key);
    }
  }
  return policies.map((policy) => {
    const { parsed, findings } = describePolicy(policy);
    const applications = index ? (apps.get(policy.id) ?? 0) : undefined;
    const servicePrincipals = index ? (sps.get(policy.id) ?? 0) : undefined;
    const categories = new Set<FindingFilter>();
    for (const finding of findings) {
      if (finding.code === 'retired-property') categories.add('retired');
      else if (finding.code === 'non-canonical-timespan') categories.add('non-canonical');
      else if (MALFORMED.has(finding.code)) categories.add('malformed');
    }
    const unlinked = index
      ? unlinkedPolicyFinding(policy, (applications ?? 0) + (servicePrincipals ?? 0))
      : undefined;
    if (unlinked) categories.add('unlinked');
    if (categories.size > 0) categories.add('any');
    return {
      policy,
      lifetimeSeconds: parsed.accessTokenLifetimeSeconds,
      lifetimeText:
        parsed.accessTokenLifetimeSeconds === null
          ? 'Not set'
          : formatDuration(parsed.accessTokenLifetimeSeconds),
      timeSpan: parsed.rawAccessTokenLifetime ?? '—',
      findings: unlinked ? [...findings, unlinked] : findings,
      applications,
      servicePrincipals,
      categories,
      linkedAppsText: (linkedApps.get(policy.id) ?? []).join('\u0001'),
    };
  });
}
