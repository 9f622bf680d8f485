// First-load JavaScript of the main routes, gzipped, against a budget measured and recorded here.
// Counts every chunk a route's prerendered HTML loads (script tags and the Turbopack runtime's list).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * kB gzip per route. Measured 2026-11-24: /policies 261, /applications 275, /audit 265, /token-inspector
 * 266 (React DOM 70, MSAL + Graph SDK + TanStack Query 83, more MSAL 26, Next runtime 44). The 250 kB
 * aim is missed by what MSAL needs on every page; raise only with a reason in the commit.
 */
export const BUDGET_KB = 285;
export const ROUTES = ['policies', 'applications', 'audit', 'token-inspector'];

/**
 * Pages render per request (for the CSP nonce, see proxy.ts), so there is no prerendered HTML to
 * read: the route's chunks are the build's root files plus every entry of its client manifest.
 */
function manifestChunks(distDir, route) {
  const manifest = join(
    distDir,
    'server',
    'app',
    '(dashboard)',
    route,
    'page_client-reference-manifest.js',
  );
  if (!existsSync(manifest)) return undefined;
  const scope = { __RSC_MANIFEST: {} };
  new Function('globalThis', readFileSync(manifest, 'utf8'))(scope);
  const entries = Object.values(scope.__RSC_MANIFEST)[0]?.entryJSFiles ?? {};
  const build = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
  return new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
}

function sizeKb(distDir, chunks) {
  let bytes = 0;
  for (const chunk of chunks) bytes += gzipSync(readFileSync(join(distDir, chunk))).length;
  return Math.round(bytes / 102.4) / 10;
}

export function firstLoadKb(distDir, route) {
  const htmlPath = join(distDir, 'server', 'app', `${route}.html`);
  if (!existsSync(htmlPath)) {
    const chunks = manifestChunks(distDir, route);
    return chunks && sizeKb(distDir, chunks);
  }
  const html = readFileSync(htmlPath, 'utf8');
  // Legacy polyfills load only in browsers without modules (noModule): not part of a modern first load.
  const legacy = new Set(
    [
      ...html.matchAll(/<script[^>]*src="\/_next\/(static\/chunks\/[\w\-.~]+\.js)"[^>]*noModule/gi),
    ].map((m) => m[1]),
  );
  const chunks = new Set(
    [...html.matchAll(/(?:\/_next\/)?(static\/chunks\/[\w\-.~]+\.js)/g)]
      .map((m) => m[1])
      .filter((c) => !legacy.has(c)),
  );
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
