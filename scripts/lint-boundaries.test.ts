// The layer rules of eslint.boundaries.mjs really fail lint (issue 15): each case lints a small
// file placed in the tree and expects the rule to fire, or stay quiet where the import is allowed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the layers', () => {
  it('lib/ may not import components/', async () => {
    expect(
      await rulesBroken(
        'lib/graph/example.ts',
        "export { Button } from '@/components/ui/button';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('components/ may not import app/', async () => {
    expect(
      await rulesBroken(
        'components/ui/example.tsx',
        "export { default } from '@/app/(dashboard)/policies/page';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('lib/policy imports only lib/policy', async () => {
    expect(
      await rulesBroken(
        'lib/policy/example.ts',
        "export { createGraphApi } from '@/lib/graph/client';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken('lib/policy/example.ts', "export { parseTimeSpan } from './timespan';\n"),
    ).toEqual([]);
  });

  it('lib/graph has no React', async () => {
    expect(
      await rulesBroken('lib/graph/example.ts', "export { useState } from 'react';\n"),
    ).toContain('no-restricted-imports');
  });

  it('a feature may not import another feature, but may import the shared folders', async () => {
    expect(
      await rulesBroken(
        'components/audit/example.tsx',
        "export { PolicyList } from '@/components/policies/policy-list';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken(
        'components/audit/example.tsx',
        "export { Button } from '@/components/ui/button';\n",
      ),
    ).toEqual([]);
  });

  describe('import cycles', () => {
    const folder = join(root, 'lib', `lint-cycle-fixture-${process.pid}`);
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('two files importing each other fail lint', async () => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(join(folder, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const [result] = await eslint.lintFiles([join(folder, 'a.ts')]);
      expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    });
  });
});
