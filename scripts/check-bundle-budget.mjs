// First-load JavaScript of the main routes, gzipped, against a budget measured and recorded here.
// Counts every chunk a route's HTML loads (script tags and the Turbopack runtime's list). Pages are
// rendered per request (CSP nonce, tenant settings at run time), so the HTML is read from the
// running server by e2e/bundle-budget.spec.ts; a prerendered page is checked here at build time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * kB gzip per route. Measured 2026-11-28: /policies 240.6, /applications 239.8, /audit 240.0,
 * /token-inspector 239.8; 1–2 kB more than the round before, for the shell and the page's intro
 * drawn while signing in (components/shell/shell-preview.tsx). /policies was 248.6 with the Buffer
 * polyfill the Graph SDK pulled in (lib/graph/without-buffer.ts). All are this low since the
 * Graph SDK, the Applications view, the token inspector, the audit view (and its reach and
 * sessions sections) and IndexedDB's wrapper load after first paint (they were 261–279, then
 * /audit 252.3 with Audit II). React DOM, MSAL, TanStack Query and the Next runtime are the rest.
 * Raise only with a reason in the commit.
 */
export const BUDGET_KB = 250;
export const ROUTES = ['policies', 'applications', 'audit', 'token-inspector'];

export function firstLoadKb(distDir, route) {
  const htmlPath = join(distDir, 'server', 'app', `${route}.html`);
  if (!existsSync(htmlPath)) return undefined;
  return firstLoadKbOfHtml(distDir, readFileSync(htmlPath, 'utf8'));
}

/** The chunks a page's HTML starts with ("static/chunks/x.js"): its script tags and the Turbopack runtime's list. */
export function startupChunksOfHtml(html) {
  // Legacy polyfills load only in browsers without modules (noModule): not part of a modern first load.
  const legacy = new Set(
    [
      ...html.matchAll(/<script[^>]*src="\/_next\/(static\/chunks\/[\w\-.~]+\.js)"[^>]*noModule/gi),
    ].map((m) => m[1]),
  );
  return new Set(
    [...html.matchAll(/(?:\/_next\/)?(static\/chunks\/[\w\-.~]+\.js)/g)]
      .map((m) => m[1])
      .filter((c) => !legacy.has(c)),
  );
}

export function firstLoadKbOfHtml(distDir, html) {
  let bytes = 0;
  for (const chunk of startupChunksOfHtml(html))
    bytes += gzipSync(readFileSync(join(distDir, chunk))).length;
  return Math.round(bytes / 102.4) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] ?? '.next';
  let over = false;
  for (const route of ROUTES) {
    const kb = firstLoadKb(distDir, route);
    if (kb === undefined) {
      console.log(
        `bundle budget: /${route} is rendered per request: checked by e2e/bundle-budget.spec.ts`,
      );
      continue;
    }
    const ok = kb <= BUDGET_KB;
    over ||= !ok;
    console.log(
      `bundle budget: /${route} first-load JS ${kb} kB gzip (budget ${BUDGET_KB} kB) ${ok ? 'ok' : 'OVER BUDGET'}`,
    );
  }
  if (over) {
    console.error(
      'First-load JavaScript grew past the budget. Trim the route or record a new budget with the reason.',
    );
    process.exit(1);
  }
}
