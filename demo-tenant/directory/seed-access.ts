// Who may obtain tokens for the demo tenant's APIs, and what governs sessions: app role
// assignments (application permissions), delegated permission grants and Conditional Access
// policies, made from the directory by appId — so a state file saved before they existed gets
// them too, and the directory's own ids never shift. Its own seeded random: same seed, same ids.
//
// Stable, documented facts (tests rely on them):
//   Contoso Orders API (2 h policy): "Nightly export script" holds Orders.ReadWrite.All (application,
//     privileged); "<img src=x onerror=alert(1)>" holds Orders.Read (application, limited);
//     "=HYPERLINK(…)" holds delegated Orders.Read for all users; a user is assigned an app role.
//   Common Data Service (5 h policy): "Fabrikam Legacy Portal" holds Dataverse.ReadWrite.All
//     (application); "<script>alert("owned")</script> Payroll" holds delegated user_impersonation
//     for 2 users; "Azure Portal" user_impersonation for all users.
//   Contoso Reporting API (12 h): "Northwind Docs Sample API" holds Reports.Read.All (application).
//   Conditional Access: "Sign-in every 8 hours (all apps)" on, sign-in frequency 8 hours, All apps;
//     "Never persist browser sessions" report-only, persistent browser never, All apps;
//     "Require MFA for Dataverse" off; "<img src=x onerror=alert(2)> weekly sign-in" off, 7 days,
//     on the Orders API only.
import type {
  AppRoleAssignment,
  DelegatedPermissionGrant,
  ResourceAppRole,
} from '../../lib/policy/reach';
import type { ConditionalAccessPolicy } from '../../lib/policy/conditional-access';
import type { DemoServicePrincipal } from './model';
import { guid, seededRandom, type Random } from './random';

export interface DemoAppRole extends ResourceAppRole {
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

export interface AccessState {
  appRoleAssignments: AppRoleAssignment[];
  oauth2PermissionGrants: DelegatedPermissionGrant[];
  conditionalAccessPolicies: ConditionalAccessPolicy[];
}

export const ADMIN_USER_ID = '7d1c7f2e-5a3b-4c6d-8e9f-0a1b2c3d4e01';
export const READER_USER_ID = '7d1c7f2e-5a3b-4c6d-8e9f-0a1b2c3d4e02';

const ORDERS = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01';
const REPORTING = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c02';
const CDS = '00000007-0000-0000-c000-000000000000';

/** App roles the seeded APIs define (fixed ids: assignments name a role by id only). */
export const SEEDED_APP_ROLES: Record<string, DemoAppRole[]> = {
  [ORDERS]: [
    role('0a7e0001-0000-4000-8000-000000000001', 'Orders.Read', 'Read orders'),
    role(
      '0a7e0001-0000-4000-8000-000000000002',
      'Orders.ReadWrite.All',
      'Read and write all orders',
    ),
  ],
  [REPORTING]: [
    role('0a7e0002-0000-4000-8000-000000000001', 'Reports.Read.All', 'Read all reports'),
  ],
  // A demo-only role value: Dataverse's own app-only access works through application users.
  [CDS]: [
    role(
      '0a7e0007-0000-4000-8000-000000000001',
      'Dataverse.ReadWrite.All',
      'Read and write all data',
    ),
  ],
};

function role(id: string, value: string, displayName: string): DemoAppRole {
  return {
    id,
    value,
    displayName,
    description: displayName,
    allowedMemberTypes: ['Application'],
    isEnabled: true,
  };
}

const created = (random: Random) =>
  new Date(Date.UTC(2021, 0, 1) + Math.floor(random() * 4 * 365) * 86_400_000).toISOString();

export function seedAccess(servicePrincipals: readonly DemoServicePrincipal[]): AccessState {
  const random = seededRandom(20261127);
  const byAppId = new Map(servicePrincipals.map((sp) => [sp.appId, sp]));
  const byName = new Map(servicePrincipals.map((sp) => [sp.displayName, sp]));
  const appRoleAssignments: AppRoleAssignment[] = [];
  const oauth2PermissionGrants: DelegatedPermissionGrant[] = [];

  const assign = (clientName: string, resourceAppId: string, roleValue: string) => {
    const client = byName.get(clientName);
    const resource = byAppId.get(resourceAppId);
    const appRole = SEEDED_APP_ROLES[resourceAppId]?.find((r) => r.value === roleValue);
    if (!client || !resource || !appRole) return;
    appRoleAssignments.push({
      id: grantId(random),
      appRoleId: appRole.id,
      createdDateTime: created(random),
      principalDisplayName: client.displayName,
      principalId: client.id,
      principalType: 'ServicePrincipal',
      resourceDisplayName: resource.displayName,
      resourceId: resource.id,
    });
  };
  const grant = (clientName: string, resourceAppId: string, scope: string, users?: string[]) => {
    const client = byName.get(clientName);
    const resource = byAppId.get(resourceAppId);
    if (!client || !resource) return;
    for (const principalId of users ?? [null]) {
      oauth2PermissionGrants.push({
        id: grantId(random),
        clientId: client.id,
        consentType: principalId ? 'Principal' : 'AllPrincipals',
        principalId,
        resourceId: resource.id,
        scope,
      });
    }
  };

  assign('Nightly export script', ORDERS, 'Orders.ReadWrite.All');
  assign('<img src=x onerror=alert(1)>', ORDERS, 'Orders.Read');
  grant('=HYPERLINK("http://example.invalid","click")', ORDERS, 'Orders.Read');
  const orders = byAppId.get(ORDERS);
  if (orders)
    appRoleAssignments.push({
      id: grantId(random),
      appRoleId: '00000000-0000-0000-0000-000000000000',
      createdDateTime: created(random),
      principalDisplayName: 'Adele Admin',
      principalId: ADMIN_USER_ID,
      principalType: 'User',
      resourceDisplayName: orders.displayName,
      resourceId: orders.id,
    });
  assign('Fabrikam Legacy Portal', CDS, 'Dataverse.ReadWrite.All');
  grant('<script>alert("owned")</script> Payroll', CDS, 'user_impersonation', [
    ADMIN_USER_ID,
    READER_USER_ID,
  ]);
  grant('Azure Portal', CDS, 'user_impersonation');
  assign('Northwind Docs Sample API', REPORTING, 'Reports.Read.All');

  return {
    appRoleAssignments,
    oauth2PermissionGrants,
    conditionalAccessPolicies: seedConditionalAccess(random),
  };
}

/** Grant and assignment ids are opaque 43-character strings in Graph, not GUIDs. */
function grantId(random: Random): string {
  return Buffer.from(guid(random).replace(/-/g, '') + guid(random).replace(/-/g, ''), 'hex')
    .toString('base64url')
    .slice(0, 43);
}

function seedConditionalAccess(random: Random): ConditionalAccessPolicy[] {
  const policy = (
    displayName: string,
    state: string,
    includeApplications: string[],
    controls: Pick<ConditionalAccessPolicy, 'grantControls' | 'sessionControls'>,
  ): ConditionalAccessPolicy =>
    conditionalAccessPolicyJson({
      id: guid(random),
      displayName,
      state,
      createdDateTime: created(random),
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications },
        users: { includeUsers: ['All'] },
      },
      ...controls,
    });
  return [
    policy('Sign-in every 8 hours (all apps)', 'enabled', ['All'], {
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          type: 'hours',
          value: 8,
          frequencyInterval: 'timeBased',
          authenticationType: 'primaryAndSecondaryAuthentication',
        },
      },
    }),
    policy('Never persist browser sessions', 'enabledForReportingButNotEnforced', ['All'], {
      sessionControls: { persistentBrowser: { isEnabled: true, mode: 'never' } },
    }),
    policy('Require MFA for Dataverse', 'disabled', [CDS], {
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    }),
    policy('<img src=x onerror=alert(2)> weekly sign-in', 'disabled', [ORDERS], {
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          type: 'days',
          value: 7,
          frequencyInterval: 'timeBased',
          authenticationType: 'primaryAndSecondaryAuthentication',
        },
      },
    }),
  ];
}

/**
 * A conditionalAccessPolicy in Graph's full shape: what a client sent, with every collection and
 * control Graph fills in (conditionalaccessroot-post-policies.md, 201 response example).
 */
export function conditionalAccessPolicyJson(
  input: Pick<ConditionalAccessPolicy, 'id' | 'displayName' | 'state' | 'conditions'> &
    Partial<ConditionalAccessPolicy>,
): ConditionalAccessPolicy {
  const apps = input.conditions.applications ?? {};
  const users = input.conditions.users ?? {};
  return {
    id: input.id,
    templateId: null,
    displayName: input.displayName,
    createdDateTime: input.createdDateTime ?? new Date().toISOString(),
    modifiedDateTime: input.modifiedDateTime ?? null,
    state: input.state,
    sessionControls: input.sessionControls
      ? {
          applicationEnforcedRestrictions: null,
          cloudAppSecurity: null,
          disableResilienceDefaults: null,
          persistentBrowser: input.sessionControls.persistentBrowser ?? null,
          signInFrequency: input.sessionControls.signInFrequency ?? null,
        }
      : null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: input.conditions.clientAppTypes ?? ['all'],
      platforms: null,
      locations: null,
      applications: {
        includeApplications: apps.includeApplications ?? [],
        excludeApplications: apps.excludeApplications ?? [],
        includeUserActions: apps.includeUserActions ?? [],
      },
      users: {
        includeUsers: users.includeUsers ?? [],
        excludeUsers: users.excludeUsers ?? [],
        includeGroups: users.includeGroups ?? [],
        excludeGroups: [],
        includeRoles: users.includeRoles ?? [],
        excludeRoles: [],
      },
    },
    grantControls: input.grantControls
      ? {
          operator: input.grantControls.operator,
          builtInControls: input.grantControls.builtInControls ?? [],
          customAuthenticationFactors: [],
          termsOfUse: [],
        }
      : null,
  } as ConditionalAccessPolicy;
}
