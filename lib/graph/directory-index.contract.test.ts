// appliesTo at the lower bound: $top=999 inside the $batch, later pages from their nextLinks in
// later $batch rounds, never a first page read twice. Counted in the demo tenant's /_demo/stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenant } from '@/demo-tenant/server';
import { createGraphApi, type GraphApi } from './client';
import { loadDirectoryIndex, loadPolicyLinks } from './directory-index';

let tenant: DemoTenant;
let api: GraphApi;

/** Links `count` objects without a policy to the policy, straight in the store (test setup). */
function linkMany(policyId: string, count: number) {
  let linked = 0;
  for (const sp of tenant.store.servicePrincipals) {
    if (linked === count) return;
    if (tenant.store.linkedPolicyId('servicePrincipal', sp.id)) continue;
    tenant.store.link('servicePrincipal', sp.id, policyId);
    linked++;
  }
  for (const app of tenant.store.applications) {
    if (linked === count) return;
    if (tenant.store.linkedPolicyId('application', app.id)) continue;
    tenant.store.link('application', app.id, policyId);
    linked++;
  }
}

beforeAll(async () => {
  tenant = await startDemoTenant({ port: 0, httpsPort: 0, size: 4000, appOrigins: [] });
  const response = await fetch(`${tenant.url}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo-reader',
      client_secret: 'demo-reader-secret',
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  api = createGraphApi({
    getToken: async () => token,
    graphBaseUrl: `${tenant.url}/v1.0`,
    readScopes: [],
    writeScopes: [],
  });
  const [big, bigger] = tenant.store.policies;
  linkMany(bigger.id, 2500);
  linkMany(big.id, 1200);
});
afterAll(() => tenant.close());

const stats = async () =>
  (await (await fetch(`${tenant.url}/_demo/stats`)).json()) as {
    total: number;
    byMethodAndRoute: Record<string, number>;
  };

describe('appliesTo of policies linked to thousands of objects', () => {
  it('reads each page once: 3 rounds of $batch for a policy of 2,500 links', async () => {
    await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
    const policies = await api.listPolicies();
    const links = await loadPolicyLinks(api, policies);
    const { total, byMethodAndRoute } = await stats();
    // Round 1: every policy's first page (6 seeded policies, one $batch); round 2: the two big
    // policies' second pages; round 3: the 2,500-link policy's third page.
    expect(byMethodAndRoute['POST /v1.0/$batch']).toBe(3);
    expect(total).toBe(1 + 3);
    expect(
      byMethodAndRoute['GET /v1.0/policies/tokenLifetimePolicies/{id}/appliesTo (in $batch)'],
    ).toBe(policies.length + 2 + 1);
    for (const policy of policies) {
      const objects = links.get(policy.id)!;
      expect(objects).toHaveLength(tenant.store.appliesTo(policy.id).length);
      expect(new Set(objects.map((o) => o.id)).size).toBe(objects.length);
    }
  });

  it('loads the whole index at the lower bound of round trips', async () => {
    await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
    const index = await loadDirectoryIndex(api);
    const { total } = await stats();
    const pages = (n: number) => Math.ceil(n / 999);
    // Policy list + 3 $batch rounds + /servicePrincipals/$count (is a split worth it? not at
    // this size) + the two collections' pages.
    expect(total).toBe(
      1 +
        3 +
        1 +
        pages(tenant.store.applications.length) +
        pages(tenant.store.servicePrincipals.length),
    );
    const linked = index.targets.filter(
      (t) => t.applicationPolicyId || t.servicePrincipalPolicyId,
    ).length;
    expect(linked).toBeGreaterThanOrEqual(2500);
  });
});
