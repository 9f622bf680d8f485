import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT, startupChunks, withCompileHint } from './compile-hints.mjs';

/** A build folder shaped as `next build` writes it (Next 16, Turbopack): two pages, one lazy chunk. */
function fakeBuild() {
  const dist = mkdtempSync(join(tmpdir(), 'hints-'));
  mkdirSync(join(dist, 'static', 'chunks'), { recursive: true });
  for (const name of ['root.js', 'layout.js', 'policies.js', 'audit.js', 'lazy-view.js'])
    writeFileSync(
      join(dist, 'static', 'chunks', name),
      `(globalThis.TURBOPACK||[]).push(["${name}"])`,
    );
  writeFileSync(
    join(dist, 'build-manifest.json'),
    JSON.stringify({ rootMainFiles: ['static/chunks/root.js'], polyfillFiles: [] }),
  );
  const page = (route: string, chunk: string) => {
    const dir = join(dist, 'server', 'app', '(dashboard)', route);
    mkdirSync(dir, { recursive: true });
    const manifest = {
      [`/(dashboard)/${route}/page`]: {
        entryJSFiles: {
          '[project]/app/(dashboard)/layout': ['static/chunks/layout.js'],
          [`[project]/app/(dashboard)/${route}/page`]: ['static/chunks/layout.js', chunk],
        },
      },
    };
    writeFileSync(
      join(dir, 'page_client-reference-manifest.js'),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(`/(dashboard)/${route}/page`)}] = ${JSON.stringify(manifest[`/(dashboard)/${route}/page`])};`,
    );
  };
  page('policies', 'static/chunks/policies.js');
  page('audit', 'static/chunks/audit.js');
  return dist;
}

describe('compile hints on the startup chunks', () => {
  it('finds the root files and every page’s entry files, not the chunks loaded later', () => {
    expect(startupChunks(fakeBuild())).toEqual([
      'static/chunks/audit.js',
      'static/chunks/layout.js',
      'static/chunks/policies.js',
      'static/chunks/root.js',
    ]);
  });

  it('puts the hint on the first line of those chunks only, once however often it runs', () => {
    const dist = fakeBuild();
    addCompileHints(dist);
    addCompileHints(dist);
    const read = (name: string) => readFileSync(join(dist, 'static', 'chunks', name), 'utf8');
    expect(read('policies.js')).toBe(
      `${COMPILE_HINT}\n(globalThis.TURBOPACK||[]).push(["policies.js"])`,
    );
    expect(read('lazy-view.js')).not.toContain(COMPILE_HINT);
  });

  it('moves a source map down the line it adds, plain or sectioned', () => {
    const plain = withCompileHint('code', { version: 3, mappings: 'AAAA;AACA', sources: [] });
    expect(plain.map).toMatchObject({ mappings: ';AAAA;AACA' });
    const sectioned = withCompileHint('code', {
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: { mappings: 'AAAA' } },
        { offset: { line: 7, column: 2 }, map: { mappings: 'AAAA' } },
      ],
    });
    expect(sectioned.map?.sections?.map((s: { offset: object }) => s.offset)).toEqual([
      { line: 1, column: 0 },
      { line: 8, column: 2 },
    ]);
    // Already hinted: nothing moves again.
    expect(withCompileHint(plain.source, plain.map).map).toBe(plain.map);
  });
});
