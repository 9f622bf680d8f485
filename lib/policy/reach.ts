// Who receives the long-lived tokens. A lifetime policy on a resource (an API) lengthens every
// token issued FOR it, to every client that may ask: clients holding application permissions
// (app role assignments on the resource's service principal) and clients holding delegated grants
// (oauth2PermissionGrants whose resourceId is the resource's service principal).
// Sources: Graph v1.0 "List appRoleAssignments granted for a service principal"
// (serviceprincipal-list-approleassignedto.md) and "List oauth2PermissionGrants"
// (oauth2permissiongrant-list.md), microsoftgraph/microsoft-graph-docs-contrib.

/** appRoleAssignment as Graph returns it (v1.0). */
export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: 'ServicePrincipal' | 'User' | 'Group' | string;
  principalDisplayName?: string | null;
  resourceId: string;
  resourceDisplayName?: string | null;
  createdDateTime?: string | null;
}

/** oAuth2PermissionGrant as Graph returns it (v1.0): `scope` is space-separated. */
export interface DelegatedPermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal' | string;
  principalId?: string | null;
  resourceId: string;
  scope?: string | null;
}

/** An app role the resource defines; assignments name it by id only. */
export interface ResourceAppRole {
  id: string;
  value?: string | null;
  displayName?: string | null;
}

/**
 * writes: the permission changes data (…ReadWrite…, …Write…, full_access…, user_impersonation,
 * Directory.AccessAsUser.All); reads-all: it reads every record (….Read.All, Directory.*);
 * limited: anything narrower.
 */
export type PermissionPrivilege = 'writes' | 'reads-all' | 'limited';

export const PRIVILEGE_LABELS: Record<PermissionPrivilege, string> = {
  writes: 'Can change data',
  'reads-all': 'Reads all data',
  limited: 'Limited',
};

const ORDER: Record<PermissionPrivilege, number> = { writes: 0, 'reads-all': 1, limited: 2 };

/** Classifies one permission value (app role value or delegated scope) by its name. */
export function classifyPermission(value: string): PermissionPrivilege {
  const v = value.trim();
  // Directory.AccessAsUser.All acts with every right of the user; full_access (Dataverse, Azure
  // Service Management) and user_impersonation do the same for their API.
  if (/^(full_access|user_impersonation)/i.test(v) || /^Directory\.AccessAsUser/i.test(v))
    return 'writes';
  if (/ReadWrite|\.Write(\.|$)/i.test(v)) return 'writes';
  if (/^Directory\./i.test(v) || /\.Read\.All$/i.test(v)) return 'reads-all';
  return 'limited';
}

/** The most privileged class among several permissions ('limited' when there are none). */
export function strongestPrivilege(values: readonly string[]): PermissionPrivilege {
  return values
    .map(classifyPermission)
    .reduce<PermissionPrivilege>((best, p) => (ORDER[p] < ORDER[best] ? p : best), 'limited');
}

export type ClientAccess = 'application' | 'delegated';

/** One client that can obtain tokens for the resource, by one kind of access. */
export interface ReachClient {
  /** Object id of the client's service principal. */
  clientId: string;
  /** appId of the client, when the directory knows it. */
  clientAppId?: string;
  displayName: string;
  access: ClientAccess;
  permissions: string[];
  privilege: PermissionPrivilege;
  /** application permissions that write or read all data are privileged; so are delegated ones. */
  privileged: boolean;
  /** Delegated only: consented for every user of the tenant. */
  allUsers?: boolean;
  /** Delegated only: how many users consented one by one (consentType Principal). */
  userCount?: number;
}

export interface ResourceReach {
  resourceId: string;
  clients: ReachClient[];
  applicationClients: number;
  delegatedClients: number;
  privilegedClients: number;
  /** Distinct client service principals, whatever the access. */
  distinctClients: number;
  /** Users and groups assigned an app role of the resource itself (they sign in to it). */
  assignedUsersAndGroups: number;
}

export interface ClientDirectory {
  /** Service principal by object id: display name and appId of a client. */
  servicePrincipal(id: string): { displayName: string; appId: string } | undefined;
}

/** Unnamed default access (appRoleId all zeros): Graph's "default access" assignment. */
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

export function computeReach(input: {
  resourceId: string;
  appRoles: readonly ResourceAppRole[];
  assignments: readonly AppRoleAssignment[];
  grants: readonly DelegatedPermissionGrant[];
  directory?: ClientDirectory;
}): ResourceReach {
  const roleValue = new Map(input.appRoles.map((r) => [r.id, r.value || r.displayName || r.id]));
  const byKey = new Map<string, ReachClient>();
  const usersByClient = new Map<string, Set<string>>();
  let assignedUsersAndGroups = 0;
  const clientFor = (access: ClientAccess, id: string, fallbackName: string): ReachClient => {
    const key = `${access}:${id}`;
    let client = byKey.get(key);
    if (!client) {
      const known = input.directory?.servicePrincipal(id);
      client = {
        clientId: id,
        clientAppId: known?.appId,
        // The directory's name first: principalDisplayName is a copy made at assignment time.
        displayName: known?.displayName ?? fallbackName,
        access,
        permissions: [],
        privilege: 'limited',
        privileged: false,
      };
      byKey.set(key, client);
    }
    return client;
  };
  for (const a of input.assignments) {
    if (a.resourceId !== input.resourceId) continue;
    if (a.principalType !== 'ServicePrincipal') {
      assignedUsersAndGroups += 1;
      continue;
    }
    const client = clientFor('application', a.principalId, a.principalDisplayName ?? a.principalId);
    const value =
      a.appRoleId === DEFAULT_ACCESS
        ? 'Default access'
        : (roleValue.get(a.appRoleId) ?? a.appRoleId);
    if (!client.permissions.includes(value)) client.permissions.push(value);
  }
  for (const g of input.grants) {
    if (g.resourceId !== input.resourceId) continue;
    const client = clientFor('delegated', g.clientId, g.clientId);
    for (const scope of (g.scope ?? '').split(' ').filter(Boolean))
      if (!client.permissions.includes(scope)) client.permissions.push(scope);
    if (g.consentType === 'AllPrincipals') client.allUsers = true;
    else if (g.principalId) {
      const users = usersByClient.get(client.clientId) ?? new Set<string>();
      users.add(g.principalId);
      usersByClient.set(client.clientId, users);
    }
  }
  const clients = [...byKey.values()].map((c) => {
    const privilege = strongestPrivilege(c.permissions);
    const withUsers =
      c.access === 'delegated'
        ? {
            allUsers: c.allUsers ?? false,
            userCount: usersByClient.get(c.clientId)?.size ?? 0,
          }
        : {};
    return {
      ...c,
      ...withUsers,
      permissions: [...c.permissions].sort(),
      privilege,
      privileged: privilege !== 'limited',
    };
  });
  clients.sort(compareClients);
  return {
    resourceId: input.resourceId,
    clients,
    applicationClients: clients.filter((c) => c.access === 'application').length,
    delegatedClients: clients.filter((c) => c.access === 'delegated').length,
    privilegedClients: new Set(clients.filter((c) => c.privileged).map((c) => c.clientId)).size,
    distinctClients: new Set(clients.map((c) => c.clientId)).size,
    assignedUsersAndGroups,
  };
}

/**
 * Privileged first; among equals, application permissions before delegated ones (no user and no
 * sign-in stands behind them), then by privilege and name.
 */
export function compareClients(a: ReachClient, b: ReachClient): number {
  return (
    Number(b.privileged) - Number(a.privileged) ||
    (a.access === b.access ? 0 : a.access === 'application' ? -1 : 1) ||
    ORDER[a.privilege] - ORDER[b.privilege] ||
    a.displayName.localeCompare(b.displayName)
  );
}

/** "all users", "3 users", "1 user": who signs in through a delegated grant. */
export function describeDelegatedUsers(client: Pick<ReachClient, 'allUsers' | 'userCount'>) {
  if (client.allUsers) return 'all users (admin consent)';
  const n = client.userCount ?? 0;
  return `${n} user${n === 1 ? '' : 's'}`;
}
