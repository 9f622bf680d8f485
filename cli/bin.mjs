#!/usr/bin/env node
// `token-lifetimes`: runs the TypeScript sources through tsx (a dependency), so a checkout needs no
// build step. The project's tsconfig is named so its paths resolve from any working directory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: join(root, 'tsconfig.json') });
await import('./main.ts');
