// `npm run bench`: how the dashboard loads a 10,000-object tenant, measured against the lower bound
// and against the naive way admins' scripts do it; the policy engine; Lighthouse on the build.
// Figures are printed, not asserted: performance is measured here, not in tests.
import { startDemoTenant } from '../demo-tenant/server';
import { createGraphApi } from '../lib/graph/client';
import { loadDirectoryIndex } from '../lib/graph/directory-index';
import { benchPolicyEngine } from './bench-policy';
import { benchReach } from './bench-reach';
import { runLighthouse } from './bench-lighthouse';

const quick = process.env.BENCH_QUICK === '1';
const SIZE = Number(process.env.BENCH_SIZE ?? (quick ? 1000 : 10_000));
const POLICIES = 50;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
/** A script's parallelism: scripts that admins write rarely go beyond a handful of requests at once. */
const NAIVE_CONCURRENCY = Number(process.env.BENCH_NAIVE_CONCURRENCY ?? 16);

export function lowerBound(policies: number, applications: number, servicePrincipals: number) {
  const batches = Math.ceil(policies / 20);
  const appPages = Math.max(1, Math.ceil(applications / 999));
  const spPages = Math.max(1, Math.ceil(servicePrincipals / 999));
  return {
    roundTrips: 1 + batches + appPages + spPages,
    // Critical path: the policy list then its $batch calls, beside the two paging chains.
    sequentialSteps: Math.max(1 + (batches > 0 ? 1 : 0), appPages, spPages),
  };
}

async function stats(url: string): Promise<{ total: number }> {
  return (await fetch(`${url}/_demo/stats`)).json() as Promise<{ total: number }>;
}

async function main() {
  const sections: string[] = [];
  console.log(
    `Starting the demo tenant: ${SIZE} objects, ${POLICIES} policies, ${LATENCY_MS} ms latency per Graph request…`,
  );
  const tenant = await startDemoTenant({
    port: 0,
    size: SIZE,
    policyCount: POLICIES,
    latencyMs: LATENCY_MS,
    appOrigins: [],
  });
  try {
    const tokenResponse = await fetch(`${tenant.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo-automation',
        client_secret: 'demo-automation-secret',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const api = createGraphApi({
      getToken: async () => token,
      graphBaseUrl: `${tenant.url}/v1.0`,
      readScopes: [],
      writeScopes: [],
    });

    // The dashboard's way: exactly the code the app runs.
    await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
    let start = performance.now();
    const index = await loadDirectoryIndex(api);
    const appMs = performance.now() - start;
    const appTrips = (await stats(tenant.url)).total;
    const applications = tenant.store.applications.length;
    const servicePrincipals = tenant.store.servicePrincipals.length;
    const bound = lowerBound(index.policies.length, applications, servicePrincipals);
    const boundMs = bound.sequentialSteps * LATENCY_MS;

    // The naive way: the policy list, then one tokenLifetimePolicies request per application and per SP.
    await fetch(`${tenant.url}/_demo/stats/reset`, { method: 'POST' });
    start = performance.now();
    await api.listPolicies();
    const objects = [
      ...tenant.store.applications.map((a) => ({ kind: 'application' as const, id: a.id })),
      ...tenant.store.servicePrincipals.map((s) => ({
        kind: 'servicePrincipal' as const,
        id: s.id,
      })),
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
    const naiveTrips = (await stats(tenant.url)).total;

    const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
    sections.push(
      [
        `Directory index: ${index.targets.length} apps (${applications} application objects, ${servicePrincipals} service principals), ${index.policies.length} policies, ${LATENCY_MS} ms latency`,
        `  round trips   app ${appTrips} | lower bound ${bound.roundTrips} | naive ${naiveTrips}`,
        `  wall time     app ${Math.round(appMs)} ms | latency lower bound ${boundMs} ms | naive ${Math.round(naiveMs)} ms (${NAIVE_CONCURRENCY} at a time)`,
        `  ratios        app/lower bound round trips ${(appTrips / bound.roundTrips).toFixed(2)} (target ≤ 1.2: ${check(appTrips <= 1.2 * bound.roundTrips)})`,
        `                app/latency lower bound time ${(appMs / boundMs).toFixed(2)} (target ≤ 2: ${check(appMs <= 2 * boundMs)})`,
        `                naive/app round trips ${(naiveTrips / appTrips).toFixed(0)}× (target ≥ 100×: ${check(naiveTrips >= 100 * appTrips)}), naive/app time ${(naiveMs / appMs).toFixed(0)}×`,
      ].join('\n'),
    );
    sections.push(await benchReach(api, tenant.url, index, LATENCY_MS));
  } finally {
    await tenant.close();
  }

  const engine = await benchPolicyEngine();
  sections.push(
    `Policy engine: resolved ${engine.targets} targets in ${engine.msByRule['graph-reference']} ms (graph-reference), ${engine.msByRule['current-article']} ms (current-article)`,
  );
  sections.push(await runLighthouse());
  console.log(`\n${sections.join('\n\n')}`);
}

await main();
