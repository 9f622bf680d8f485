// Micro-benchmark of the policy engine: resolve a synthetic 100,000-target tenant with both rules.
// Run: npx tsx scripts/bench-policy.ts
import { performance } from 'node:perf_hooks';
import {
  buildDefinition,
  resolveAll,
  type DirectoryIndex,
  type PrecedenceRuleId,
  type TokenLifetimePolicy,
} from '../lib/policy';
import { median } from './median';

const TARGETS = 100_000;
const POLICIES = 50;
const RUNS = 7;

/** Deterministic pseudo-random numbers so every run measures the same tenant. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function buildSyntheticIndex(targets = TARGETS, policies = POLICIES): DirectoryIndex {
  const random = seededRandom(42);
  const policyList: TokenLifetimePolicy[] = Array.from({ length: policies }, (_, i) => ({
    id: `policy-${i}`,
    displayName: `Policy ${i}`,
    isOrganizationDefault: i === 0,
    definition:
      i % 17 === 16
        ? ['{"TokenLifetimePolicy":{"Version":1,"MaxInactiveTime":"1.00:00:00"}}']
        : buildDefinition({ accessTokenLifetimeSeconds: 600 + ((i * 1777) % (86400 - 600)) }),
  }));
  const pick = () => `policy-${Math.floor(random() * policies)}`;
  const targetList = Array.from({ length: targets }, (_, i) => {
    const appId = `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    const kind = random();
    const hasApp = kind > 0.2;
    return {
      appId,
      displayName: `App ${i}`,
      application: hasApp
        ? { id: `app-${i}`, appId, displayName: `App ${i}`, exposesApi: random() > 0.5 }
        : undefined,
      servicePrincipal: {
        id: `sp-${i}`,
        appId,
        displayName: `App ${i}`,
        servicePrincipalType: kind < 0.05 ? 'ManagedIdentity' : 'Application',
        accountEnabled: random() > 0.02,
      },
      applicationPolicyId: hasApp && random() < 0.3 ? pick() : undefined,
      servicePrincipalPolicyId: random() < 0.2 ? pick() : undefined,
    };
  });
  return { policies: policyList, targets: targetList };
}

export async function benchPolicyEngine(): Promise<{
  targets: number;
  msByRule: Record<string, number>;
}> {
  const index = buildSyntheticIndex();
  const msByRule: Record<string, number> = {};
  for (const rule of ['graph-reference', 'current-article'] as PrecedenceRuleId[]) {
    for (let i = 0; i < 3; i++) resolveAll(index, rule); // warm-up: let the JIT settle
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      // Each run builds its own context (parsing every definition), as a page load would.
      const resolved = resolveAll(index, rule);
      times.push(performance.now() - start);
      if (resolved.size !== index.targets.length) throw new Error('resolveAll lost targets');
    }
    msByRule[rule] = Math.round(median(times) * 10) / 10;
  }
  return { targets: index.targets.length, msByRule };
}

async function main() {
  const { targets, msByRule } = await benchPolicyEngine();
  const parts = Object.entries(msByRule).map(([rule, ms]) => `${ms} ms (${rule})`);
  console.log(`policy engine: resolved ${targets} targets in ${parts.join(', ')}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main();
}
