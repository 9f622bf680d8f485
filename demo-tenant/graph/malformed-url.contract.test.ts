// A malformed percent-escape is the client's mistake: Graph's 400 envelope with request ids, never
// a bare 500 and never a stack trace in the demo tenant's log.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import { clientToken, graphClient, startTestTenant } from '../test-support/http';

let tenant: DemoTenant;
let graph: ReturnType<typeof graphClient>;
const errorLog = vi.spyOn(console, 'error');

beforeAll(async () => {
  tenant = await startTestTenant();
  graph = graphClient(
    tenant.url,
    (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token,
  );
});
afterAll(() => tenant.close());
afterEach(() => {
  expect(errorLog).not.toHaveBeenCalled();
  errorLog.mockClear();
});

describe('malformed percent-encoding', () => {
  it.each([
    ['GET', '/servicePrincipals/%E0%A4%A'],
    ['GET', '/policies/tokenLifetimePolicies/%ZZ/appliesTo'],
    ['DELETE', '/applications/x/tokenLifetimePolicies/%/$ref'],
  ])('%s %s answers 400 Request_BadRequest with request ids', async (method, path) => {
    const response = await fetch(`${tenant.url}/v1.0${path}`, {
      method,
      headers: { Authorization: (await bearer()) ?? '', 'client-request-id': 'c-1' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.code).toBe('Request_BadRequest');
    expect(body.error.message).toMatch(/malformed percent-encoding/);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    expect(response.headers.get('client-request-id')).toBe('c-1');
  });

  it('in a $batch sub-request answers that sub-request 400, the others as usual', async () => {
    const response = await graph.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/servicePrincipals/%E0%A4%A' },
        {
          id: '2',
          method: 'GET',
          url: `/policies/tokenLifetimePolicies/${SEEDED.policies.unused}`,
        },
      ],
    });
    expect(response.status).toBe(200);
    const [first, second] = response.body.responses;
    expect(first).toMatchObject({ id: '1', status: 400 });
    expect(first.body.error.code).toBe('Request_BadRequest');
    expect(second).toMatchObject({ id: '2', status: 200 });
  });

  it("in a link's @odata.id answers 400, not 500", async () => {
    const sp = (
      await graph.get(`/servicePrincipals?$filter=appId eq '${SEEDED.apps.ordersApi.appId}'`)
    ).body.value[0];
    const response = await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': 'https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/%E0%A4%A',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_BadRequest');
  });
});

let token: string | undefined;
async function bearer() {
  token ??= (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body
    .access_token;
  return `Bearer ${token}`;
}
