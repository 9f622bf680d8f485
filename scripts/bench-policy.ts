// Micro-benchmark of the policy engine: resolve 100,000 targets under both precedence rules.
import { resolveAll } from '../lib/policy/resolve';
import type { DirectoryIndex, DirectoryTarget, PrecedenceRuleId, TokenLifetimePolicy } from '../lib/policy/types';

function syntheticIndex(targetCount: number, policyCount: number): DirectoryIndex {
  const policies: TokenLifetimePolicy[] = Array.from({ length: policyCount }, (_, i) => ({
    id: `policy-${i}`,
    displayName: `Policy ${i}`,
    isOrganizationDefault: i === 0,
    definition: [JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: `${String(1 + (i % 20)).padStart(2, '0')}:00:00` } })],
  }));
  const targets: DirectoryTarget[] = Array.from({ length: targetCount }, (_, i) => ({
    appId: `app-${i}`,
    displayName: `App ${i}`,
    application: i % 3 === 0 ? undefined : { id: `a-${i}`, appId: `app-${i}`, displayName: `App ${i}`, identifierUris: i % 2 ? ['api://x'] : [] },
    servicePrincipal: { id: `s-${i}`, appId: `app-${i}`, displayName: `App ${i}`, servicePrincipalType: i % 50 === 0 ? 'ManagedIdentity' : 'Application' },
    servicePrincipalPolicyId: i % 7 === 0 ? `policy-${i % policyCount}` : undefined,
    applicationPolicyId: i % 5 === 0 ? `policy-${(i + 3) % policyCount}` : undefined,
  }));
  return { policies, targets };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchPolicyEngine(targets = 100_000): Promise<{ targets: number; msByRule: Record<PrecedenceRuleId, number> }> {
  const index = syntheticIndex(targets, 50);
  const msByRule = {} as Record<PrecedenceRuleId, number>;
  for (const rule of ['graph-reference', 'current-article'] as const) {
    resolveAll(index, rule); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      resolveAll(index, rule);
      runs.push(performance.now() - start);
    }
    msByRule[rule] = Math.round(median(runs));
  }
  return { targets, msByRule };
}

export function formatPolicyBench(result: Awaited<ReturnType<typeof benchPolicyEngine>>): string {
  return `policy engine: resolved ${result.targets} targets in ${result.msByRule['graph-reference']} ms (graph-reference), ${result.msByRule['current-article']} ms (current-article); median of 5`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatPolicyBench(await benchPolicyEngine()));
}
