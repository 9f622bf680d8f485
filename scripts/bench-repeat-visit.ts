// Repeat visits as an admin's browser makes them: scripts and their compiled code kept from
// earlier visits, no DevTools attached. Lighthouse cannot measure this. It always enables the
// Debugger domain (core/gather/driver/prepare.js, for async stack traces), and with a debugger
// attached V8 must finish every function read from the code cache on the main thread
// (FinalizeDeserialization in V8's src/codegen/compiler.cc: "Devtools can report time in this
// function as profiler overhead, since none of the following tasks would need to happen
// normally"). So each route is traced twice over: with no debugger, and with the Debugger domain
// enabled as Lighthouse does, to show how much of Lighthouse's repeat-visit figure is that cost.
import type { CDPSession, Page } from 'puppeteer-core';
import { chromiumPath } from './chromium-path.mjs';
import { APP_URL, buildOnce, withServers } from './bench-servers';
import { SIGNED_IN, signInAsAdmin, withChromiumPage } from './bench-puppeteer';
import { median } from './median';
import { visitFigures, type TraceEvent, type VisitFigures } from './trace-figures';

const ROUTES = ['/policies', '/applications', '/audit', '/token-inspector'];
const RUNS = 3;
// Lighthouse's mobile model: a CPU four times slower than this machine's.
const CPU_SLOWDOWN = 4;
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'disabled-by-default-v8.compile',
  'loading',
];

/** Loads the route until Chromium's own network-idle signal (no request for 500 ms), signed in. */
async function visit(page: Page, route: string) {
  // Chromium's lifecycle event, not Puppeteer's request count (waitForNetworkIdle), which missed
  // the end of requests served from the memory cache and waited out its timeout.
  await page.goto(`${APP_URL}${route}`, { waitUntil: 'networkidle0' });
  if (!(await page.$(SIGNED_IN))) throw new Error(`${route} loaded signed out`);
}

async function tracedVisit(page: Page, cdp: CDPSession, route: string, debugger_: boolean) {
  await page.goto('about:blank');
  if (debugger_) await cdp.send('Debugger.enable');
  await page.tracing.start({ categories: CATEGORIES });
  await visit(page, route);
  const trace = await page.tracing.stop();
  if (debugger_) await cdp.send('Debugger.disable');
  const { traceEvents } = JSON.parse(Buffer.from(trace!).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  return visitFigures(traceEvents);
}

function line(label: string, runs: VisitFigures[]): string {
  const m = (key: keyof VisitFigures) => Math.round(median(runs.map((r) => r[key])));
  // A visit that read no compiled code was not a repeat visit: say so rather than print it as one.
  const cacheKb = m('cacheKb');
  const warm = cacheKb > 0 ? '' : ' (no code cache read: not a warm visit)';
  return `${label.padEnd(22)} code cache read on the main thread ${String(m('cacheReadMs')).padStart(3)} ms (${cacheKb} kB), blocking time ${m('blockingMs')} ms, longest task ${m('longestTaskMs')} ms${warm}`;
}

export async function runRepeatVisits(): Promise<string> {
  const chromePath = chromiumPath();
  if (!chromePath) return 'Repeat visits: skipped (no Chromium)';
  if (!buildOnce()) return 'Repeat visits: the production build failed';
  try {
    return await withServers({ latencyMs: 0 }, () => measureRoutes(chromePath));
  } catch (error) {
    // The other sections' figures still print.
    return `Repeat visits: failed (${(error as Error).message})`;
  }
}

function measureRoutes(chromePath: string): Promise<string> {
  return withChromiumPage(chromePath, async (page) => {
    const cdp = await page.createCDPSession();
    await signInAsAdmin(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const lines: string[] = [];
    for (const route of ROUTES) {
      // Chromium keeps a script's compiled code from its second load and reads it from the
      // third: two visits first, so every traced visit is a warm one.
      for (let i = 0; i < 2; i++) {
        await visit(page, route);
      }
      const plain: VisitFigures[] = [];
      const debugged: VisitFigures[] = [];
      for (let i = 0; i < RUNS; i++) {
        plain.push(await tracedVisit(page, cdp, route, false));
        debugged.push(await tracedVisit(page, cdp, route, true));
      }
      lines.push(`  ${route}`);
      lines.push(`    ${line('no DevTools attached', plain)}`);
      lines.push(`    ${line('Debugger enabled', debugged)}`);
    }
    return `Repeat visits in Chromium (production build, signed in, caches kept, CPU ×${CPU_SLOWDOWN} slower; median of ${RUNS}):\n${lines.join('\n')}`;
  });
}

if (process.argv[1]?.endsWith('bench-repeat-visit.ts')) {
  console.log(await runRepeatVisits());
}
