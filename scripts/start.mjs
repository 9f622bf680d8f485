// `npm start`: build if needed, start the demo tenant (unless a real tenant is configured) and the
// dashboard, print where to go and how to sign in, and stop both on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const port = process.env.PORT ?? '3000';
const demoPort = process.env.DEMO_TENANT_PORT ?? '4000';
const distDir = process.env.NEXT_DIST_DIR || '.next';
const realTenant = Boolean(
  process.env.NEXT_PUBLIC_ENTRA_CLIENT_ID && process.env.NEXT_PUBLIC_ENTRA_TENANT_ID,
);
const appOrigin = `http://localhost:${port}`;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: distDir,
  NEXT_PUBLIC_DEMO_TENANT_URL:
    process.env.NEXT_PUBLIC_DEMO_TENANT_URL ?? `http://localhost:${demoPort}`,
  DEMO_TENANT_PORT: demoPort,
  DEMO_APP_ORIGIN: process.env.DEMO_APP_ORIGIN ?? `${appOrigin},http://127.0.0.1:${port}`,
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const buildId = join(distDir, 'BUILD_ID');
const sources = Math.max(
  ...['app', 'components', 'lib'].map(newestSource),
  statSync('next.config.ts').mtimeMs,
  statSync('proxy.ts').mtimeMs,
);
// The tenant settings (NEXT_PUBLIC_ENTRA_*, NEXT_PUBLIC_GRAPH_BASE_URL) are read at run time:
// changing them needs a restart, not a rebuild.
if (
  !existsSync(buildId) ||
  statSync(buildId).mtimeMs < sources ||
  process.env.FORCE_BUILD === '1'
) {
  console.log('Building the dashboard (first start or changed sources)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];
const start = (name, command, args) => {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('exit', (code) => {
    console.log(`${name} stopped (${code ?? 'signal'}).`);
    stop(code ?? 0);
  });
  children.push(child);
};
const stop = (code = 0) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!realTenant) start('Demo tenant', 'npx', ['tsx', 'demo-tenant/main.ts']);
start('Dashboard', 'npx', ['next', 'start', '-p', port, '-H', process.env.HOST ?? '127.0.0.1']);

setTimeout(() => {
  console.log(`\n  Token lifetime policy dashboard: ${appOrigin}`);
  if (realTenant)
    console.log(`  Signing in to Entra tenant ${process.env.NEXT_PUBLIC_ENTRA_TENANT_ID}.`);
  else
    console.log(
      '  Demo tenant accounts: admin@contoso.demo / Admin-Demo-1 (writes), reader@contoso.demo / Reader-Demo-1 (reads)\n',
    );
}, 2500);
