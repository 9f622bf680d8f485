// Targeted failures over real HTTP: the operator arms a rule, the chosen Graph call fails the way
// the rule says (before or after it is carried out), and nothing else is touched.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import type { FaultRule } from './faults';
import {
  armFault,
  clientToken,
  graphClient,
  operator,
  startTestTenant,
} from '../test-support/http';

let tenant: DemoTenant;
let token: string;
let graph: ReturnType<typeof graphClient>;
let spId: string;
const LINK = '/servicePrincipals/*/tokenLifetimePolicies/$ref';
const ref = (policyId: string) => ({
  '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${policyId}`,
});

beforeAll(async () => {
  tenant = await startTestTenant();
  token = (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token;
  graph = graphClient(tenant.url, token);
  spId = (await graph.get(`/servicePrincipals?$filter=appId eq '${SEEDED.apps.ordersApi.appId}'`))
    .body.value[0].id;
});
afterAll(() => tenant.close());
beforeEach(async () => {
  expect((await operator(tenant.url, 'POST', '/reset')).status).toBe(200);
});

const linkedPolicies = async (id = spId) =>
  (await graph.get(`/servicePrincipals/${id}/tokenLifetimePolicies`)).body.value.map(
    (p: { id: string }) => p.id,
  );

/** Arms one failure of the next link ($ref POST) to a service principal. */
const armLinkFault = (outcome: FaultRule['outcome'], when?: FaultRule['when']) =>
  armFault(tenant.url, {
    method: 'POST',
    path: LINK,
    count: 1,
    ...(when ? { when } : {}),
    outcome,
  });

/** Links the unused policy to Contoso Orders API's service principal, through the Graph client. */
const postLink = () =>
  graph.post(`/servicePrincipals/${spId}/tokenLifetimePolicies/$ref`, ref(SEEDED.policies.unused));

/** A raw call whose connection may be dropped or left hanging. */
const rawPost = (path: string, body: unknown) =>
  fetch(`${tenant.url}/v1.0${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
/** The same link, raw. */
const postLinkRaw = () =>
  rawPost(`/servicePrincipals/${spId}/tokenLifetimePolicies/$ref`, ref(SEEDED.policies.unused));

describe('a status outcome', () => {
  it('before: answers Graph’s error envelope with request ids and Retry-After, changes nothing, once', async () => {
    await armLinkFault({ status: 503, retryAfter: 7 });
    const failed = await postLink();
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('ServiceUnavailable');
    expect(failed.body.error.innerError['request-id']).toBe(failed.headers.get('request-id'));
    expect(failed.headers.get('client-request-id')).toBeTruthy();
    expect(failed.headers.get('Retry-After')).toBe('7');
    expect(await linkedPolicies()).toEqual([]);

    const retried = await postLink();
    expect(retried.status).toBe(204);
    expect(await linkedPolicies()).toEqual([SEEDED.policies.unused]);
    expect((await operator(tenant.url, 'GET', '/faults')).body.faults).toEqual([]);
  });

  it('after: the write happens, the client hears the failure', async () => {
    await armLinkFault(
      { status: 504, code: 'GatewayTimeout', message: 'Gateway gave up.' },
      'after',
    );
    const failed = await postLink();
    expect(failed.status).toBe(504);
    expect(failed.body.error).toMatchObject({
      code: 'GatewayTimeout',
      message: 'Gateway gave up.',
    });
    expect(await linkedPolicies()).toEqual([SEEDED.policies.unused]);
  });

  it('skips the first N matches, fails the next `count`, then lets everything pass', async () => {
    await armFault(tenant.url, {
      method: 'GET',
      path: '/policies/tokenLifetimePolicies',
      skip: 1,
      count: 2,
      outcome: { status: 429 },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await graph.get('/policies/tokenLifetimePolicies')).status);
    expect(statuses).toEqual([200, 429, 429, 200]);
  });

  it('matches method and path: `*` one segment, `**` any rest, case-insensitive names', async () => {
    await armFault(tenant.url, {
      method: 'GET',
      path: '/POLICIES/**',
      count: 5,
      outcome: { status: 500 },
    });
    // Another method, and a path outside the pattern, pass.
    expect((await graph.get(`/servicePrincipals/${spId}`)).status).toBe(200);
    const policy = `/policies/tokenLifetimePolicies/${SEEDED.policies.dataverse}`;
    expect((await graph.patch(policy, { description: 'still writable' })).status).toBe(204);
    expect((await graph.get(policy)).status).toBe(500);
    expect((await graph.get(`${policy}/appliesTo`)).status).toBe(500);
    const listed = (await operator(tenant.url, 'GET', '/faults')).body.faults;
    expect(listed).toEqual([
      expect.objectContaining({ method: 'GET', path: '/POLICIES/**', count: 3, skip: 0 }),
    ]);
  });

  it('is cleared by DELETE /_demo/faults and by POST /_demo/reset', async () => {
    const rule = { method: '*', path: '/**', count: 10, outcome: { status: 503 } };
    await armFault(tenant.url, rule);
    expect((await operator(tenant.url, 'DELETE', '/faults')).status).toBe(200);
    expect((await graph.get('/policies/tokenLifetimePolicies')).status).toBe(200);
    await armFault(tenant.url, rule);
    await operator(tenant.url, 'POST', '/reset');
    expect((await operator(tenant.url, 'GET', '/faults')).body.faults).toEqual([]);
    expect((await graph.get('/policies/tokenLifetimePolicies')).status).toBe(200);
  });
});

describe('connection outcomes', () => {
  it('drop before: the socket is destroyed and nothing changed', async () => {
    await armLinkFault('drop');
    await expect(postLinkRaw()).rejects.toThrow();
    expect(await linkedPolicies()).toEqual([]);
  });

  it('drop after: the link was made, the client never heard', async () => {
    await armLinkFault('drop', 'after');
    await expect(postLinkRaw()).rejects.toThrow();
    expect(await linkedPolicies()).toEqual([SEEDED.policies.unused]);
  });

  it('hang: no answer until the rules are cleared, then the connection closes', async () => {
    await armLinkFault('hang', 'after');
    let settled = false;
    const pending = postLinkRaw().finally(() => {
      settled = true;
    });
    // Carried out all the same, and other requests are answered meanwhile — while it still hangs.
    await expect.poll(() => linkedPolicies()).toEqual([SEEDED.policies.unused]);
    expect(settled).toBe(false);
    await operator(tenant.url, 'DELETE', '/faults');
    await expect(pending).rejects.toThrow();
  });
});

describe('in $batch', () => {
  const batchLink = (id: string, spObjectId: string, policyId: string) => ({
    id,
    method: 'POST',
    url: `/servicePrincipals/${spObjectId}/tokenLifetimePolicies/$ref`,
    headers: { 'Content-Type': 'application/json' },
    body: ref(policyId),
  });
  let otherSpId: string;
  beforeAll(async () => {
    otherSpId = (
      await graph.get(`/servicePrincipals?$filter=appId eq '${SEEDED.apps.exportScript.appId}'`)
    ).body.value[0].id;
  });

  // Graph checks the bearer token of the $batch request itself ("JSON batching": the batch's
  // Authorization header applies to every sub-request): a refused token refuses the whole batch.
  it('a 401 armed for a sub-request refuses the whole $batch, and no sub-request runs', async () => {
    await armFault(tenant.url, {
      method: 'POST',
      path: `/servicePrincipals/${spId}/tokenLifetimePolicies/$ref`,
      count: 1,
      outcome: { status: 401, code: 'InvalidAuthenticationToken' },
    });
    const response = await graph.post('/$batch', {
      requests: [
        batchLink('1', otherSpId, SEEDED.policies.unused),
        batchLink('2', spId, SEEDED.policies.unused),
      ],
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('InvalidAuthenticationToken');
    expect(await linkedPolicies(spId)).toEqual([]);
    expect(await linkedPolicies(otherSpId)).toEqual([]);
  });

  it('a status outcome becomes that sub-response; the other sub-requests run', async () => {
    await armFault(tenant.url, {
      method: 'POST',
      path: `/servicePrincipals/${spId}/tokenLifetimePolicies/$ref`,
      count: 1,
      outcome: { status: 429, retryAfter: 3 },
    });
    const response = await graph.post('/$batch', {
      requests: [
        batchLink('1', spId, SEEDED.policies.unused),
        batchLink('2', otherSpId, SEEDED.policies.unused),
      ],
    });
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(response.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(429);
    expect(byId['1'].headers['Retry-After']).toBe('3');
    expect(byId['1'].body.error.code).toBe('TooManyRequests');
    expect(byId['2'].status).toBe(204);
    expect(await linkedPolicies(spId)).toEqual([]);
    expect(await linkedPolicies(otherSpId)).toEqual([SEEDED.policies.unused]);
  });

  it('a sub-request dropped after it ran drops the whole $batch response, after the batch ran', async () => {
    await armLinkFault('drop', 'after');
    await expect(
      rawPost('/$batch', {
        requests: [
          batchLink('1', spId, SEEDED.policies.unused),
          batchLink('2', otherSpId, SEEDED.policies.unused),
        ],
      }),
    ).rejects.toThrow();
    expect(await linkedPolicies(spId)).toEqual([SEEDED.policies.unused]);
    expect(await linkedPolicies(otherSpId)).toEqual([SEEDED.policies.unused]);
  });

  it('a sub-request dropped before: it alone is not carried out, the response is lost', async () => {
    await armLinkFault('drop');
    await expect(
      rawPost('/$batch', {
        requests: [
          batchLink('1', spId, SEEDED.policies.unused),
          batchLink('2', otherSpId, SEEDED.policies.unused),
        ],
      }),
    ).rejects.toThrow();
    expect(await linkedPolicies(spId)).toEqual([]);
    expect(await linkedPolicies(otherSpId)).toEqual([SEEDED.policies.unused]);
  });

  it('a rule on /$batch itself fails the whole batch before any sub-request runs', async () => {
    await armFault(tenant.url, {
      method: 'POST',
      path: '/$batch',
      count: 1,
      outcome: { status: 503 },
    });
    const response = await graph.post('/$batch', {
      requests: [batchLink('1', spId, SEEDED.policies.unused)],
    });
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('ServiceUnavailable');
    expect(await linkedPolicies(spId)).toEqual([]);
  });
});

describe('rule validation', () => {
  it.each([
    ['not an object', [1, 2], /JSON object/],
    [
      'unknown key',
      { method: 'GET', path: '/x', outcome: 'drop', times: 2 },
      /Unknown keys: times/,
    ],
    ['bad method', { method: 'FETCH', path: '/x', outcome: 'drop' }, /method must be one of/],
    ['relative path', { method: 'GET', path: 'policies', outcome: 'drop' }, /starting with "\/"/],
    [
      'path with /v1.0',
      { method: 'GET', path: '/v1.0/policies', outcome: 'drop' },
      /below \/v1\.0/,
    ],
    ['partial wildcard', { method: 'GET', path: '/pol*', outcome: 'drop' }, /whole segments/],
    ['** in the middle', { method: 'GET', path: '/**/x', outcome: 'drop' }, /last segment/],
    ['zero count', { method: 'GET', path: '/x', count: 0, outcome: 'drop' }, /count must be/],
    ['fractional skip', { method: 'GET', path: '/x', skip: 1.5, outcome: 'drop' }, /skip must be/],
    ['bad when', { method: 'GET', path: '/x', when: 'during', outcome: 'drop' }, /when must be/],
    ['no outcome', { method: 'GET', path: '/x' }, /outcome is required/],
    ['success status', { method: 'GET', path: '/x', outcome: { status: 200 } }, /400 to 599/],
    ['string status', { method: 'GET', path: '/x', outcome: { status: '503' } }, /400 to 599/],
    ['bad outcome word', { method: 'GET', path: '/x', outcome: 'explode' }, /"drop", "hang"/],
    [
      'negative retryAfter',
      { method: 'GET', path: '/x', outcome: { status: 429, retryAfter: -1 } },
      /retryAfter/,
    ],
  ])('refuses %s with 400 and a message, arming nothing', async (_name, rule, message) => {
    const response = await operator(tenant.url, 'POST', '/faults', rule);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(message);
    expect((await operator(tenant.url, 'GET', '/faults')).body.faults).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${tenant.url}/_demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"method":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/not valid JSON/);
  });

  it('answers the armed rule with its id and defaults', async () => {
    const response = await operator(tenant.url, 'POST', '/faults', {
      method: 'delete',
      path: '/applications/*/tokenLifetimePolicies/*/$ref',
      outcome: 'hang',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(Number),
      method: 'DELETE',
      path: '/applications/*/tokenLifetimePolicies/*/$ref',
      count: 1,
      skip: 0,
      when: 'before',
      outcome: 'hang',
    });
  });
});
