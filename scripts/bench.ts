// `npm run bench`: how the dashboard loads tenants of several shapes, measured against the lower
// bound (and, on the small shape, against the naive way admins' scripts do it); the policy engine;
// the Applications view on a 100,000-object tenant in Chromium; Lighthouse on the build; repeat
// visits in Chromium with no DevTools attached (which Lighthouse cannot measure).
// Figures are printed, not asserted: performance is measured here, not in tests.
// BENCH_ONLY=directory,reach,engine,browser,lighthouse,repeat runs a part; BENCH_QUICK=1 uses small tenants.
import { benchDirectoryShape, readerApi, type DirectoryShape } from './bench-directory';
import { benchPolicyEngine } from './bench-policy';
import { benchReach } from './bench-reach';
import { startDemoTenant } from '../demo-tenant/server';
import { loadDirectoryIndex } from '../lib/graph/directory-index';
import { runLighthouse } from './bench-lighthouse';
import { BENCH_PORTS } from './bench-servers';
import { runBrowserBench } from './bench-browser';
import { runRepeatVisits } from './bench-repeat-visit';
import { assertPortsFree, stopChildren } from './bench-processes';

const quick = process.env.BENCH_QUICK === '1';
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const only = new Set(
  (process.env.BENCH_ONLY ?? 'directory,reach,engine,browser,lighthouse,repeat')
    .split(',')
    .map((s) => s.trim()),
);

const SHAPES: DirectoryShape[] = quick
  ? [{ name: 'quick', size: 1000, policies: 50, naive: true }]
  : [
      { name: '50 policies', size: 10_000, policies: 50, naive: true },
      { name: 'policies on thousands of objects', size: 10_000, bigLinks: [4000, 2500, 1200] },
      { name: '100,000 objects', size: 100_000, bigLinks: [5000, 1500] },
    ];

/** Audit II's reach read on its own 10,000-object tenant (1,000 with BENCH_QUICK). */
async function reachSection(): Promise<string> {
  console.log('Reach read (who receives long-lived tokens)…');
  const tenant = await startDemoTenant({
    port: 0,
    httpsPort: 0,
    size: quick ? 1000 : 10_000,
    latencyMs: LATENCY_MS,
    appOrigins: [],
  });
  try {
    const api = await readerApi(tenant);
    const index = await loadDirectoryIndex(api);
    return await benchReach(api, tenant.url, index, LATENCY_MS);
  } finally {
    await tenant.close();
  }
}

async function main() {
  const sections: string[] = [];
  // The browser, Lighthouse and repeat-visit runs start servers on fixed ports: refuse before
  // measuring anything.
  if (only.has('browser') || only.has('lighthouse') || only.has('repeat'))
    await assertPortsFree(BENCH_PORTS);
  if (only.has('directory')) {
    for (const shape of SHAPES) {
      console.log(`Directory index: ${shape.name} (${shape.size} objects)…`);
      const result = await benchDirectoryShape(shape, LATENCY_MS);
      sections.push(result.lines.join('\n'));
    }
  }
  if (only.has('reach')) sections.push(await reachSection());
  if (only.has('engine')) {
    const engine = await benchPolicyEngine();
    sections.push(
      `Policy engine: resolved ${engine.targets} targets in ${engine.msByRule['graph-reference']} ms (graph-reference), ${engine.msByRule['current-article']} ms (current-article)`,
    );
  }
  if (only.has('browser')) sections.push(await runBrowserBench(quick ? 5_000 : 100_000));
  if (only.has('lighthouse')) sections.push(await runLighthouse());
  if (only.has('repeat')) sections.push(await runRepeatVisits());
  console.log(`\n${sections.join('\n\n')}`);
}

try {
  await main();
} finally {
  stopChildren();
}
