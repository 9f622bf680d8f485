// lib/policy is the pure domain: the UI, the CLI and the demo tenant import it, never the reverse,
// and it carries no React, MSAL or Graph client (STYLE.md). Read from the files themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = __dirname;
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function importsOf(file: string): string[] {
  const text = readFileSync(join(here, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('lib/policy imports', () => {
  it('finds the engine files', () => {
    expect(sources).toEqual(expect.arrayContaining(['resolve.ts', 'precedence.ts', 'rules.ts']));
  });
  it.each(sources)('%s imports only its siblings', (file) => {
    const outside = importsOf(file).filter((spec) => !spec.startsWith('./'));
    expect(outside).toEqual([]);
  });
});
