// Contract tests for issue 19's endpoints, over real HTTP with real tokens, against Graph v1.0 as
// documented in microsoftgraph/microsoft-graph-docs-contrib (api-reference/v1.0):
// serviceprincipal-list-approleassignedto.md (+ includes/permissions: Application.Read.All),
// oauth2permissiongrant-list.md (+ includes/permissions: Directory.Read.All least privileged),
// conditionalaccessroot-post-policies.md (Policy.Read.All, Policy.ReadWrite.ConditionalAccess and
// Application.Read.All; "a valid policy should contain" an application rule, a user rule and a
// grant or session control) and signinfrequencysessioncontrol.md.
import { describe, expect, it } from 'vitest';
import { draftSignInFrequencyPolicy } from '../../lib/policy/conditional-access';
import { tenantPerFile } from '../test-support/tenant-per-file';
import { SEEDED } from '../directory/seed';

const CDS = '00000007-0000-0000-c000-000000000000';

const t = tenantPerFile();

async function spOf(appId: string) {
  return (await t.graph.get(`/servicePrincipals?$filter=appId eq '${appId}'`)).body.value[0] as {
    id: string;
    appRoles: Array<{ id: string; value: string }>;
  };
}

describe('GET /servicePrincipals/{id}/appRoleAssignedTo', () => {
  it('lists the clients holding app roles on the Orders API, in appRoleAssignment’s shape', async () => {
    const orders = await spOf(SEEDED.apps.ordersApi.appId);
    const response = await t.reader.get(`/servicePrincipals/${orders.id}/appRoleAssignedTo`);
    expect(response.status).toBe(200);
    expect(response.body['@odata.context']).toContain(
      `$metadata#servicePrincipals('${orders.id}')/appRoleAssignedTo`,
    );
    const first = response.body.value[0];
    expect(Object.keys(first).sort()).toEqual(
      [
        'appRoleId',
        'createdDateTime',
        'deletedDateTime',
        'id',
        'principalDisplayName',
        'principalId',
        'principalType',
        'resourceDisplayName',
        'resourceId',
      ].sort(),
    );
    const writer = response.body.value.find(
      (a: { principalDisplayName: string }) => a.principalDisplayName === 'Nightly export script',
    );
    const role = orders.appRoles.find((r) => r.id === writer.appRoleId);
    expect(role?.value).toBe('Orders.ReadWrite.All');
    expect(writer).toMatchObject({ principalType: 'ServicePrincipal', resourceId: orders.id });
    expect(
      response.body.value.map((a: { principalType: string }) => a.principalType).sort(),
    ).toEqual(['ServicePrincipal', 'ServicePrincipal', 'User']);
  });

  it('pages with $top and an absolute nextLink', async () => {
    const orders = await spOf(SEEDED.apps.ordersApi.appId);
    const first = await t.graph.get(`/servicePrincipals/${orders.id}/appRoleAssignedTo?$top=2`);
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toMatch(/^http:\/\/.+\/v1\.0\/servicePrincipals\//);
    const second = await t.graph.get(first.body['@odata.nextLink']);
    expect(second.body.value).toHaveLength(1);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    expect(
      (await t.graph.get(`/servicePrincipals/${orders.id}/appRoleAssignedTo?$top=0`)).status,
    ).toBe(400);
  });

  it('answers 404 for an unknown service principal', async () => {
    const response = await t.graph.get(
      '/servicePrincipals/00000000-0000-4000-8000-00000000dead/appRoleAssignedTo',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
  });
});

describe('GET /oauth2PermissionGrants', () => {
  it('filters by resourceId and keeps AllPrincipals and per-user grants apart', async () => {
    const cds = await spOf(CDS);
    const response = await t.graph.get(`/oauth2PermissionGrants?$filter=resourceId eq '${cds.id}'`);
    expect(response.status).toBe(200);
    expect(response.body['@odata.context']).toContain('$metadata#oauth2PermissionGrants');
    const grants = response.body.value as Array<Record<string, unknown>>;
    expect(grants.every((g) => g.resourceId === cds.id)).toBe(true);
    expect(Object.keys(grants[0]).sort()).toEqual(
      ['clientId', 'consentType', 'id', 'principalId', 'resourceId', 'scope'].sort(),
    );
    expect(grants.filter((g) => g.consentType === 'Principal')).toHaveLength(2);
    expect(grants.filter((g) => g.consentType === 'AllPrincipals')).toHaveLength(1);
    expect(grants.filter((g) => g.consentType === 'AllPrincipals')[0].principalId).toBeNull();
  });

  it('joins eq clauses with and, and refuses other filters as Graph does', async () => {
    const cds = await spOf(CDS);
    const both = await t.graph.get(
      `/oauth2PermissionGrants?$filter=resourceId eq '${cds.id}' and consentType eq 'Principal'`,
    );
    expect(both.body.value).toHaveLength(2);
    const refused = await t.graph.get(`/oauth2PermissionGrants?$filter=startswith(scope,'user')`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('refuses a caller without Directory.Read.All (403 Authorization_RequestDenied)', async () => {
    const response = await t.reader.get('/oauth2PermissionGrants');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('answers inside $batch with the same rules', async () => {
    const cds = await spOf(CDS);
    const response = await t.reader.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/servicePrincipals/${cds.id}/appRoleAssignedTo` },
        {
          id: '2',
          method: 'GET',
          url: `/oauth2PermissionGrants?$filter=resourceId eq '${cds.id}'`,
        },
      ],
    });
    const byId = Object.fromEntries(
      response.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ '1': 200, '2': 403 });
  });
});

describe('/identity/conditionalAccess/policies', () => {
  const draft = () =>
    draftSignInFrequencyPolicy({
      displayName: 'Contract sign-in frequency 12 hours',
      frequency: { type: 'hours', value: 12 },
      applications: [],
    });

  it('lists the seeded policies with their states and session controls', async () => {
    const response = await t.reader.get('/identity/conditionalAccess/policies');
    expect(response.status).toBe(200);
    const policies = response.body.value as Array<{
      displayName: string;
      state: string;
      sessionControls: { signInFrequency: unknown; persistentBrowser: unknown } | null;
      conditions: { applications: { includeApplications: string[] } };
    }>;
    expect(policies.map((p) => p.state).sort()).toEqual(
      ['disabled', 'disabled', 'enabled', 'enabledForReportingButNotEnforced'].sort(),
    );
    const eight = policies.find((p) => p.displayName === 'Sign-in every 8 hours (all apps)')!;
    expect(eight.sessionControls?.signInFrequency).toMatchObject({
      isEnabled: true,
      type: 'hours',
      value: 8,
    });
    expect(eight.conditions.applications.includeApplications).toEqual(['All']);
    const browser = policies.find((p) => p.displayName === 'Never persist browser sessions')!;
    expect(browser.sessionControls?.persistentBrowser).toEqual({ isEnabled: true, mode: 'never' });
  });

  it('finds a policy by displayName with $filter', async () => {
    const response = await t.graph.get(
      `/identity/conditionalAccess/policies?$filter=displayName eq 'Require MFA for Dataverse'`,
    );
    expect(response.body.value).toHaveLength(1);
    expect(response.body.value[0].grantControls.builtInControls).toEqual(['mfa']);
  });

  it('creates a report-only draft (201) in the full shape, readable by id', async () => {
    const created = await t.graph.post('/identity/conditionalAccess/policies', draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'Contract sign-in frequency 12 hours',
      state: 'enabledForReportingButNotEnforced',
      grantControls: null,
      sessionControls: {
        persistentBrowser: null,
        signInFrequency: { isEnabled: true, type: 'hours', value: 12 },
      },
      conditions: {
        applications: { includeApplications: ['All'], excludeApplications: [] },
        users: { includeUsers: ['All'], excludeUsers: [] },
      },
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('location')).toContain(created.body.id);
    const read = await t.graph.get(`/identity/conditionalAccess/policies/${created.body.id}`);
    expect(read.body.displayName).toBe('Contract sign-in frequency 12 hours');
  });

  it.each([
    ['24 hours', { type: 'hours', value: 24 }],
    ['0 days', { type: 'days', value: 0 }],
    ['minutes', { type: 'minutes', value: 30 }],
  ])('refuses a sign-in frequency of %s (400) and creates nothing', async (_name, frequency) => {
    const body = draft();
    Object.assign(body.sessionControls.signInFrequency, frequency);
    const response = await t.graph.post('/identity/conditionalAccess/policies', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
    expect((await t.graph.get('/identity/conditionalAccess/policies')).body.value).toHaveLength(4);
  });

  it('refuses a policy without a user rule', async () => {
    const body: Record<string, unknown> = draft();
    body.conditions = { applications: { includeApplications: ['All'] } };
    const response = await t.graph.post('/identity/conditionalAccess/policies', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/users/);
  });

  it('refuses the create to a caller without Policy.ReadWrite.ConditionalAccess', async () => {
    const response = await t.reader.post('/identity/conditionalAccess/policies', draft());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('Authorization_RequestDenied');
  });
});
