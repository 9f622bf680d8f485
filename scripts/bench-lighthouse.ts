// Lighthouse (12.x: 13 needs Node 22) on the production build against the demo tenant: the
// sign-in page, then every route signed in as the admin. Each is run BENCH_LIGHTHOUSE_RUNS times
// (3 by default); the median is printed with the spread, since one run on a shared 2-core machine
// says little.
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';
import { APP_URL, buildOnce, withServers } from './bench-servers';

const ROUTES = ['/policies', '/applications', '/audit', '/token-inspector'];
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

type LighthouseResult = { lhr: { categories: Record<string, { score: number | null }> } };

function score(result: LighthouseResult | undefined, category: string): number | undefined {
  const value = result?.lhr.categories[category]?.score;
  return value === null || value === undefined ? undefined : Math.round(value * 100);
}

function summary(label: string, runs: Array<LighthouseResult | undefined>): string {
  const describe = (category: string) => {
    const scores = runs.map((r) => score(r, category)).filter((s): s is number => s !== undefined);
    if (!scores.length) return 'n/a';
    const sorted = [...scores].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return `${median} (${sorted[0]}–${sorted[sorted.length - 1]})`;
  };
  return `  ${label.padEnd(17)} performance ${describe('performance').padEnd(12)} accessibility ${describe('accessibility')}`;
}

export async function runLighthouse(): Promise<string> {
  const chromePath = chromiumPath();
  if (!chromePath)
    return 'Lighthouse: skipped (no Chromium; apt-get install -y chromium or set CHROMIUM_PATH)';
  if (!buildOnce()) return 'Lighthouse: the production build failed';
  try {
    return await withServers({ latencyMs: 0 }, async () => {
      const { default: lighthouse } = await import('lighthouse');
      const puppeteer = await import('puppeteer-core');
      const browser = await puppeteer.launch({
        executablePath: chromePath,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const page = await browser.newPage();
        const audit = async (route: string, signedIn: boolean) => {
          const runs: Array<LighthouseResult | undefined> = [];
          for (let i = 0; i < RUNS; i++)
            runs.push(
              (await lighthouse(
                `${APP_URL}${route}`,
                {
                  onlyCategories: ['performance', 'accessibility'],
                  logLevel: 'error',
                  output: 'json',
                  // Keeps the MSAL session (sessionStorage) between audits once signed in.
                  disableStorageReset: signedIn,
                },
                undefined,
                page,
              )) as LighthouseResult | undefined,
            );
          return runs;
        };
        await page.goto(`${APP_URL}/policies`);
        const lines = [summary('sign-in page', await audit('/policies', false))];
        await page.goto(`${APP_URL}/policies`);
        await page.locator('button::-p-text(Sign in)').click();
        await page.waitForSelector('#email');
        await page.type('#email', 'admin@contoso.demo');
        await page.type('#password', 'Admin-Demo-1');
        await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
        await page.waitForSelector('[aria-label^="Account:"]', { timeout: 30_000 });
        for (const route of ROUTES) lines.push(summary(route, await audit(route, true)));
        return `Lighthouse 12 (production build, signed in, default mobile emulation, demo tenant; median of ${RUNS} (min–max); aim ≥ 90 and 100):\n${lines.join('\n')}`;
      } finally {
        await browser.close();
      }
    });
  } catch (error) {
    return `Lighthouse: failed (${(error as Error).message})`;
  }
}

if (process.argv[1]?.endsWith('bench-lighthouse.ts')) {
  console.log(await runLighthouse());
}
