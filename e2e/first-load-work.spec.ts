// What a page may not do while it first loads. A page's first Intl call (toLocaleString,
// toLocaleTimeString, localeCompare, Intl.*) sets ICU up: 15–60 ms of main thread in Chromium on
// this project's machine (measured on a blank page), four times that on the laptop Lighthouse
// models. The Applications and Audit views once paid it for their row count, filter counts, "as
// of" time and chart; lib/plain-format.ts now writes those. Each Intl entry point is wrapped before
// the page's own scripts run, and any call is recorded with where it came from.
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

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
