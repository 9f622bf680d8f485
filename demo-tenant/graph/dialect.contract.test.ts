// Microsoft Graph's own dialect, over real HTTP: the quirks a real tenant has and a naive emulator
// would not. Each case names where the behaviour is documented or reported.
import { describe, expect, it } from 'vitest';
import { SEEDED } from '../directory/seed';
import { tenantPerFile } from '../test-support/tenant-per-file';
import { definition } from '../test-support/http';

const CDS = '00000007-0000-0000-c000-000000000000';
const POLICIES = '/policies/tokenLifetimePolicies';
const ref = (policyId: string) => ({
  '@odata.id': `https://t.graph.microsoft.com/v1.0${POLICIES}/${policyId}`,
});

const t = tenantPerFile();

const policyNames = async () =>
  (await t.graph.get(POLICIES)).body.value.map((p: { displayName: string }) => p.displayName);

describe('$batch (docs: concepts/json-batching.md)', () => {
  it('refuses the WHOLE batch when a sub-request has a body but no Content-Type header', async () => {
    // Field report: microsoftgraph/msgraph-sdk-dotnet#2628 (BadRequest "Write request id : … does
    // not contain Content-Type header or body."); Softeria/ms-365-mcp-server#683: "the outer call
    // 400s and none of the sub-requests run".
    const response = await t.graph.post('/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: POLICIES,
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: 'Batch ok', definition: definition('02:00:00') },
        },
        {
          id: '2',
          method: 'POST',
          url: POLICIES,
          body: { displayName: 'Batch no header', definition: definition('02:00:00') },
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
    expect(response.body.error.message).toBe(
      'Write request id : 2 does not contain Content-Type header or body.',
    );
    expect(await policyNames()).not.toContain('Batch ok');
  });

  it('refuses a write sub-request without a body', async () => {
    const response = await t.graph.post('/$batch', {
      requests: [
        {
          id: 'a',
          method: 'POST',
          url: `/servicePrincipals/x/tokenLifetimePolicies/$ref`,
          headers: { 'Content-Type': 'application/json' },
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('does not contain Content-Type header or body');
  });

  it('names the Content-Type of every sub-response that has a body', async () => {
    const response = await t.graph.post('/$batch', {
      requests: [
        { id: 'ok', method: 'GET', url: POLICIES },
        { id: 'missing', method: 'GET', url: `${POLICIES}/does-not-exist` },
        { id: 'gone', method: 'DELETE', url: `${POLICIES}/${SEEDED.policies.unused}` },
      ],
    });
    const byId = Object.fromEntries(response.body.responses.map((r: { id: string }) => [r.id, r]));
    // json-batching.md's example response: Graph's own values.
    expect(byId.ok.headers['Content-Type']).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(byId.missing.headers['Content-Type']).toBe('application/json');
    expect(byId.missing.body.error.code).toBe('Request_ResourceNotFound');
    expect(byId.gone.status).toBe(204);
    expect(byId.gone).not.toHaveProperty('body');
  });

  it('treats ids without regard to case: duplicates refused, dependsOn matched', async () => {
    // json-batching.md: id "Not case-sensitive. Must be unique in the batch, otherwise, the batch
    // request fails with a 400 error code."
    const duplicate = await t.graph.post('/$batch', {
      requests: [
        { id: 'A', method: 'GET', url: POLICIES },
        { id: 'a', method: 'GET', url: POLICIES },
      ],
    });
    expect(duplicate.status).toBe(400);
    const chained = await t.graph.post('/$batch', {
      requests: [
        { id: 'First', method: 'GET', url: `${POLICIES}/does-not-exist` },
        { id: 'second', method: 'GET', url: POLICIES, dependsOn: ['FIRST'] },
      ],
    });
    expect(chained.status).toBe(200);
    expect(
      chained.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    ).toEqual([
      ['First', 404],
      ['second', 424],
    ]);
  });
});

describe('$count', () => {
  it('answers $count=true without ConsistencyLevel with 200 and no @odata.count', async () => {
    const response = await t.graph.get('/servicePrincipals?$count=true&$top=1');
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('@odata.count');
    const counted = await t.graph.get('/servicePrincipals?$count=true&$top=1', {
      ConsistencyLevel: 'eventual',
    });
    expect(counted.body['@odata.count']).toBe(t.tenant.store.servicePrincipals.length);
  });

  it.each(['servicePrincipals', 'applications'] as const)(
    'answers /%s/$count as text/plain with ConsistencyLevel, 400 without',
    async (collection) => {
      const counted = await t.graph.get(`/${collection}/$count`, { ConsistencyLevel: 'eventual' });
      expect(counted.status).toBe(200);
      expect(counted.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(counted.body).toBe(t.tenant.store[collection].length);
      // Field reports microsoftgraph/microsoft-graph-docs#13226 and #15067 (2021): without the
      // header Graph answers 400 Request_BadRequest "$count is not currently supported.".
      const refused = await t.graph.get(`/${collection}/$count`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('$count is not currently supported.');
    },
  );
});

describe("alternate keys: /servicePrincipals(appId='…'), /applications(appId='…')", () => {
  it('reads an object by appId, and 404 for an unknown appId', async () => {
    const sp = await t.graph.get(`/servicePrincipals(appId='${CDS}')`);
    expect(sp.status).toBe(200);
    expect(sp.body.appId).toBe(CDS);
    const app = await t.graph.get(
      `/applications(appId='${SEEDED.apps.ordersApi.appId}')?$select=id,appId`,
    );
    expect(app.body.appId).toBe(SEEDED.apps.ordersApi.appId);
    expect(Object.keys(app.body).filter((k) => !k.startsWith('@'))).toEqual(['id', 'appId']);
    // Clients may percent-encode the quotes.
    expect((await t.graph.get(`/servicePrincipals(appId=%27${CDS}%27)`)).body.appId).toBe(CDS);
    const unknown = await t.graph.get(
      `/servicePrincipals(appId='00000000-0000-0000-0000-00000000dead')`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('links, lists and unlinks through the appId form', async () => {
    // serviceprincipal-list-tokenlifetimepolicies: GET /servicePrincipals(appId='{appId}')/tokenLifetimePolicies
    const base = `/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')/tokenLifetimePolicies`;
    expect((await t.graph.post(`${base}/$ref`, ref(SEEDED.policies.unused))).status).toBe(204);
    const linked = await t.graph.get(base);
    expect(linked.body.value.map((p: { id: string }) => p.id)).toEqual([SEEDED.policies.unused]);
    expect((await t.graph.delete(`${base}/${SEEDED.policies.unused}/$ref`)).status).toBe(204);
    expect((await t.graph.get(base)).body.value).toEqual([]);
  });

  it('counts the appId form under its own template in /_demo/stats', async () => {
    await fetch(`${t.tenant.url}/_demo/stats/reset`, { method: 'POST' });
    await t.graph.get(`/servicePrincipals(appId='${CDS}')/tokenLifetimePolicies`);
    const stats = await (await fetch(`${t.tenant.url}/_demo/stats`)).json();
    expect(
      stats.byMethodAndRoute["GET /v1.0/servicePrincipals(appId='{appId}')/tokenLifetimePolicies"],
    ).toBe(1);
  });
});

describe('query options on /policies/tokenLifetimePolicies (docs: tokenlifetimepolicy-list)', () => {
  it('honours $filter eq on displayName and isOrganizationDefault', async () => {
    const named = await t.graph.get(`${POLICIES}?$filter=displayName eq 'Contoso 2h'`);
    expect(named.body.value.map((p: { id: string }) => p.id)).toEqual([SEEDED.policies.contoso2h]);
    const notDefault = await t.graph.get(`${POLICIES}?$filter=isOrganizationDefault eq false`);
    expect(notDefault.body.value.length).toBe(t.tenant.store.policies.length);
    expect(
      (await t.graph.get(`${POLICIES}?$filter=isOrganizationDefault eq true`)).body.value,
    ).toEqual([]);
  });

  it('honours $select and $top (with a nextLink to the rest)', async () => {
    const page = await t.graph.get(`${POLICIES}?$select=displayName&$top=2`);
    expect(page.body.value).toHaveLength(2);
    expect(Object.keys(page.body.value[0]).sort()).toEqual(['displayName', 'id']);
    let seen = page.body.value.length;
    let next: string | undefined = page.body['@odata.nextLink'];
    while (next) {
      const more = await t.graph.get(next);
      seen += more.body.value.length;
      next = more.body['@odata.nextLink'];
    }
    expect(seen).toBe(t.tenant.store.policies.length);
    const one = await t.graph.get(`${POLICIES}/${SEEDED.policies.contoso2h}?$select=definition`);
    expect(
      Object.keys(one.body)
        .filter((k) => !k.startsWith('@'))
        .sort(),
    ).toEqual(['definition', 'id']);
  });

  it.each([
    ['$filter on a property Graph does not filter', `$filter=description eq 'x'`],
    ['$filter with an unsupported operator', `$filter=displayName ne 'x'`],
    ['$search', `$search="displayName:contoso"`],
  ])('answers 400 Request_UnsupportedQuery for %s', async (_label, query) => {
    const response = await t.graph.get(`${POLICIES}?${query}`, { ConsistencyLevel: 'eventual' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_UnsupportedQuery');
  });
});

describe('permissions of GET /{applications|servicePrincipals}/{id}/tokenLifetimePolicies', () => {
  // Microsoft's permissions tables (serviceprincipal-list-tokenlifetimepolicies,
  // application-list-tokenlifetimepolicies): Policy.Read.All AND Application.ReadWrite.All (or
  // .OwnedBy, application only). A reader with Policy.Read.All + Application.Read.All is refused.
  it('refuses a read-only client with 403, and lets it read links through appliesTo', async () => {
    const sp = await t.graph.get(`/servicePrincipals(appId='${CDS}')`);
    const app = await t.graph.get(`/applications(appId='${SEEDED.apps.ordersApi.appId}')`);
    for (const path of [
      `/servicePrincipals/${sp.body.id}/tokenLifetimePolicies`,
      `/applications/${app.body.id}/tokenLifetimePolicies`,
      `/servicePrincipals(appId='${CDS}')/tokenLifetimePolicies`,
    ]) {
      const refused = await t.reader.get(path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Authorization_RequestDenied');
      expect((await t.graph.get(path)).status).toBe(200);
    }
    const appliesTo = await t.reader.get(`${POLICIES}/${SEEDED.policies.dataverse}/appliesTo`);
    expect(appliesTo.status).toBe(200);
    expect(appliesTo.body.value.map((o: { appId: string }) => o.appId)).toContain(CDS);
  });
});

describe('401', () => {
  it('carries a WWW-Authenticate challenge like Graph’s', async () => {
    // Graph answers GET /v1.0/me without a token with: Bearer realm="", authorization_uri=
    // "https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"
    // (Microsoft identity platform docs, CAE/claims-challenge guidance).
    const response = await fetch(`${t.tenant.url}/v1.0${POLICIES}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer realm="", authorization_uri="${t.tenant.url}/auth", client_id="00000003-0000-0000-c000-000000000000"`,
    );
  });
});

describe('retired refresh/session settings and Version', () => {
  it('refuses a new definition with retired settings, in Graph’s own words', async () => {
    // MicrosoftDocs/azure-docs#70438 (2021): 400 Request_BadRequest "Configure Token Lifetime for
    // RT/ST (Refresh/Session Token) has been retired on May 30, 2020. New policy cannot be created anymore."
    const response = await t.graph.post(POLICIES, {
      displayName: 'Retired',
      definition: definition('02:00:00', { MaxAgeSingleFactor: 'until-revoked' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_BadRequest');
    expect(response.body.error.message).toContain('New policy cannot be created anymore');
    expect(await policyNames()).not.toContain('Retired');
  });

  it('refuses a new definition without Version (no field report: strict)', async () => {
    const response = await t.graph.post(POLICIES, {
      displayName: 'No version',
      definition: [JSON.stringify({ TokenLifetimePolicy: { AccessTokenLifetime: '02:00:00' } })],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^Property definition has an invalid value\./);
  });

  it('keeps an existing policy with retired settings readable and editable; PATCH adds none', async () => {
    const id = SEEDED.policies.legacy;
    const stored = await t.graph.get(`${POLICIES}/${id}`);
    expect(stored.status).toBe(200);
    const properties = JSON.parse(stored.body.definition[0]).TokenLifetimePolicy;
    expect(properties.MaxInactiveTime).toBe('90.00:00:00');
    // Decision (no report either way): an update may keep what the stored definition holds…
    const kept = await t.graph.patch(`${POLICIES}/${id}`, {
      definition: [
        JSON.stringify({ TokenLifetimePolicy: { ...properties, AccessTokenLifetime: '04:00:00' } }),
      ],
    });
    expect(kept.status).toBe(204);
    // …but adds no retired setting it did not hold.
    const added = await t.graph.patch(`${POLICIES}/${id}`, {
      definition: definition('04:00:00', { MaxAgeMultiFactor: 'until-revoked' }),
    });
    expect(added.status).toBe(400);
    expect(added.body.error.message).toMatch(/^Property definition has an invalid value\./);
    const dropped = await t.graph.patch(`${POLICIES}/${id}`, {
      definition: definition('04:00:00'),
    });
    expect(dropped.status).toBe(204);
  });
});
