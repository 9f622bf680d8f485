// The Graph SDK's own batch reader, BatchResponseContent of @microsoft/microsoft-graph-client, reads
// the demo tenant's $batch responses as it reads Graph's. It turns each sub-response into a fetch
// Response and serialises the body only when the sub-response's headers name
// "Content-Type: application/json…"; without that header every body became "[object Object]".
import { BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import { clientToken, graphClient, startTestTenant } from '../test-support/http';

let tenant: DemoTenant;
let graph: ReturnType<typeof graphClient>;
const POLICIES = '/policies/tokenLifetimePolicies';

beforeAll(async () => {
  tenant = await startTestTenant();
  graph = graphClient(
    tenant.url,
    (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token,
  );
});
afterAll(() => tenant.close());

describe('BatchResponseContent (the Graph SDK’s batch reader)', () => {
  it('reads JSON bodies, error bodies and empty bodies of the demo tenant’s $batch', async () => {
    await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
    const batch = await graph.post('/$batch', {
      requests: [
        { id: 'list', method: 'GET', url: POLICIES },
        { id: 'missing', method: 'GET', url: `${POLICIES}/does-not-exist` },
        {
          id: 'rename',
          method: 'PATCH',
          url: `${POLICIES}/${SEEDED.policies.unused}`,
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: 'Renamed in a batch' },
        },
      ],
    });
    const content = new BatchResponseContent(batch.body);

    const list = content.getResponseById('list');
    expect(list.status).toBe(200);
    const policies = (await list.json()) as { value: Array<{ id: string }> };
    expect(policies.value.map((p) => p.id)).toEqual(tenant.store.policies.map((p) => p.id));

    const missing = content.getResponseById('missing');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'Request_ResourceNotFound',
    );

    const rename = content.getResponseById('rename');
    expect(rename.status).toBe(204);
    expect(await rename.text()).toBe('');
    expect(tenant.store.getPolicy(SEEDED.policies.unused)?.displayName).toBe('Renamed in a batch');
  });
});
