// Lighthouse (12.x: 13 needs Node 22) on the production build against the demo tenant: the
// sign-in page, then every route signed in as the admin. Each is run BENCH_LIGHTHOUSE_RUNS times
// (3 by default); the median is printed with the spread, since one run on a shared 2-core machine
// says little.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path.mjs';
import { APP_URL, buildOnce, withServers } from './bench-servers';
import { SIGNED_IN, signInAsAdmin, withChromiumPage } from './bench-puppeteer';
import { median } from './median';

const ROUTES = ['/policies', '/applications', '/audit', '/token-inspector'];
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
// BENCH_LIGHTHOUSE_REPORTS=<folder> keeps every run's full report, to see which audit costs points.
const REPORTS = process.env.BENCH_LIGHTHOUSE_REPORTS;
const ONLY_ROUTES = process.env.BENCH_LIGHTHOUSE_ROUTES?.split(',');
// BENCH_LIGHTHOUSE_REPEAT=1 measures a repeat visit instead: the signed-in runs keep the browser's
// caches (scripts and their compiled code), as an admin's next visit before a deploy does. Its
// blocking time includes the cost of the debugger Lighthouse attaches, which no admin's browser
// pays: the `repeat` section (bench-repeat-visit.ts) measures both.
const REPEAT_VISIT = process.env.BENCH_LIGHTHOUSE_REPEAT === '1';

type LighthouseResult = {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  report: string | string[];
};

// The metrics the performance score is made of, so a missed score says where the points went.
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['speed-index', 'SI', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
] as const;

/** The values the runs have, in ascending order: the spread is its ends. */
function sortedValues(values: Array<number | undefined>): number[] {
  return values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
}

function metricLine(runs: Array<LighthouseResult | undefined>): string {
  return METRICS.map(([id, label, unit]) => {
    const values = sortedValues(runs.map((r) => r?.lhr.audits[id]?.numericValue));
    if (!values.length) return `${label} n/a`;
    const m = median(values);
    return unit ? `${label} ${Math.round(m)} ms` : `${label} ${m.toFixed(3)}`;
  }).join(', ');
}

function score(result: LighthouseResult | undefined, category: string): number | undefined {
  const value = result?.lhr.categories[category]?.score;
  return value === null || value === undefined ? undefined : Math.round(value * 100);
}

function summary(label: string, runs: Array<LighthouseResult | undefined>): string {
  const describe = (category: string) => {
    const sorted = sortedValues(runs.map((r) => score(r, category)));
    if (!sorted.length) return 'n/a';
    return `${median(sorted)} (${sorted[0]}–${sorted[sorted.length - 1]})`;
  };
  return `  ${label.padEnd(17)} performance ${describe('performance').padEnd(12)} accessibility ${describe('accessibility')}\n  ${''.padEnd(17)} ${metricLine(runs)}`;
}

export async function runLighthouse(): Promise<string> {
  const chromePath = chromiumPath();
  if (!chromePath)
    return 'Lighthouse: skipped (no Chromium; apt-get install -y chromium or set CHROMIUM_PATH)';
  if (!buildOnce()) return 'Lighthouse: the production build failed';
  try {
    return await withServers({ latencyMs: 0 }, async () => {
      const { default: lighthouse } = await import('lighthouse');
      return withChromiumPage(chromePath, async (page) => {
        const audit = async (route: string, signedIn: boolean) => {
          const runs: Array<LighthouseResult | undefined> = [];
          for (let i = 0; i < RUNS; i++) {
            const result = (await lighthouse(
              `${APP_URL}${route}`,
              {
                onlyCategories: ['performance', 'accessibility'],
                logLevel: 'error',
                output: 'json',
                // Lighthouse's own reset before each run: the HTTP cache and the compiled-code
                // cache are emptied, as for a first visit after a deploy. The session survives it
                // (Lighthouse 12 clears service workers, cache storage, file systems and shader
                // cache, not sessionStorage, cookies or IndexedDB). disableStorageReset, used
                // before, also kept every script cached: the signed-in runs measured a repeat visit.
                disableStorageReset: REPEAT_VISIT && signedIn,
              },
              undefined,
              page,
            )) as LighthouseResult | undefined;
            runs.push(result);
            // A session lost to the reset would score the sign-in card under this route's name.
            if (signedIn && !(await page.$(SIGNED_IN)))
              throw new Error(`${route} ended signed out: its run measured the sign-in page`);
            if (REPORTS && result) {
              mkdirSync(REPORTS, { recursive: true });
              const name = `${signedIn ? route.slice(1) : 'sign-in'}-${i + 1}.json`;
              writeFileSync(join(REPORTS, name), String(result.report));
              const trace = (result as { artifacts?: { Trace?: unknown } }).artifacts?.Trace;
              if (trace)
                writeFileSync(
                  join(REPORTS, name.replace('.json', '.trace.json')),
                  JSON.stringify(trace),
                );
            }
          }
          return runs;
        };
        const wanted = (name: string) => !ONLY_ROUTES || ONLY_ROUTES.includes(name);
        const lines: string[] = [];
        await page.goto(`${APP_URL}/policies`);
        if (wanted('sign-in')) lines.push(summary('sign-in page', await audit('/policies', false)));
        await signInAsAdmin(page);
        for (const route of ROUTES.filter(wanted))
          lines.push(summary(route, await audit(route, true)));
        return `Lighthouse 12 (production build, signed in, default mobile emulation, ${REPEAT_VISIT ? 'repeat visits: caches kept once signed in' : 'caches cleared before each run'}, demo tenant; median of ${RUNS} (min–max); aim ≥ 90 and 100):\n${lines.join('\n')}`;
      });
    });
  } catch (error) {
    return `Lighthouse: failed (${(error as Error).message})`;
  }
}

if (process.argv[1]?.endsWith('bench-lighthouse.ts')) {
  console.log(await runLighthouse());
}
