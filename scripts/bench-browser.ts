// The Applications view on a large tenant in Chromium (playwright-core on Debian's chromium, as
// e2e does), signed in as the admin, against the production build and a demo tenant with Graph
// latency: cold load (nothing kept), warm load (objects kept in IndexedDB, delta queries), the
// page's JS heap (CDP Performance.getMetrics), filtering and sorting every row, and long tasks
// while scrolling the whole list.
import { writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';
import { APP_URL, DEMO_URL, buildOnce, withServers } from './bench-servers';
import { keptSnapshots } from '../e2e/kept-directory';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const READY = '[data-testid="row-count"][data-state="ready"]';

async function graphRoundTrips(): Promise<{ total: number; routes: string }> {
  const stats = (await (await fetch(`${DEMO_URL}/_demo/stats`)).json()) as {
    total: number;
    byMethodAndRoute: Record<string, number>;
  };
  const routes = Object.entries(stats.byMethodAndRoute)
    .filter(([route]) => !route.includes('(in $batch)'))
    .map(([route, n]) => `${n}× ${route}`)
    .join(', ');
  return { total: stats.total, routes };
}
const resetStats = () => fetch(`${DEMO_URL}/_demo/stats/reset`, { method: 'POST' });

/** BENCH_PROFILE=<folder>: a CDP CPU profile and a Graph request timeline of each timed load. */
const PROFILE_DIR = process.env.BENCH_PROFILE;

/** With BENCH_PROFILE, starts a CPU profile; the returned stop writes it as <name>.cpuprofile. */
async function startCpuProfile(page: Page, intervalUs: number) {
  if (!PROFILE_DIR) return undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async (name: string) => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${PROFILE_DIR}/${name}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Reloads and times until the view says every row is there. */
async function timedReload(
  page: Page,
  name: string,
): Promise<{ ms: number; roundTrips: number; routes: string }> {
  await resetStats();
  const stopProfile = await startCpuProfile(page, 500);
  const timeline: string[] = [];
  const start = Date.now();
  const onDone = (request: import('playwright-core').Request) => {
    if (!request.url().includes(DEMO_URL.replace('http://', ''))) return;
    const t = request.timing();
    const at = (ms: number) => Math.round(request.timing().startTime + ms - start);
    timeline.push(
      `${String(at(0)).padStart(6)} → ${String(at(t.responseEnd)).padStart(6)} ms  ${request.method()} ${request.url().replace(DEMO_URL, '').slice(0, 110)}`,
    );
  };
  if (stopProfile) page.on('requestfinished', onDone);
  await page.reload();
  await page.waitForSelector(READY, { timeout: 180_000 });
  const ms = Date.now() - start;
  if (stopProfile) {
    page.off('requestfinished', onDone);
    await stopProfile(name);
    writeFileSync(
      `${PROFILE_DIR}/${name}.timeline.txt`,
      `ready at ${ms} ms\n${timeline.join('\n')}\n`,
    );
  }
  const { total, routes } = await graphRoundTrips();
  return { ms, roundTrips: total, routes };
}

/** Time from an action on the page to the next frame after the row count (or a header) changed. */
function timeUntilChanged(page: Page, action: 'filter' | 'sort' | 'clear'): Promise<number> {
  return page.evaluate(async (what) => {
    const count = document.querySelector('[data-testid="row-count"]')!;
    const header = [...document.querySelectorAll('[role="columnheader"]')].find((h) =>
      h.textContent?.includes('Effective'),
    )!;
    const watched = what === 'sort' ? header : count;
    const before = watched.outerHTML;
    const start = performance.now();
    if (what === 'sort') header.querySelector('button')!.click();
    else {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, what === 'filter' ? 'app 1' : '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await new Promise<void>((resolve) => {
      const check = () => (watched.outerHTML !== before ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - start;
  }, action);
}

async function scrollLongTasks(page: Page): Promise<{ count: number; maxMs: number }> {
  return page.evaluate(async () => {
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => durations.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const scroller = document.querySelector<HTMLElement>('[aria-label="Application rows"]')!;
    const step = scroller.scrollHeight / 60;
    for (let i = 0; i < 60; i++) {
      scroller.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    return { count: durations.length, maxMs: Math.round(Math.max(0, ...durations)) };
  });
}

async function usedHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round(used / 1024 / 1024);
}

export async function runBrowserBench(size: number): Promise<string> {
  const executablePath = chromiumPath();
  if (!executablePath) return 'Applications view: skipped (no Chromium)';
  if (!buildOnce()) return 'Applications view: the production build failed';
  console.log(`Applications view in Chromium: ${size} objects, ${LATENCY_MS} ms latency…`);
  try {
    return await withServers({ size, latencyMs: LATENCY_MS }, async () => {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        // tsx (esbuild, keepNames) wraps named functions in __name(): give evaluated code one.
        await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        await page.goto(`${APP_URL}/applications`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByLabel('Email').fill('admin@contoso.demo');
        await page.getByLabel('Password').fill('Admin-Demo-1');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Account: Adele Admin' }).waitFor();
        // Cold: nothing kept in this browser.
        await page.evaluate(() => indexedDB.deleteDatabase('token-lifetime-dashboard'));
        const cold = await timedReload(page, 'cold');
        const rows = await page.getByTestId('row-count').textContent();
        // The objects are kept (IndexedDB) shortly after the view shows: let that finish before
        // measuring interactions, and before coming back warm.
        const deadline = Date.now() + 60_000;
        while ((await keptSnapshots(page)) === 0 && Date.now() < deadline)
          await page.waitForTimeout(500);
        await page.waitForTimeout(1000);
        const heapCold = await usedHeapMb(page);
        const filterMs = await timeUntilChanged(page, 'filter');
        const clearMs = await timeUntilChanged(page, 'clear');
        const sortMs = await timeUntilChanged(page, 'sort');
        const stopScrollProfile = await startCpuProfile(page, 200);
        const scroll = await scrollLongTasks(page);
        await stopScrollProfile?.('scroll');
        const warm = await timedReload(page, 'warm');
        const heapWarm = await usedHeapMb(page);
        const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
        return [
          `Applications view in Chromium: ${rows?.trim()}, ${LATENCY_MS} ms Graph latency`,
          `  cold load     ${(cold.ms / 1000).toFixed(1)} s, ${cold.roundTrips} Graph round trips (target < 15 s: ${check(cold.ms < 15_000)})`,
          `  warm load     ${(warm.ms / 1000).toFixed(1)} s, ${warm.roundTrips} Graph round trips (target < 2 s and ≤ 5: ${check(warm.ms < 2000 && warm.roundTrips <= 5)})`,
          `                ${warm.routes}`,
          `  JS heap       ${heapCold} MB after cold, ${heapWarm} MB after warm (target < 500 MB: ${check(Math.max(heapCold, heapWarm) < 500)})`,
          `  filter        ${Math.round(filterMs)} ms ("app 1"), clear ${Math.round(clearMs)} ms, sort by lifetime ${Math.round(sortMs)} ms (target < 200 ms: ${check(Math.max(filterMs, clearMs, sortMs) < 200)})`,
          `  scrolling     ${scroll.count} long tasks (longest ${scroll.maxMs} ms) over the whole list`,
        ].join('\n');
      } finally {
        await browser.close();
      }
    });
  } catch (error) {
    return `Applications view: failed (${(error as Error).message})`;
  }
}

if (process.argv[1]?.endsWith('bench-browser.ts')) {
  const size = Number(process.env.BENCH_SIZE ?? 100_000);
  console.log(await runBrowserBench(size));
}
