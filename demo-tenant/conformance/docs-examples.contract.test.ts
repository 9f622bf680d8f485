// The request/response examples of Microsoft's Graph v1.0 docs for these endpoints
// (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/api/*.md and
// concepts/json-batching.md), replayed against the demo tenant: the docs' request as written (with the
// demo tenant's ids for the docs' placeholder ids), the docs' status, and the docs' response shape.
// Responses are also checked against Graph's published types by the test client (conformance.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import { clientToken, graphClient, startTestTenant } from '../test-support/http';

let tenant: DemoTenant;
let graph: ReturnType<typeof graphClient>;
const POLICIES = '/policies/tokenLifetimePolicies';
const GRAPH_SP = '00000003-0000-0000-c000-000000000000';
/** The property names the docs' example objects show (their examples are "shortened for readability"). */
const DOCS_POLICY_FIELDS = [
  'id',
  'deletedDateTime',
  'definition',
  'displayName',
  'isOrganizationDefault',
];

beforeAll(async () => {
  tenant = await startTestTenant();
  graph = graphClient(
    tenant.url,
    (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token,
  );
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
});

const spId = () => tenant.store.servicePrincipals.find((s) => s.appId === GRAPH_SP)!.id;
const appId = () =>
  tenant.store.applications.find((a) => a.appId === SEEDED.apps.ordersApi.appId)!.id;
const keysOf = (o: Record<string, unknown>) => Object.keys(o).filter((k) => !k.startsWith('@'));

describe('tokenLifetimePolicy', () => {
  it('tokenlifetimepolicy-list: GET /policies/tokenLifetimePolicies → 200 collection', async () => {
    const response = await graph.get(POLICIES);
    expect(response.status).toBe(200);
    expect(response.body['@odata.context']).toBe(
      `${tenant.url}/v1.0/$metadata#policies/tokenLifetimePolicies`,
    );
    for (const policy of response.body.value)
      expect(keysOf(policy)).toEqual(expect.arrayContaining(DOCS_POLICY_FIELDS));
  });

  it('tokenlifetimepolicy-get: GET /policies/tokenLifetimePolicies/{id} → 200 entity', async () => {
    const response = await graph.get(`${POLICIES}/${SEEDED.policies.contoso2h}`);
    expect(response.status).toBe(200);
    expect(response.body['@odata.context']).toBe(
      `${tenant.url}/v1.0/$metadata#policies/tokenLifetimePolicies/$entity`,
    );
    expect(response.body).toMatchObject({ id: SEEDED.policies.contoso2h, deletedDateTime: null });
    expect(keysOf(response.body)).toEqual(expect.arrayContaining(DOCS_POLICY_FIELDS));
  });

  it('tokenlifetimepolicy-post-tokenlifetimepolicies: POST → 201 with the new policy and its id', async () => {
    // The docs' example body, with the docs' resource-page definition in place of "definition-value".
    const body = {
      definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"8:00:00"}}'],
      displayName: 'Contoso token lifetime policy',
      isOrganizationDefault: true,
    };
    const response = await graph.post(POLICIES, body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject(body);
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tokenlifetimepolicy-update: PATCH → 204, no body', async () => {
    const response = await graph.patch(`${POLICIES}/${SEEDED.policies.contoso2h}`, {
      definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"5:30:00"}}'],
      displayName: 'Contoso token lifetime policy',
      isOrganizationDefault: true,
    });
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    const read = await graph.get(`${POLICIES}/${SEEDED.policies.contoso2h}`);
    expect(read.body).toMatchObject({
      displayName: 'Contoso token lifetime policy',
      isOrganizationDefault: true,
    });
  });

  it('tokenlifetimepolicy-delete: DELETE → 204, no body', async () => {
    const response = await graph.delete(`${POLICIES}/${SEEDED.policies.unused}`);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
  });

  it('tokenlifetimepolicy-list-appliesto: GET …/appliesTo → 200 collection of directoryObjects with ids', async () => {
    const response = await graph.get(`${POLICIES}/${SEEDED.policies.contoso2h}/appliesTo`);
    expect(response.status).toBe(200);
    expect(response.body.value.length).toBeGreaterThan(0);
    for (const object of response.body.value) expect(typeof object.id).toBe('string');
  });
});

describe.each([
  ['serviceprincipal', '/servicePrincipals', spId],
  ['application', '/applications', appId],
] as const)('%s tokenLifetimePolicies', (page, collection, objectId) => {
  it(`${page}-post-tokenlifetimepolicies, ${page}-list-tokenlifetimepolicies, ${page}-delete-tokenlifetimepolicies`, async () => {
    const base = `${collection}/${objectId()}/tokenLifetimePolicies`;
    if ((await graph.get(base)).body.value[0])
      await graph.delete(`${base}/${(await graph.get(base)).body.value[0].id}/$ref`);
    // POST …/$ref with the docs' body → 204 No Content.
    const linked = await graph.post(`${base}/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${SEEDED.policies.unused}`,
    });
    expect(linked.status).toBe(204);
    expect(linked.body).toBeUndefined();
    // GET → 200, a collection of (at most) one tokenLifetimePolicy.
    const listed = await graph.get(base);
    expect(listed.status).toBe(200);
    expect(listed.body['@odata.context']).toBe(
      `${tenant.url}/v1.0/$metadata#Collection(microsoft.graph.tokenLifetimePolicy)`,
    );
    expect(listed.body.value).toHaveLength(1);
    expect(keysOf(listed.body.value[0])).toEqual(expect.arrayContaining(DOCS_POLICY_FIELDS));
    // DELETE …/{policyId}/$ref → 204 No Content.
    const unlinked = await graph.delete(`${base}/${SEEDED.policies.unused}/$ref`);
    expect(unlinked.status).toBe(204);
    expect((await graph.get(base)).body.value).toEqual([]);
  });
});

describe('json-batching', () => {
  it('answers the docs’ example batch, adapted to these endpoints, as the docs’ example response does', async () => {
    // The docs' five requests (GET, GET, DELETE, POST with body {} and Content-Type, and a relative
    // url without a leading slash carrying $select, $count=true and ConsistencyLevel: eventual),
    // pointed at this API's resources.
    const response = await graph.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${POLICIES}/${SEEDED.policies.dataverse}/appliesTo` },
        { id: '2', method: 'GET', url: POLICIES },
        { id: '3', method: 'DELETE', url: `${POLICIES}/${SEEDED.policies.unused}` },
        {
          id: '4',
          url: `/servicePrincipals/${spId()}/tokenLifetimePolicies/$ref`,
          method: 'POST',
          body: {},
          headers: { 'Content-Type': 'application/json' },
        },
        {
          id: '5',
          url: "servicePrincipals?$select=id,displayName&$filter=servicePrincipalType eq 'Application'&$count=true",
          method: 'GET',
          headers: { ConsistencyLevel: 'eventual' },
        },
      ],
    });
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(response.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(byId['1'].status).toBe(200);
    expect(byId['2'].status).toBe(200);
    expect(byId['3'].status).toBe(204);
    // An empty body is not a policy reference: a 400 inside the batch, the batch itself still 200.
    expect(byId['4'].status).toBe(400);
    expect(byId['4'].headers['Content-Type']).toBe('application/json');
    expect(byId['5'].status).toBe(200);
    expect(byId['5'].headers['Content-Type']).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(typeof byId['5'].body['@odata.count']).toBe('number');
    expect(keysOf(byId['5'].body.value[0]).sort()).toEqual(['displayName', 'id']);
  });
});
