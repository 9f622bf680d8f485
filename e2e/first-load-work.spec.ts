// What a page may not do while it first loads. A page's first Intl call (toLocaleString,
// toLocaleTimeString, localeCompare, Intl.*) sets ICU up: 15–60 ms of main thread in Chromium on
// this project's machine (measured on a blank page), four times that on the laptop Lighthouse
// models. The Applications and Audit views once paid it for their row count, filter counts, "as
// of" time and chart; lib/plain-format.ts now writes those. Each Intl entry point is wrapped before
// the page's own scripts run, and any call is recorded with where it came from.
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
// @ts-expect-error -- a plain .mjs script shared with the build step; its exports are checked here.
import { startupChunksOfHtml } from '../scripts/check-bundle-budget.mjs';

const RECORD_INTL = `(() => {
  const calls = (window.__intlCalls = []);
  const record = (label) => calls.push(label + ' ' + (new Error().stack || '').split('\\n')[3]);
  const wrap = (owner, name, label) => {
    const original = owner[name];
    owner[name] = function (...args) {
      record(label);
      return new.target ? Reflect.construct(original, args) : original.apply(this, args);
    };
  };
  wrap(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
  wrap(String.prototype, 'localeCompare', 'String#localeCompare');
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'])
    wrap(Date.prototype, name, 'Date#' + name);
  for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat'])
    wrap(Intl, name, 'Intl.' + name);
})()`;

for (const [route, ready] of [
  ['/applications', 'app-row'],
  ['/audit', 'distribution-count'],
] as const) {
  test(`${route} makes no Intl call while it loads`, async ({ page }) => {
    await signIn(page, 'admin', '/policies');
    await page.addInitScript(RECORD_INTL);
    await page.goto(route);
    await expect(page.getByTestId(ready).first()).toBeVisible();
    // The row count and the "as of" time (Applications), the chart's counts (Audit) are drawn.
    await expect(
      page.getByTestId(route === '/audit' ? 'lifetime-distribution' : 'row-count'),
    ).toContainText(/\d/);
    const calls = await page.evaluate(
      () => (window as unknown as { __intlCalls: string[] }).__intlCalls,
    );
    expect(calls).toEqual([]);
  });
}

// scripts/compile-hints.mjs, run by `npm run build`: the scripts a page starts with carry V8's
// explicit compile hint (Chrome 136+, v8.dev/blog/explicit-compile-hints), so Chromium compiles
// them while streaming them in instead of on the main thread as each function is first called.
// Chunks loaded later keep lazy compilation, as V8 advises for code that does not run on load.
test('the scripts a page starts with ask to be compiled at once; scripts loaded later do not', async ({
  page,
}) => {
  await signIn(page, 'admin', '/policies');
  const html = await (await page.request.get('/applications')).text();
  // The same list the first-load budget counts (noModule polyfills are not part of a modern start).
  const startup = new Set(
    [...(startupChunksOfHtml as (html: string) => Set<string>)(html)].map((c) => `/_next/${c}`),
  );
  const later: string[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/_next/static/chunks/') && path.endsWith('.js') && !startup.has(path))
      later.push(path);
  });
  await page.goto('/applications');
  await expect(page.getByTestId('app-row').first()).toBeVisible();
  const hinted = async (path: string) =>
    (await (await page.request.get(path)).text()).startsWith('//# allFunctionsCalledOnLoad\n');
  expect(startup.size).toBeGreaterThan(3);
  for (const path of startup) expect(await hinted(path), path).toBe(true);
  // The Applications view and the Graph SDK load after first paint, unhinted.
  expect(later.length).toBeGreaterThan(0);
  const unhinted = [];
  for (const path of later) if (!(await hinted(path))) unhinted.push(path);
  expect(unhinted.length).toBeGreaterThan(0);
});
