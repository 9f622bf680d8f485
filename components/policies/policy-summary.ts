// What the policy screens show about each policy, derived once from lib/policy and the index.
import { describePolicy } from '@/lib/policy/policy';
import { formatDuration } from '@/lib/policy/format';
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
}

export function summarizePolicies(
  policies: TokenLifetimePolicy[],
  index: DirectoryIndex | undefined,
): PolicySummary[] {
  const apps = new Map<string, number>();
  const sps = new Map<string, number>();
  for (const target of index?.targets ?? []) {
    if (target.applicationPolicyId)
      apps.set(target.applicationPolicyId, (apps.get(target.applicationPolicyId) ?? 0) + 1);
    if (target.servicePrincipalPolicyId)
      sps.set(target.servicePrincipalPolicyId, (sps.get(target.servicePrincipalPolicyId) ?? 0) + 1);
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
    const unlinked =
      index !== undefined &&
      !policy.isOrganizationDefault &&
      applications === 0 &&
      servicePrincipals === 0;
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
      findings: unlinked
        ? [
            ...findings,
            {
              code: 'unlinked',
              severity: 'info',
              message:
                'Linked to no application or service principal, and not the organization default: it changes nothing.',
            },
          ]
        : findings,
      applications,
      servicePrincipals,
      categories,
    };
  });
}

export type PolicySort = 'name' | 'lifetime' | 'links';

export function sortAndFilter(
  rows: PolicySummary[],
  options: { text: string; finding: FindingFilter | ''; sort: PolicySort; descending: boolean },
) {
  const text = options.text.trim().toLowerCase();
  const filtered = rows.filter(
    (row) =>
      (!text ||
        row.policy.displayName.toLowerCase().includes(text) ||
        (row.policy.description ?? '').toLowerCase().includes(text)) &&
      (!options.finding || row.categories.has(options.finding)),
  );
  const key = (row: PolicySummary): string | number =>
    options.sort === 'lifetime'
      ? (row.lifetimeSeconds ?? -1)
      : options.sort === 'links'
        ? (row.applications ?? 0) + (row.servicePrincipals ?? 0)
        : row.policy.displayName.toLowerCase();
  filtered.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return options.descending ? -order : order;
  });
  return filtered;
}
