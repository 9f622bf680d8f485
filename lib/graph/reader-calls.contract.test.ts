// The dashboard makes no call a reader may not make. Microsoft documents
// GET /{applications|servicePrincipals}/{id}/tokenLifetimePolicies as needing Policy.Read.All AND
// Application.ReadWrite.All (serviceprincipal-list-tokenlifetimepolicies,
// application-list-tokenlifetimepolicies), so every read path of lib/graph must learn links from
// /policies/tokenLifetimePolicies/{id}/appliesTo instead. Run against the demo tenant with a
// read-only client (Policy.Read.All + Application.Read.All), counting calls in /_demo/stats.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED } from '@/demo-tenant/directory/seed';
import { startDemoTenant, type DemoTenant } from '@/demo-tenant/server';
import { graphApiAs } from '@/demo-tenant/test-support/graph-api';
import { clientToken } from '@/demo-tenant/test-support/http';
import type { GraphApi } from './client';
import { loadDirectoryIndex } from './directory-index';

let tenant: DemoTenant;
let api: GraphApi;
const CDS = '00000007-0000-0000-c000-000000000000';
const PER_OBJECT_POLICY_READ =
  /^GET \/v1\.0\/(applications|servicePrincipals)[^ ]*\/tokenLifetimePolicies(?: |$)/;

beforeAll(async () => {
  tenant = await startDemoTenant({ port: 0, appOrigins: [] });
  api = await graphApiAs(tenant.url, 'demo-reader');
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
  await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
});

const routesCalled = async () =>
  (await (await fetch(`${tenant.url}/_demo/stats`)).json()) as {
    total: number;
    byMethodAndRoute: Record<string, number>;
  };

describe('a reader’s journeys', () => {
  it('load the whole tenant, its links included, without a per-object policy read', async () => {
    const index = await loadDirectoryIndex(api);
    const cds = index.targets.find((t) => t.appId === CDS);
    expect(cds?.servicePrincipalPolicyId).toBe(SEEDED.policies.dataverse);
    expect(
      index.targets.filter((t) => t.servicePrincipalPolicyId || t.applicationPolicyId).length,
    ).toBeGreaterThan(3);
    const stats = await routesCalled();
    expect(stats.total).toBeGreaterThan(0);
    expect(
      Object.keys(stats.byMethodAndRoute).filter((r) => PER_OBJECT_POLICY_READ.test(r)),
    ).toEqual([]);
    expect(
      stats.byMethodAndRoute['GET /v1.0/policies/tokenLifetimePolicies/{id}/appliesTo (in $batch)'],
    ).toBe(index.policies.length);
  });

  it('read policies, their links, search and open objects without a per-object policy read', async () => {
    const policies = await api.listPolicies();
    await api.getPolicy(SEEDED.policies.dataverse);
    const linked = await api.listAppliesTo(SEEDED.policies.dataverse);
    expect(linked.map((o) => o.appId)).toContain(CDS);
    await api.findPoliciesByDisplayName(policies[0].displayName);
    const found = await api.searchDirectory({ kind: 'servicePrincipal', appId: CDS });
    await api.searchDirectory({ kind: 'application', text: 'contoso' });
    await api.getObject('servicePrincipal', found.value[0].id);
    const stats = await routesCalled();
    expect(
      Object.keys(stats.byMethodAndRoute).filter((r) => PER_OBJECT_POLICY_READ.test(r)),
    ).toEqual([]);
  });

  it('the per-object read itself is refused to this reader (so the check above matters)', async () => {
    const sp = tenant.store.servicePrincipals.find((s) => s.appId === CDS)!;
    const response = await fetch(
      `${tenant.url}/v1.0/servicePrincipals/${sp.id}/tokenLifetimePolicies`,
      {
        headers: {
          Authorization: `Bearer ${(await clientToken(tenant.url, 'https://graph.microsoft.com/.default', 'demo-reader')).body.access_token}`,
        },
      },
    );
    expect(response.status).toBe(403);
    // …and lib/graph only ever asks for it with write scopes, which a reader does not have.
    await expect(api.getLinkedPolicy('servicePrincipal', sp.id)).rejects.toThrow();
  });
});
