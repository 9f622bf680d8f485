// Warm loads: objects kept from the last visit are brought up to date with delta queries, policies
// and links are re-read. Counted in the demo tenant's /_demo/stats (delta as Microsoft documents
// it: demo-tenant/graph/delta.contract.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenant } from '@/demo-tenant/server';
import { DELTA_TOKEN_LIFETIME_MS } from '@/demo-tenant/graph/delta';
import { graphApiAs } from '@/demo-tenant/test-support/graph-api';
import type { GraphApi } from './client';
import { loadDirectoryIndex } from './directory-index';
import { applyChanges, type ObjectSnapshot } from './tracked-objects';

let tenant: DemoTenant;
const apis: Record<'automation' | 'reader', GraphApi> = {} as never;

beforeAll(async () => {
  tenant = await startDemoTenant({ port: 0, httpsPort: 0, size: 3000, appOrigins: [] });
  apis.automation = await graphApiAs(tenant.url);
  apis.reader = await graphApiAs(tenant.url, 'demo-reader');
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
  tenant.store.clock = Date.now;
});

const stats = async () =>
  (await (await fetch(`${tenant.url}/_demo/stats`)).json()) as {
    total: number;
    byMethodAndRoute: Record<string, number>;
  };
const resetStats = () => fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });

async function coldLoad(api: GraphApi) {
  let snapshot: ObjectSnapshot | undefined;
  const index = await loadDirectoryIndex(api, { onSnapshot: (s) => (snapshot = s) });
  return { index, snapshot };
}

describe('a warm load', () => {
  it('costs two round trips when nothing changed: policies and both deltas in one $batch, then appliesTo', async () => {
    const cold = await coldLoad(apis.automation);
    expect(cold.snapshot).toBeDefined();
    await resetStats();
    let next: ObjectSnapshot | undefined;
    const warm = await loadDirectoryIndex(apis.automation, {
      previous: cold.snapshot,
      onSnapshot: (s) => (next = s),
    });
    const { total, byMethodAndRoute } = await stats();
    expect(total).toBe(2);
    expect(byMethodAndRoute['POST /v1.0/$batch']).toBe(2);
    expect(byMethodAndRoute['GET /v1.0/applications/delta (in $batch)']).toBe(1);
    expect(byMethodAndRoute['GET /v1.0/servicePrincipals/delta (in $batch)']).toBe(1);
    expect(byMethodAndRoute['GET /v1.0/applications']).toBeUndefined();
    expect(warm.targets).toEqual(cold.index.targets);
    expect(next?.deltaLinks).toBeDefined();
    expect(next?.objectsUnchanged).toBe(false);
  });

  it('shows a change made elsewhere: a renamed service principal, a deleted application', async () => {
    const cold = await coldLoad(apis.automation);
    const sp = tenant.store.servicePrincipals[10];
    const app = tenant.store.applications.find((a) => a.appId !== sp.appId)!;
    tenant.store.renameObject('servicePrincipal', sp.id, 'Renamed in the admin center');
    tenant.store.deleteObject('application', app.id);
    const warm = await loadDirectoryIndex(apis.automation, { previous: cold.snapshot });
    const target = warm.targets.find((t) => t.appId === sp.appId)!;
    expect(target.servicePrincipal?.displayName).toBe('Renamed in the admin center');
    expect(warm.targets.find((t) => t.appId === app.appId)?.application).toBeUndefined();
  });

  it('shows links written since, because links are never kept', async () => {
    const cold = await coldLoad(apis.automation);
    const [policy] = tenant.store.policies;
    const sp = tenant.store.servicePrincipals.find(
      (s) => !tenant.store.linkedPolicyId('servicePrincipal', s.id),
    )!;
    tenant.store.link('servicePrincipal', sp.id, policy.id);
    const warm = await loadDirectoryIndex(apis.automation, { previous: cold.snapshot });
    expect(warm.targets.find((t) => t.appId === sp.appId)?.servicePrincipalPolicyId).toBe(
      policy.id,
    );
  });

  it('reads everything again when Graph no longer knows the tokens (410 after 7 days)', async () => {
    const cold = await coldLoad(apis.automation);
    tenant.store.clock = () => Date.now() + DELTA_TOKEN_LIFETIME_MS + 60_000;
    await resetStats();
    let next: ObjectSnapshot | undefined;
    const warm = await loadDirectoryIndex(apis.automation, {
      previous: cold.snapshot,
      onSnapshot: (s) => (next = s),
    });
    expect(warm.targets.length).toBe(cold.index.targets.length);
    expect((await stats()).byMethodAndRoute['GET /v1.0/applications']).toBeGreaterThan(0);
    expect(next).toBeDefined();
  });

  it('tells the cache whether the kept objects changed, so unchanged ones are not written again', async () => {
    const cold = await coldLoad(apis.automation);
    const kept = { ...cold.snapshot!, generation: 'kept-1' };
    let quiet: ObjectSnapshot | undefined;
    await loadDirectoryIndex(apis.automation, { previous: kept, onSnapshot: (s) => (quiet = s) });
    expect(quiet).toMatchObject({ generation: 'kept-1', objectsUnchanged: true });
    tenant.store.renameObject('application', tenant.store.applications[0].id, 'Renamed');
    let changed: ObjectSnapshot | undefined;
    await loadDirectoryIndex(apis.automation, {
      previous: { ...kept, deltaLinks: quiet!.deltaLinks },
      onSnapshot: (s) => (changed = s),
    });
    expect(changed?.objectsUnchanged).toBe(false);
  });

  it('reads everything when the kept objects cannot be read (only their deltaLinks were)', async () => {
    const cold = await coldLoad(apis.automation);
    await resetStats();
    const warm = await loadDirectoryIndex(apis.automation, {
      previous: { ...cold.snapshot!, objects: async () => undefined },
    });
    expect(warm.targets).toEqual(cold.index.targets);
    expect((await stats()).byMethodAndRoute['GET /v1.0/applications']).toBeGreaterThan(0);
  });

  it('stays cold but correct for a token that cannot track changes (no Directory.Read.All)', async () => {
    const cold = await coldLoad(apis.reader);
    expect(cold.snapshot).toBeUndefined();
    expect(cold.index.targets.length).toBeGreaterThan(0);
  });
});

describe('applyChanges', () => {
  it('merges changed fields over kept objects, adds new ones, drops removed ones', () => {
    const kept = [
      { id: 'a', displayName: 'A', appId: '1' },
      { id: 'b', displayName: 'B', appId: '2' },
    ];
    expect(
      applyChanges(kept, {
        changed: [
          { id: 'a', displayName: 'A2' } as (typeof kept)[number],
          { id: 'c', displayName: 'C', appId: '3' },
        ],
        removed: ['b'],
      }),
    ).toEqual([
      { id: 'a', displayName: 'A2', appId: '1' },
      { id: 'c', displayName: 'C', appId: '3' },
    ]);
  });
});
