// Who receives the long-lived tokens: privilege classification and the reach of one resource.
// Shapes from Graph v1.0 (microsoftgraph/microsoft-graph-docs-contrib: appRoleAssignment,
// oAuth2PermissionGrant; the oauth2permissiongrant-list.md example grants "User.Read Group.ReadWrite.All").
import { describe, expect, it } from 'vitest';
import {
  classifyPermission,
  computeReach,
  describeDelegatedUsers,
  strongestPrivilege,
  type AppRoleAssignment,
  type DelegatedPermissionGrant,
} from './reach';

describe('classifyPermission', () => {
  it.each([
    ['Orders.ReadWrite.All', 'writes'],
    ['Group.ReadWrite.All', 'writes'],
    ['Mail.Send.Shared', 'limited'],
    ['Files.Write', 'writes'],
    ['full_access_as_app', 'writes'],
    ['user_impersonation', 'writes'],
    ['Directory.AccessAsUser.All', 'writes'],
    ['Directory.Read.All', 'reads-all'],
    ['Directory.Anything', 'reads-all'],
    ['Orders.Read.All', 'reads-all'],
    ['User.Read', 'limited'],
    ['Orders.Read', 'limited'],
    ['openid', 'limited'],
  ] as const)('%s → %s', (value, expected) => {
    expect(classifyPermission(value)).toBe(expected);
  });

  it('takes the strongest of several permissions', () => {
    expect(strongestPrivilege(['User.Read', 'Group.ReadWrite.All'])).toBe('writes');
    expect(strongestPrivilege(['User.Read', 'Orders.Read.All'])).toBe('reads-all');
    expect(strongestPrivilege([])).toBe('limited');
  });
});

const RESOURCE = 'res-sp';
const roles = [
  { id: 'role-rw', value: 'Orders.ReadWrite.All' },
  { id: 'role-r', value: 'Orders.Read' },
];
const assignment = (
  id: string,
  principalId: string,
  appRoleId: string,
  principalType = 'ServicePrincipal',
): AppRoleAssignment => ({
  id,
  appRoleId,
  principalId,
  principalType,
  principalDisplayName: `copy of ${principalId}`,
  resourceId: RESOURCE,
});
const grant = (
  id: string,
  clientId: string,
  scope: string,
  principalId: string | null = null,
): DelegatedPermissionGrant => ({
  id,
  clientId,
  consentType: principalId ? 'Principal' : 'AllPrincipals',
  principalId,
  resourceId: RESOURCE,
  scope,
});

describe('computeReach', () => {
  const reach = computeReach({
    resourceId: RESOURCE,
    appRoles: roles,
    assignments: [
      assignment('a1', 'limited-daemon', 'role-r'),
      assignment('a2', 'writer-daemon', 'role-rw'),
      assignment('a3', 'writer-daemon', 'role-r'),
      assignment('a4', 'user-1', 'role-r', 'User'),
      assignment('a5', 'group-1', '00000000-0000-0000-0000-000000000000', 'Group'),
      { ...assignment('a6', 'other', 'role-rw'), resourceId: 'another-resource' },
    ],
    grants: [
      grant('g1', 'spa', 'User.Read'),
      grant('g2', 'mobile', 'Orders.ReadWrite', 'u1'),
      grant('g3', 'mobile', 'Orders.ReadWrite offline_access', 'u2'),
      grant('g4', 'mobile', 'Orders.ReadWrite', 'u2'),
    ],
    directory: {
      servicePrincipal: (id) =>
        id === 'writer-daemon' ? { displayName: 'Writer daemon', appId: 'writer-app' } : undefined,
    },
  });

  it('lists clients by access, privileged first and application before delegated', () => {
    expect(reach.clients.map((c) => [c.clientId, c.access, c.privilege])).toEqual([
      ['writer-daemon', 'application', 'writes'],
      ['mobile', 'delegated', 'writes'],
      ['limited-daemon', 'application', 'limited'],
      ['spa', 'delegated', 'limited'],
    ]);
  });

  it('names app roles by value, and clients by the directory before the assignment copy', () => {
    const writer = reach.clients[0];
    expect(writer.permissions).toEqual(['Orders.Read', 'Orders.ReadWrite.All']);
    expect(writer.displayName).toBe('Writer daemon');
    expect(writer.clientAppId).toBe('writer-app');
    expect(reach.clients[2].displayName).toBe('copy of limited-daemon');
  });

  it('counts users of per-user grants once each, and marks tenant-wide consent', () => {
    const mobile = reach.clients.find((c) => c.clientId === 'mobile')!;
    expect(mobile.userCount).toBe(2);
    expect(mobile.allUsers).toBe(false);
    expect(mobile.permissions).toEqual(['Orders.ReadWrite', 'offline_access']);
    const spa = reach.clients.find((c) => c.clientId === 'spa')!;
    expect(spa.allUsers).toBe(true);
    expect(describeDelegatedUsers(spa)).toBe('all users (admin consent)');
    expect(describeDelegatedUsers(mobile)).toBe('2 users');
    expect(describeDelegatedUsers({ userCount: 1 })).toBe('1 user');
  });

  it('counts clients, privileged clients and people assigned to the resource itself', () => {
    expect(reach).toMatchObject({
      applicationClients: 2,
      delegatedClients: 2,
      privilegedClients: 2,
      distinctClients: 4,
      assignedUsersAndGroups: 2,
    });
  });

  it('counts a client holding both kinds of access once among distinct clients', () => {
    const both = computeReach({
      resourceId: RESOURCE,
      appRoles: roles,
      assignments: [assignment('a', 'x', 'role-r')],
      grants: [grant('g', 'x', 'Orders.Read')],
    });
    expect(both.clients).toHaveLength(2);
    expect(both.distinctClients).toBe(1);
  });

  it('names an unknown app role by its id, and the zero id as default access', () => {
    const r = computeReach({
      resourceId: RESOURCE,
      appRoles: [],
      assignments: [
        assignment('a', 'x', 'gone-role'),
        assignment('b', 'y', '00000000-0000-0000-0000-000000000000'),
      ],
      grants: [],
    });
    expect(r.clients.map((c) => c.permissions[0]).sort()).toEqual(['Default access', 'gone-role']);
  });
});
