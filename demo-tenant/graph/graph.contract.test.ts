// Contract tests: the Graph emulator answers every endpoint and error row of GRAPH-CONTRACT.md as
// Graph does, over real HTTP with real tokens from the demo tenant's own token endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../server';
import {
  clientToken,
  controls,
  definition,
  graphClient,
  startTestTenant,
} from '../test-support/http';
import { SEEDED } from '../directory/seed';

let tenant: DemoTenant;
let graph: ReturnType<typeof graphClient>;
let reader: ReturnType<typeof graphClient>;
const CDS = '00000007-0000-0000-c000-000000000000';

beforeAll(async () => {
  tenant = await startTestTenant();
  graph = graphClient(
    tenant.url,
    (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token,
  );
  reader = graphClient(
    tenant.url,
    (await clientToken(tenant.url, 'https://graph.microsoft.com/.default', 'demo-reader')).body
      .access_token,
  );
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
  await controls(tenant.url, { faultRate: 0, latencyMs: 0 });
});

async function spOf(appId: string) {
  return (await graph.get(`/servicePrincipals?$filter=appId eq '${appId}'`)).body.value[0];
}

describe('policies', () => {
  it('lists the seeded policies in Graph’s collection shape, with request ids', async () => {
    const response = await graph.get('/policies/tokenLifetimePolicies');
    expect(response.status).toBe(200);
    expect(response.body['@odata.context']).toContain('$metadata#policies/tokenLifetimePolicies');
    expect(response.body.value.map((p: { displayName: string }) => p.displayName)).toContain(
      'Dataverse integrations (5 h)',
    );
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('client-request-id')).toBeTruthy();
  });

  it('creates (201), reads, patches (204) and deletes (204) a policy', async () => {
    const created = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Contract 2h',
      definition: definition('02:00:00'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'Contract 2h',
      isOrganizationDefault: false,
      deletedDateTime: null,
    });
    const id = created.body.id;
    expect((await graph.get(`/policies/tokenLifetimePolicies/${id}`)).body.definition).toEqual(
      definition('02:00:00'),
    );
    const patched = await graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
      definition: definition('08:00:00'),
    });
    expect(patched.status).toBe(204);
    expect(patched.body).toBeUndefined();
    expect((await graph.get(`/policies/tokenLifetimePolicies/${id}`)).body.definition).toEqual(
      definition('08:00:00'),
    );
    expect((await graph.delete(`/policies/tokenLifetimePolicies/${id}`)).status).toBe(204);
    expect((await graph.get(`/policies/tokenLifetimePolicies/${id}`)).status).toBe(404);
  });

  it.each([
    ['out of range (5 min)', definition('00:05:00')],
    ['out of range (1 day 1 s)', definition('1.00:00:01')],
    // Graph refuses exactly 24 h although the docs say "1 day": MicrosoftDocs/azure-docs#37342
    // (2019) and MicrosoftDocs/entra-docs#1946 (2026) both got this 400 for 24:00:00.
    ['exactly 24 h (24:00:00)', definition('24:00:00')],
    ['exactly 1 day (1.00:00:00)', definition('1.00:00:00')],
    ['malformed JSON', ['{"TokenLifetimePolicy":']],
    ['not a collection', 'nope'],
  ])('refuses a definition that is %s with 400 Request_BadRequest', async (_name, def) => {
    const before = (await graph.get('/policies/tokenLifetimePolicies')).body.value.length;
    const response = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Bad',
      definition: def,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_BadRequest');
    expect(response.body.error.message).toContain('Property definition has an invalid value');
    expect(response.body.error.innerError['request-id']).toBeTruthy();
    expect((await graph.get('/policies/tokenLifetimePolicies')).body.value.length).toBe(before);
  });

  it.each(['24:00:00', '1.00:00:00'])(
    'refuses to update a lifetime to %s, and accepts 23:59:59 (the largest value known to work)',
    async (value) => {
      const id = SEEDED.policies.contoso2h;
      const refused = await graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
        definition: definition(value),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('Request_BadRequest');
      expect(refused.body.error.message).toContain('Property definition has an invalid value');
      expect((await graph.get(`/policies/tokenLifetimePolicies/${id}`)).body.definition).toEqual(
        definition('02:00:00'),
      );
      const accepted = await graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
        definition: definition('23:59:59'),
      });
      expect(accepted.status).toBe(204);
    },
  );

  it('keeps one organization default', async () => {
    const first = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Default A',
      definition: definition('04:00:00'),
      isOrganizationDefault: true,
    });
    expect(first.status).toBe(201);
    const second = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Default B',
      definition: definition('02:00:00'),
      isOrganizationDefault: true,
    });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain('already the organization default');
  });

  it('answers 404 Request_ResourceNotFound for an unknown id', async () => {
    const response = await graph.get(
      '/policies/tokenLifetimePolicies/00000000-0000-0000-0000-000000000000',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('lists appliesTo as typed directory objects', async () => {
    const response = await graph.get(
      `/policies/tokenLifetimePolicies/${SEEDED.policies.contoso2h}/appliesTo`,
    );
    expect(response.status).toBe(200);
    const types = new Set(response.body.value.map((o: Record<string, string>) => o['@odata.type']));
    expect(
      [...types].every(
        (t) => t === '#microsoft.graph.application' || t === '#microsoft.graph.servicePrincipal',
      ),
    ).toBe(true);
    expect(response.body.value[0]).toHaveProperty('appId');
  });
});

describe('links', () => {
  it('links, refuses a second link, unlinks', async () => {
    const sp = await spOf('00000003-0000-0000-c000-000000000000');
    const ref = {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${SEEDED.policies.unused}`,
    };
    expect(
      (await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, ref)).status,
    ).toBe(204);
    const linked = await graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`);
    expect(linked.body.value.map((p: { id: string }) => p.id)).toEqual([SEEDED.policies.unused]);
    const second = await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${SEEDED.policies.contoso2h}`,
    });
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe('Request_MultipleObjectsWithSameKeyValue');
    expect(
      (
        await graph.delete(
          `/servicePrincipals/${sp.id}/tokenLifetimePolicies/${SEEDED.policies.unused}/$ref`,
        )
      ).status,
    ).toBe(204);
    expect(
      (await graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`)).body.value,
    ).toEqual([]);
  });

  it('links to an application object too', async () => {
    const app = (
      await graph.get(`/applications?$filter=appId eq '${SEEDED.apps.reportingApi.appId}'`)
    ).body.value[0];
    const response = await graph.post(`/applications/${app.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${SEEDED.policies.unused}`,
    });
    expect(response.status).toBe(204);
    expect(
      (await graph.get(`/applications/${app.id}/tokenLifetimePolicies`)).body.value[0].id,
    ).toBe(SEEDED.policies.unused);
  });
});

describe('directory queries', () => {
  it('honours $select and $top, and refuses $top over 999', async () => {
    const response = await graph.get('/applications?$select=id,displayName&$top=5');
    expect(response.body.value).toHaveLength(5);
    expect(Object.keys(response.body.value[0]).sort()).toEqual(['displayName', 'id']);
    expect(response.body['@odata.nextLink']).toMatch(
      /^http:\/\/localhost:\d+\/v1\.0\/applications\?/,
    );
    expect((await graph.get('/applications?$top=1000')).status).toBe(400);
  });

  it('filters by appId, servicePrincipalType and startswith(displayName)', async () => {
    expect(
      (await graph.get(`/servicePrincipals?$filter=appId eq '${CDS}'`)).body.value.map(
        (s: { displayName: string }) => s.displayName,
      ),
    ).toEqual(['Common Data Service']);
    const managed = (
      await graph.get(
        `/servicePrincipals?$filter=servicePrincipalType eq 'ManagedIdentity'&$top=999`,
      )
    ).body.value;
    expect(managed.length).toBeGreaterThan(0);
    expect(
      managed.every(
        (s: { servicePrincipalType: string }) => s.servicePrincipalType === 'ManagedIdentity',
      ),
    ).toBe(true);
    const contoso = (
      await graph.get(`/applications?$filter=startswith(displayName,'Contoso Orders')`)
    ).body.value;
    expect(contoso[0].displayName).toBe('Contoso Orders API');
  });

  it('needs ConsistencyLevel: eventual for $search (400 Request_UnsupportedQuery without) and for @odata.count', async () => {
    const refused = await graph.get('/servicePrincipals?$search="displayName:common"');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('Request_UnsupportedQuery');
    const found = await graph.get('/servicePrincipals?$search="displayName:common"&$count=true', {
      ConsistencyLevel: 'eventual',
    });
    expect(found.status).toBe(200);
    expect(found.body['@odata.count']).toBeGreaterThan(0);
    expect(found.body.value.some((s: { appId: string }) => s.appId === CDS)).toBe(true);
    // $count=true without the header is not an error: 200, and no @odata.count (GRAPH-CONTRACT.md).
    const uncounted = await graph.get('/applications?$count=true');
    expect(uncounted.status).toBe(200);
    expect(uncounted.body).not.toHaveProperty('@odata.count');
  });

  it('reads single objects and answers 404 for unknown ones', async () => {
    const sp = await spOf(CDS);
    expect((await graph.get(`/servicePrincipals/${sp.id}`)).body.appId).toBe(CDS);
    expect((await graph.get('/applications/not-an-id')).status).toBe(404);
  });
});

describe('$batch', () => {
  const get = (id: string) => ({ id, method: 'GET', url: '/policies/tokenLifetimePolicies' });

  it('runs up to 20 requests and answers each', async () => {
    const response = await graph.post('/$batch', {
      requests: Array.from({ length: 20 }, (_, i) => get(String(i))),
    });
    expect(response.status).toBe(200);
    expect(response.body.responses).toHaveLength(20);
    expect(response.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
  });

  it('refuses 21 requests and duplicate ids', async () => {
    expect(
      (
        await graph.post('/$batch', {
          requests: Array.from({ length: 21 }, (_, i) => get(String(i))),
        })
      ).status,
    ).toBe(400);
    expect((await graph.post('/$batch', { requests: [get('a'), get('a')] })).status).toBe(400);
  });

  it('answers 424 for a request whose dependency failed', async () => {
    const response = await graph.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/policies/tokenLifetimePolicies/does-not-exist' },
        { id: '2', method: 'GET', url: '/policies/tokenLifetimePolicies', dependsOn: ['1'] },
      ],
    });
    const byId = Object.fromEntries(
      response.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ '1': 404, '2': 424 });
  });
});

describe('auth and faults', () => {
  it('answers 401 InvalidAuthenticationToken without a token, for an unsigned one and for a wrong audience', async () => {
    const none = await fetch(`${tenant.url}/v1.0/policies/tokenLifetimePolicies`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('InvalidAuthenticationToken');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: 'https://graph.microsoft.com', iss: tenant.url, exp: 9999999999, roles: ['Policy.Read.All'] })).toString('base64url')}.`;
    expect(
      (await graphClient(tenant.url, unsigned).get('/policies/tokenLifetimePolicies')).status,
    ).toBe(401);
    const cdsToken = (await clientToken(tenant.url, `${CDS}/.default`)).body.access_token;
    const wrongAudience = await graphClient(tenant.url, cdsToken).get(
      '/policies/tokenLifetimePolicies',
    );
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('answers 403 Authorization_RequestDenied to a reader’s writes', async () => {
    expect((await reader.get('/policies/tokenLifetimePolicies')).status).toBe(200);
    const response = await reader.post('/policies/tokenLifetimePolicies', {
      displayName: 'Nope',
      definition: definition('02:00:00'),
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('throttles with 429 + Retry-After or 503 at the injected rate, before changing anything', async () => {
    await controls(tenant.url, { faultRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const response = await graph.post('/policies/tokenLifetimePolicies', {
        displayName: `Faulted ${i}`,
        definition: definition('02:00:00'),
      });
      statuses.add(response.status);
      expect(response.headers.get('Retry-After')).toBe('1');
      expect(['TooManyRequests', 'ServiceUnavailable']).toContain(response.body.error.code);
    }
    expect([...statuses].sort()).toEqual([429, 503]);
    await controls(tenant.url, { faultRate: 0 });
    const names = (await graph.get('/policies/tokenLifetimePolicies')).body.value.map(
      (p: { displayName: string }) => p.displayName,
    );
    expect(names.filter((n: string) => n.startsWith('Faulted'))).toEqual([]);
  });

  it('counts requests by route template in /_demo/stats', async () => {
    await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
    await graph.get('/policies/tokenLifetimePolicies');
    await graph.get(`/policies/tokenLifetimePolicies/${SEEDED.policies.dataverse}/appliesTo`);
    const stats = await (await fetch(`${tenant.url}/_demo/stats`)).json();
    expect(stats.total).toBe(2);
    expect(stats.byMethodAndRoute['GET /v1.0/policies/tokenLifetimePolicies/{id}/appliesTo']).toBe(
      1,
    );
  });

  it('allows CORS from the dashboard origin only', async () => {
    const preflight = await fetch(`${tenant.url}/v1.0/policies/tokenLifetimePolicies`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3999',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,sdkversion',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3999');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('sdkversion');
    const foreign = await fetch(`${tenant.url}/v1.0/policies/tokenLifetimePolicies`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('at 10,000 objects', () => {
  let big: DemoTenant;
  beforeAll(async () => {
    big = await startTestTenant({ size: 10_000, policyCount: 50 });
  });
  afterAll(() => big.close());

  it('pages to the end with $top=999: every object once', async () => {
    const client = graphClient(
      big.url,
      (await clientToken(big.url, 'https://graph.microsoft.com/.default')).body.access_token,
    );
    for (const collection of ['applications', 'servicePrincipals']) {
      const ids: string[] = [];
      let next: string | undefined = `/${collection}?$select=id&$top=999`;
      let pages = 0;
      while (next) {
        const page = await client.get(next);
        expect(page.status).toBe(200);
        ids.push(...page.body.value.map((o: { id: string }) => o.id));
        next = page.body['@odata.nextLink'];
        pages++;
      }
      const expected =
        collection === 'applications'
          ? big.store.applications.length
          : big.store.servicePrincipals.length;
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(expected);
      expect(pages).toBe(Math.ceil(expected / 999));
    }
    expect(big.store.applications.length + big.store.servicePrincipals.length).toBeGreaterThan(
      10_000,
    );
  });
});
