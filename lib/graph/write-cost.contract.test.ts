// What one edit, one link and one unlink cost in Graph requests on a 10,000-object tenant, counted
// by the demo tenant itself (/_demo/stats), over real HTTP. These are the functions the dashboard's
// mutation hooks run (components/policies/use-save-policy.ts, components/shared/links/
// use-link-mutations.ts); what the hooks then do to the cache calls no Graph at all
// (components/shared/cache-after-write.ts, tested on its own). The bound of issue 15: at most 3
// requests beyond the write itself — where reading the tenant again, as writes used to, costs far more.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED } from '@/demo-tenant/directory/seed';
import type { DemoTenant } from '@/demo-tenant/server';
import { graphApiAs } from '@/demo-tenant/test-support/graph-api';
import { startTestTenant } from '@/demo-tenant/test-support/http';
import type { GraphApi } from './client';
import { loadDirectoryIndex } from './directory-index';
import { bulkUnlink, setObjectPolicy, type LinkTarget } from './link-writes';
import { updatePolicyAndReadBack } from './policy-writes';

const SIZE = 10_000;
const BEYOND_THE_WRITE = 3;

let tenant: DemoTenant;
let api: GraphApi;

interface Stats {
  total: number;
  byMethod: Record<string, number>;
  byMethodAndRoute: Record<string, number>;
}
const stats = async () => (await (await fetch(`${tenant.url}/_demo/stats`)).json()) as Stats;
const resetStats = async () =>
  expect((await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' })).ok).toBe(true);

/** The requests `run` sends, as the tenant counted them. */
async function counted(run: () => Promise<unknown>): Promise<Stats> {
  await resetStats();
  await run();
  return stats();
}

beforeAll(async () => {
  tenant = await startTestTenant({ size: SIZE });
  api = await graphApiAs(tenant.url);
}, 120_000);
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
});

function unlinkedServicePrincipal(): LinkTarget {
  const sp = tenant.store.servicePrincipals.find(
    (s) =>
      s.servicePrincipalType === 'Application' &&
      tenant.store.linkedPolicyId('servicePrincipal', s.id) === undefined,
  )!;
  return {
    objectType: 'servicePrincipal',
    objectId: sp.id,
    appId: sp.appId,
    displayName: sp.displayName,
  };
}

describe(`the Graph cost of one write on a ${SIZE.toLocaleString('en')}-object tenant`, () => {
  it('is a real 10,000-object tenant, whose full read costs more than the bound', async () => {
    expect(
      tenant.store.applications.length + tenant.store.servicePrincipals.length,
    ).toBeGreaterThan(SIZE);
    const load = await counted(() => loadDirectoryIndex(api));
    expect(load.total).toBeGreaterThan(1 + BEYOND_THE_WRITE);
  });

  it('an edit: the conflict check, the PATCH, and the one policy read back', async () => {
    const id = SEEDED.policies.contoso2h;
    let saved: Awaited<ReturnType<typeof updatePolicyAndReadBack>> | undefined;
    const cost = await counted(async () => {
      // The form reads the policy first to see whether it changed since it was opened.
      const latest = await api.getPolicy(id);
      saved = await updatePolicyAndReadBack(api, id, {
        displayName: latest.displayName,
        description: 'Edited for the write-cost test',
        definition: latest.definition,
      });
    });
    expect(saved).toMatchObject({
      state: 'done',
      policy: { description: 'Edited for the write-cost test' },
    });
    expect(cost.byMethod.PATCH).toBe(1);
    expect(cost.total - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  });

  it('a link: what the object holds, the $ref POST, and the read-back', async () => {
    const target = unlinkedServicePrincipal();
    const cost = await counted(async () => {
      const outcome = await setObjectPolicy(api, target, SEEDED.policies.unused);
      expect(outcome).toMatchObject({ status: 'linked', nowPolicyId: SEEDED.policies.unused });
    });
    expect(cost.byMethod.POST).toBe(1);
    expect(cost.total - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  });

  it('an unlink from the object’s page: what it holds, the $ref DELETE, and the read-back', async () => {
    const target = unlinkedServicePrincipal();
    await setObjectPolicy(api, target, SEEDED.policies.unused);
    const cost = await counted(async () => {
      const outcome = await setObjectPolicy(api, target, null);
      expect(outcome).toMatchObject({ status: 'unlinked', nowPolicyId: null });
    });
    expect(cost.byMethod.DELETE).toBe(1);
    expect(cost.total - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  });

  it('an unlink from the policy’s table: the $batch DELETE and one $batch read-back', async () => {
    const target = unlinkedServicePrincipal();
    await setObjectPolicy(api, target, SEEDED.policies.unused);
    const cost = await counted(async () => {
      const [outcome] = await bulkUnlink(api, [target], SEEDED.policies.unused);
      expect(outcome).toMatchObject({ status: 'unlinked', nowPolicyId: null });
    });
    expect(
      Object.entries(cost.byMethodAndRoute).filter(
        ([route]) => route.startsWith('DELETE') && route.endsWith('(in $batch)'),
      ),
    ).toHaveLength(1);
    expect(cost.total - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  });
});
