// The reach read ("who receives these tokens"): round trips used against the lower bound. Each
// API with an extended or maximum lifetime needs 3 GETs (its app roles, appRoleAssignedTo,
// oauth2PermissionGrants by resourceId); $batch carries 20, so ⌈3R/20⌉ round trips is the least
// any client can do when every answer fits one page. One request each is the naive way.
import type { GraphApi } from '../lib/graph/client';
import { loadReach } from '../lib/graph/reach';
import { auditSummary } from '../lib/policy/audit';
import type { DirectoryIndex } from '../lib/policy/types';

async function total(url: string): Promise<number> {
  return ((await (await fetch(`${url}/_demo/stats`)).json()) as { total: number }).total;
}

export function reachLowerBound(resources: number) {
  return { roundTrips: Math.ceil((3 * resources) / 20), naive: 3 * resources };
}

export async function benchReach(
  api: GraphApi,
  tenantUrl: string,
  index: DirectoryIndex,
  latencyMs: number,
): Promise<string> {
  const ids = auditSummary(index)
    .extended.map((e) => e.target.servicePrincipal?.id)
    .filter((id): id is string => Boolean(id));
  await fetch(`${tenantUrl}/_demo/stats/reset`, { method: 'POST' });
  const start = performance.now();
  const readouts = await loadReach(api, ids);
  const ms = performance.now() - start;
  const trips = await total(tenantUrl);
  const bound = reachLowerBound(ids.length);
  const clients = [...readouts.values()].reduce(
    (n, r) => n + r.assignments.length + r.grants.length,
    0,
  );
  return [
    `Reach read: ${ids.length} APIs with extended or maximum lifetimes, ${clients} assignments and grants, ${latencyMs} ms latency`,
    `  round trips   app ${trips} | lower bound ${bound.roundTrips} | naive ${bound.naive} (one GET each)`,
    `  ratio         app/lower bound ${(trips / Math.max(1, bound.roundTrips)).toFixed(2)} (target ≤ 1.2: ${trips <= 1.2 * bound.roundTrips ? 'met' : 'MISSED'})`,
    `  wall time     ${Math.round(ms)} ms (${Math.ceil(bound.roundTrips / 4)} × latency with 4 batches in flight = ${Math.ceil(bound.roundTrips / 4) * latencyMs} ms)`,
  ].join('\n');
}
