// Against the real demo tenant over HTTP, with throttling injected: bulk linking must end with every
// object linked exactly once, and a failed replacement must restore the previous link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenant } from '@/demo-tenant/server';
import { SEEDED } from '@/demo-tenant/directory/seed';
import { createGraphApi, type GraphApi } from '@/lib/graph/client';
import { bulkLink, bulkUnlink, replacePolicy, type LinkTarget } from './link-operations';

let tenant: DemoTenant;
let api: GraphApi;

async function token(url: string, client = 'demo-automation') {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client,
      client_secret: `${client}-secret`,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  tenant = await startDemoTenant({ port: 0, appOrigins: [] });
  const accessToken = await token(tenant.url);
  api = createGraphApi({
    getToken: async () => accessToken,
    graphBaseUrl: `${tenant.url}/v1.0`,
    readScopes: ['r'],
    writeScopes: ['w'],
    retryPolicy: { sleep: async () => undefined },
  });
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
});

const controls = async (faultRate: number) => {
  const response = await fetch(`${tenant.url}/_demo/controls`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faultRate }),
  });
  // A refused control would silently run the fault tests without faults.
  expect(response.status).toBe(200);
  return response;
};

function targets(count: number): LinkTarget[] {
  return tenant.store.servicePrincipals
    .filter((sp) => sp.servicePrincipalType === 'Application')
    .slice(0, count)
    .map((sp) => ({
      objectType: 'servicePrincipal',
      objectId: sp.id,
      displayName: sp.displayName,
      appId: sp.appId,
    }));
}

describe('bulkLink', () => {
  it('links 45 objects through $batch under 30% faults: each ends with the policy exactly once', async () => {
    const chosen = targets(45);
    await controls(0.3);
    let outcomes = await bulkLink(api, chosen, SEEDED.policies.unused);
    // What still failed after lib/graph's own retries is retried by the admin: only those.
    for (let round = 0; round < 5 && outcomes.some((o) => o.status === 'failed'); round++) {
      const failed = outcomes.filter((o) => o.status === 'failed').map((o) => o.target);
      const retried = await bulkLink(api, failed, SEEDED.policies.unused);
      outcomes = outcomes.map(
        (o) => retried.find((r) => r.target.objectId === o.target.objectId) ?? o,
      );
    }
    await controls(0);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    for (const target of chosen) {
      expect(tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
        SEEDED.policies.unused,
      );
    }
    const linkedCount = tenant.store.appliesTo(SEEDED.policies.unused).length;
    expect(linkedCount).toBe(45);
  });

  it('re-reads current links with write scopes: Graph refuses that read to read-only scopes', async () => {
    // GET /servicePrincipals/{id}/tokenLifetimePolicies needs Policy.Read.All AND
    // Application.ReadWrite.All (serviceprincipal-list-tokenlifetimepolicies): an admin whose read
    // scopes are read-only must still be able to link, because the re-read goes with write scopes.
    const readerToken = await token(tenant.url, 'demo-reader');
    const writerToken = await token(tenant.url);
    const split = createGraphApi({
      getToken: async (scopes) => (scopes.includes('w') ? writerToken : readerToken),
      graphBaseUrl: `${tenant.url}/v1.0`,
      readScopes: ['r'],
      writeScopes: ['w'],
      retryPolicy: { sleep: async () => undefined },
    });
    const [outcome] = await bulkLink(split, targets(1), SEEDED.policies.unused);
    expect(outcome.status).toBe('linked');
  });

  it('skips objects that already hold the policy and replaces other policies', async () => {
    const [cds] = tenant.store.servicePrincipals.filter(
      (sp) => sp.appId === '00000007-0000-0000-c000-000000000000',
    );
    const target: LinkTarget = {
      objectType: 'servicePrincipal',
      objectId: cds.id,
      displayName: cds.displayName,
      appId: cds.appId,
    };
    const [replaced] = await bulkLink(api, [target], SEEDED.policies.contoso2h);
    expect(replaced).toMatchObject({
      status: 'replaced',
      previousPolicyId: SEEDED.policies.dataverse,
    });
    const [again] = await bulkLink(api, [target], SEEDED.policies.contoso2h);
    expect(again.status).toBe('already-linked');
    const unlinked = await bulkUnlink(api, [target], SEEDED.policies.contoso2h);
    expect(unlinked[0].status).toBe('unlinked');
    expect(tenant.store.linkedPolicyId('servicePrincipal', cds.id)).toBeUndefined();
  });
});

describe('replacePolicy', () => {
  it('restores the previous policy when the new link fails', async () => {
    const [cds] = tenant.store.servicePrincipals.filter(
      (sp) => sp.appId === '00000007-0000-0000-c000-000000000000',
    );
    const target: LinkTarget = {
      objectType: 'servicePrincipal',
      objectId: cds.id,
      displayName: cds.displayName,
      appId: cds.appId,
    };
    await expect(
      replacePolicy(api, target, SEEDED.policies.dataverse, 'no-such-policy'),
    ).rejects.toMatchObject({ status: 404 });
    expect(tenant.store.linkedPolicyId('servicePrincipal', cds.id)).toBe(SEEDED.policies.dataverse);
  });

  it('replaces A with B', async () => {
    const [cds] = tenant.store.servicePrincipals.filter(
      (sp) => sp.appId === '00000007-0000-0000-c000-000000000000',
    );
    const target: LinkTarget = {
      objectType: 'servicePrincipal',
      objectId: cds.id,
      displayName: cds.displayName,
      appId: cds.appId,
    };
    expect(
      (await replacePolicy(api, target, SEEDED.policies.dataverse, SEEDED.policies.unused)).status,
    ).toBe('replaced');
    expect(tenant.store.linkedPolicyId('servicePrincipal', cds.id)).toBe(SEEDED.policies.unused);
  });
});
