import { expect, test } from '@playwright/test';
// @ts-expect-error -- a plain .mjs script shared with the build step; its exports are checked here.
import { BUDGET_KB, firstLoadKbOfHtml, ROUTES } from '../scripts/check-bundle-budget.mjs';

// First-load JavaScript of each main route as the production server sends it (pages are rendered
// per request for the CSP nonce), against the budget recorded in scripts/check-bundle-budget.mjs.
for (const route of ROUTES as string[]) {
  test(`/${route} stays within the first-load JavaScript budget`, async ({ request }) => {
    const html = await (await request.get(`/${route}`)).text();
    const kb = (firstLoadKbOfHtml as (dir: string, html: string) => number)('.next-e2e', html);
    console.log(`bundle budget: /${route} first-load JS ${kb} kB gzip (budget ${BUDGET_KB} kB)`);
    expect(kb).toBeGreaterThan(50);
    expect(kb).toBeLessThanOrEqual(BUDGET_KB as number);
  });
}

// The browser never holds a client secret: "Get a test token" uses the admin's own session.
test('no demo client secret is in any JavaScript the browser can load', async () => {
  const { DEMO_AUTOMATION_CLIENTS } = await import('../demo-tenant/oidc/accounts');
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.js')) files.push(path);
    }
  };
  walk('.next-e2e/static');
  expect(files.length).toBeGreaterThan(10);
  const secrets = DEMO_AUTOMATION_CLIENTS.map((c) => c.secret);
  expect(secrets.length).toBeGreaterThan(0);
  const leaks = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return secrets
      .filter((secret) => text.includes(secret))
      .map((secret) => `${secret} in ${file}`);
  });
  expect(leaks).toEqual([]);
});

// The Graph SDK names Node's Buffer, and the bundler would add a 22 kB polyfill to the Graph
// chunk that every signed-in page compiles; next.config.ts maps it to lib/graph/without-buffer.ts.
// The writes journeys (create, edit, link) prove the SDK still sends its JSON bodies.
test('the browser build carries no Buffer polyfill', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const chunks = readdirSync('.next-e2e/static/chunks').filter((name) => name.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(10);
  // INSPECT_MAX_BYTES is the polyfill's own export (feross/buffer, next/dist/compiled/buffer).
  const withPolyfill = chunks.filter((name) =>
    readFileSync(`.next-e2e/static/chunks/${name}`, 'utf8').includes('INSPECT_MAX_BYTES'),
  );
  expect(withPolyfill).toEqual([]);
});
