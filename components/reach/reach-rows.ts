// Rows of the reach view and its export: one per resource, one per client. Plain data, no React.
import type { ReachReadout } from '@/lib/graph/reach';
import { formatLifetime } from '@/lib/policy/format';
import {
  describeDelegatedUsers,
  PRIVILEGE_LABELS,
  type ReachClient,
  type ResourceReach,
} from '@/lib/policy/reach';
import type { EffectiveLifetime } from '@/lib/policy/resolve';
import type { DirectoryTarget } from '@/lib/policy/types';

export interface ReachResourceRow {
  target: DirectoryTarget;
  effective: EffectiveLifetime;
  servicePrincipalId: string;
  reach?: ResourceReach;
  readout?: ReachReadout;
}

export const ACCESS_LABELS = {
  application: 'Application permission',
  delegated: 'Delegated (signed-in users)',
} as const;

export function whoSignsIn(client: ReachClient): string {
  return client.access === 'application'
    ? 'no user: the app itself'
    : describeDelegatedUsers(client);
}

/** One export row per client and resource; names are data (the CSV helper keeps formulas inert). */
export function reachExportRows(rows: readonly ReachResourceRow[]) {
  return rows.flatMap(({ target, effective, reach }) =>
    (reach?.clients ?? []).map((client) => ({
      resource: target.displayName,
      resourceAppId: target.appId,
      effectiveLifetime: formatLifetime(effective),
      client: client.displayName,
      clientAppId: client.clientAppId ?? '',
      clientServicePrincipalId: client.clientId,
      access: ACCESS_LABELS[client.access],
      permissions: client.permissions.join(' '),
      privilege: PRIVILEGE_LABELS[client.privilege],
      privileged: client.privileged,
      users: client.access === 'delegated' ? describeDelegatedUsers(client) : '',
    })),
  );
}
