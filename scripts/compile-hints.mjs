// After `next build`: marks the chunks pages run at startup with V8's explicit compile hint, the
// magic comment `//# allFunctionsCalledOnLoad` (Chrome 136+, https://v8.dev/blog/explicit-compile-hints).
// Without it V8 compiles each function on the main thread the first time it is called: React DOM,
// the Next runtime, MSAL and TanStack Query cost 60-100 ms of compiling there while the page
// starts (Lighthouse traces on this machine). With it, Chrome compiles them eagerly on the thread
// that streams the script in, before it runs. Other browsers read a comment.
// V8 advises the hint only for code that runs on load, so only the chunks a page loads at startup
// get it (the build manifest's root files and every page's entry files); chunks loaded later
// (views after first paint, dialogs, the Graph SDK) keep lazy compilation. Turbopack has no
// plugin that writes a banner, hence this step, run by `npm run build`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Every page's client reference manifest under server/app. */
function clientManifests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...clientManifests(path));
    else if (entry.name.endsWith('_client-reference-manifest.js')) found.push(path);
  }
  return found;
}

/** The chunks some page loads at startup, as paths relative to distDir ("static/chunks/x.js"). */
export function startupChunks(distDir) {
  const chunks = new Set(
    JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')).rootMainFiles ?? [],
  );
  for (const file of clientManifests(join(distDir, 'server', 'app'))) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST; run it in a sandbox of its own.
    const sandbox = { globalThis: {} };
    sandbox.self = sandbox.globalThis;
    runInNewContext(readFileSync(file, 'utf8'), sandbox);
    for (const manifest of Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {}))
      for (const files of Object.values(manifest.entryJSFiles ?? {}))
        for (const chunk of files) chunks.add(chunk);
  }
  return [...chunks].filter((chunk) => /^static\/chunks\/[\w\-.~]+\.js$/.test(chunk)).sort();
}

/**
 * The chunk with the hint as its first line. Its source map, when the build writes one, moves
 * down a line with it: a leading ";" in `mappings` is one more generated line; an index map's
 * sections move by their offset.
 */
export function withCompileHint(source, map) {
  if (source.startsWith(COMPILE_HINT)) return { source, map };
  let shifted = map;
  if (map?.sections)
    shifted = {
      ...map,
      sections: map.sections.map((s) => ({
        ...s,
        offset: { ...s.offset, line: s.offset.line + 1 },
      })),
    };
  else if (map) shifted = { ...map, mappings: `;${map.mappings}` };
  return { source: `${COMPILE_HINT}\n${source}`, map: shifted };
}

export function addCompileHints(distDir) {
  const chunks = startupChunks(distDir);
  for (const chunk of chunks) {
    const path = join(distDir, chunk);
    const mapPath = `${path}.map`;
    const map = existsSync(mapPath) ? JSON.parse(readFileSync(mapPath, 'utf8')) : undefined;
    const hinted = withCompileHint(readFileSync(path, 'utf8'), map);
    writeFileSync(path, hinted.source);
    if (map) writeFileSync(mapPath, JSON.stringify(hinted.map));
  }
  return chunks;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const chunks = addCompileHints(distDir);
  console.log(`compile hints: ${chunks.length} startup chunks of ${distDir} marked`);
}
