// First-load JavaScript of the main routes, gzipped, against a budget measured and recorded here.
// Counts every chunk a route's prerendered HTML loads (script tags and the Turbopack runtime's list).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * kB gzip per route. Measured 2026-11-24: /policies 293 kB (React DOM 70, Next runtime 44, MSAL +
 * Graph SDK 83, TanStack 26). The 250 kB aim is missed by MSAL alone; raise only with a reason.
 */
export const BUDGET_KB = 310;
export const ROUTES = ['policies', 'applications', 'audit', 'token-inspector'];

export function firstLoadKb(distDir, route) {
  const htmlPath = join(distDir, 'server', 'app', `${route}.html`);
  if (!existsSync(htmlPath)) return undefined;
  const html = readFileSync(htmlPath, 'utf8');
  const chunks = new Set([...html.matchAll(/(?:\/_next\/)?(static\/chunks\/[\w\-.~]+\.js)/g)].map((m) => m[1]));
  let bytes = 0;
  for (const chunk of chunks) bytes += gzipSync(readFileSync(join(distDir, chunk))).length;
  return Math.round(bytes / 102.4) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] ?? '.next';
  let over = false;
  for (const route of ROUTES) {
    const kb = firstLoadKb(distDir, route);
    if (kb === undefined) {
      console.log(`bundle budget: /${route} not prerendered, skipped`);
      continue;
    }
    const ok = kb <= BUDGET_KB;
    over ||= !ok;
    console.log(`bundle budget: /${route} first-load JS ${kb} kB gzip (budget ${BUDGET_KB} kB) ${ok ? 'ok' : 'OVER BUDGET'}`);
  }
  if (over) {
    console.error('First-load JavaScript grew past the budget. Trim the route or record a new budget with the reason.');
    process.exit(1);
  }
}
