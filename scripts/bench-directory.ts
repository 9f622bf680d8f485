// The directory loader on several tenant shapes, in this process, against an in-process demo
// tenant: round trips read from its /_demo/stats, compared with the lower bound (bench-bounds.ts).
import { startDemoTenant, type DemoTenant } from '../demo-tenant/server';
import { createGraphApi, type GraphApi } from '../lib/graph/client';
import { loadDirectoryIndex } from '../lib/graph/directory-index';
import { lowerBound } from './bench-bounds';

export interface DirectoryShape {
  name: string;
  size: number;
  policies?: number;
  /** Objects linked to the first policies, in order: a policy on thousands of apps. */
  bigLinks?: number[];
  /** Also time the naive way (one request per object): slow, so only on the small shape. */
  naive?: boolean;
}

export interface DirectoryResult {
  lines: string[];
  roundTrips: number;
  bound: number;
  ms: number;
}

const NAIVE_CONCURRENCY = Number(process.env.BENCH_NAIVE_CONCURRENCY ?? 16);

/** lib/graph's client against a bench tenant, as the automation client (the app's own calls). */
export async function readerApi(tenant: DemoTenant): Promise<GraphApi> {
  const response = await fetch(`${tenant.url}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo-automation',
      client_secret: 'demo-automation-secret',
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return createGraphApi({
    getToken: async () => token,
    graphBaseUrl: `${tenant.url}/v1.0`,
    readScopes: [],
    writeScopes: [],
  });
}

/** Links objects that hold no policy yet, straight in the store: setting up the shape. */
function linkMany(tenant: DemoTenant, policyId: string, count: number) {
  let linked = 0;
  const { store } = tenant;
  for (const sp of store.servicePrincipals) {
    if (linked === count) return;
    if (store.linkedPolicyId('servicePrincipal', sp.id)) continue;
    store.link('servicePrincipal', sp.id, policyId);
    linked++;
  }
  for (const app of store.applications) {
    if (linked === count) return;
    if (store.linkedPolicyId('application', app.id)) continue;
    store.link('application', app.id, policyId);
    linked++;
  }
}

const total = async (url: string) =>
  ((await (await fetch(`${url}/_demo/stats`)).json()) as { total: number }).total;
const resetStats = (url: string) => fetch(`${url}/_demo/stats/reset`, { method: 'POST' });
const check = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function benchDirectoryShape(
  shape: DirectoryShape,
  latencyMs: number,
): Promise<DirectoryResult> {
  const tenant = await startDemoTenant({
    port: 0,
    httpsPort: 0,
    size: shape.size,
    policyCount: shape.policies,
    latencyMs,
    appOrigins: [],
  });
  try {
    const api = await readerApi(tenant);
    (shape.bigLinks ?? []).forEach((count, i) =>
      linkMany(tenant, tenant.store.policies[i].id, count),
    );
    await resetStats(tenant.url);
    let start = performance.now();
    const index = await loadDirectoryIndex(api);
    const ms = performance.now() - start;
    const roundTrips = await total(tenant.url);
    const { store } = tenant;
    const bound = lowerBound({
      policies: store.policies.length,
      linksPerPolicy: store.policies.map((p) => store.appliesTo(p.id).length),
      applications: store.applications.length,
      servicePrincipals: store.servicePrincipals.length,
    });
    const boundMs = bound.sequentialSteps * latencyMs;
    const biggest = Math.max(...store.policies.map((p) => store.appliesTo(p.id).length));
    const lines = [
      `Directory index — ${shape.name}: ${index.targets.length} apps (${store.applications.length} application objects, ${store.servicePrincipals.length} service principals), ${store.policies.length} policies (largest appliesTo ${biggest}), ${latencyMs} ms latency`,
      `  round trips   app ${roundTrips} | lower bound ${bound.roundTrips} | ratio ${(roundTrips / bound.roundTrips).toFixed(2)} (target ≤ 1.2: ${check(roundTrips <= 1.2 * bound.roundTrips)})`,
      `  wall time     app ${Math.round(ms)} ms | latency lower bound ${boundMs} ms | ratio ${(ms / boundMs).toFixed(2)}`,
    ];
    if (shape.naive) {
      // The naive way: the policy list, then one tokenLifetimePolicies request per object.
      await resetStats(tenant.url);
      start = performance.now();
      await api.listPolicies();
      const objects = [
        ...store.applications.map((a) => ({ kind: 'application' as const, id: a.id })),
        ...store.servicePrincipals.map((s) => ({ kind: 'servicePrincipal' as const, id: s.id })),
      ];
      let next = 0;
      await Promise.all(
        Array.from({ length: NAIVE_CONCURRENCY }, async () => {
          while (next < objects.length) {
            const object = objects[next++];
            await api.getLinkedPolicy(object.kind, object.id);
          }
        }),
      );
      const naiveMs = performance.now() - start;
      const naiveTrips = await total(tenant.url);
      lines.push(
        `  naive         ${naiveTrips} round trips, ${Math.round(naiveMs)} ms (${NAIVE_CONCURRENCY} at a time): ${(naiveTrips / roundTrips).toFixed(0)}× the round trips (target ≥ 100×: ${check(naiveTrips >= 100 * roundTrips)}), ${(naiveMs / ms).toFixed(0)}× the time`,
      );
    }
    return { lines, roundTrips, bound: bound.roundTrips, ms };
  } finally {
    await tenant.close();
  }
}
