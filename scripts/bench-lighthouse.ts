// Lighthouse (12.x: 13 needs Node 22) on the production build against the demo tenant, signed in as
// the admin, for the main routes. Prints performance and accessibility scores.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

const DEMO_PORT = Number(process.env.BENCH_DEMO_PORT ?? 4210);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3210);
const ROUTES = ['/policies', '/applications', '/audit', '/token-inspector'];

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

export async function runLighthouse(): Promise<string> {
  const chromePath = chromiumPath();
  if (!chromePath)
    return 'Lighthouse: skipped (no Chromium; apt-get install -y chromium or set CHROMIUM_PATH)';
  const env = {
    ...process.env,
    NEXT_DIST_DIR: '.next-bench',
    NEXT_PUBLIC_DEMO_TENANT_URL: `http://localhost:${DEMO_PORT}`,
    NEXT_PUBLIC_ENTRA_CLIENT_ID: '',
    NEXT_PUBLIC_ENTRA_TENANT_ID: '',
    NEXT_TELEMETRY_DISABLED: '1',
    DEMO_TENANT_PORT: String(DEMO_PORT),
    DEMO_APP_ORIGIN: `http://localhost:${APP_PORT}`,
    DEMO_LATENCY_MS: '0',
    DEMO_FAULT_RATE: '0',
  };
  console.log('Building the dashboard for Lighthouse…');
  const build = spawnSync('npx', ['next', 'build'], { env, stdio: 'ignore' });
  if (build.status !== 0) return 'Lighthouse: the production build failed';
  const children: ChildProcess[] = [
    spawn('npx', ['tsx', 'demo-tenant/main.ts'], { env, stdio: 'ignore' }),
    spawn('npx', ['next', 'start', '-p', String(APP_PORT), '-H', '127.0.0.1'], {
      env,
      stdio: 'ignore',
    }),
  ];
  try {
    await waitFor(`http://localhost:${DEMO_PORT}/.well-known/openid-configuration`);
    await waitFor(`http://localhost:${APP_PORT}/redirect`);
    const { default: lighthouse } = await import('lighthouse');
    const puppeteer = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath: chromePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${APP_PORT}/policies`);
      const signInScores = await lighthouse(
        `http://localhost:${APP_PORT}/policies`,
        { onlyCategories: ['performance', 'accessibility'], logLevel: 'error', output: 'json' },
        undefined,
        page,
      );
      const lines = [
        `  sign-in page      performance ${score(signInScores, 'performance')}  accessibility ${score(signInScores, 'accessibility')}`,
      ];
      await page.goto(`http://localhost:${APP_PORT}/policies`);
      await page.locator('button::-p-text(Sign in)').click();
      await page.waitForSelector('#email');
      await page.type('#email', 'admin@contoso.demo');
      await page.type('#password', 'Admin-Demo-1');
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      await page.waitForSelector('[aria-label^="Account:"]', { timeout: 30_000 });
      for (const route of ROUTES) {
        // disableStorageReset keeps the MSAL session (sessionStorage) between audits.
        const result = await lighthouse(
          `http://localhost:${APP_PORT}${route}`,
          {
            onlyCategories: ['performance', 'accessibility'],
            logLevel: 'error',
            output: 'json',
            disableStorageReset: true,
          },
          undefined,
          page,
        );
        lines.push(
          `  ${route.padEnd(17)} performance ${score(result, 'performance')}  accessibility ${score(result, 'accessibility')}`,
        );
      }
      return `Lighthouse 12 (production build, signed in, default mobile emulation, demo tenant; aim ≥ 90 and 100):\n${lines.join('\n')}`;
    } finally {
      await browser.close();
    }
  } catch (error) {
    return `Lighthouse: failed (${(error as Error).message})`;
  } finally {
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  }
}

function score(
  result: { lhr: { categories: Record<string, { score: number | null }> } } | undefined,
  category: string,
): string {
  const value = result?.lhr.categories[category]?.score;
  return value === null || value === undefined ? 'n/a' : String(Math.round(value * 100));
}

if (process.argv[1]?.endsWith('bench-lighthouse.ts')) {
  console.log(await runLighthouse());
}
