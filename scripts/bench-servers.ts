// The production build and its demo tenant on the bench's own ports (3710/4710 unless
// BENCH_APP_PORT/BENCH_DEMO_PORT say otherwise), started as children the bench stops.
import { spawnSync } from 'node:child_process';
import { assertPortsFree, startChild, stopChildren, waitFor } from './bench-processes';

export const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3710);
export const DEMO_PORT = Number(process.env.BENCH_DEMO_PORT ?? 4710);
export const DEMO_HTTPS_PORT = DEMO_PORT + 443;
export const BENCH_PORTS = {
  app: APP_PORT,
  'demo tenant': DEMO_PORT,
  'demo tenant https': DEMO_HTTPS_PORT,
};
export const APP_URL = `http://localhost:${APP_PORT}`;
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;

const env = {
  ...process.env,
  NEXT_DIST_DIR: '.next-bench',
  NEXT_PUBLIC_DEMO_TENANT_URL: DEMO_URL,
  NEXT_PUBLIC_ENTRA_CLIENT_ID: '',
  NEXT_PUBLIC_ENTRA_TENANT_ID: '',
  NEXT_TELEMETRY_DISABLED: '1',
  DEMO_TENANT_PORT: String(DEMO_PORT),
  DEMO_TENANT_HTTPS_PORT: String(DEMO_HTTPS_PORT),
  DEMO_APP_ORIGIN: APP_URL,
  DEMO_FAULT_RATE: '0',
};

let built = false;
export function buildOnce(): boolean {
  if (built) return true;
  console.log('Building the dashboard (production, .next-bench)…');
  built = spawnSync('npm', ['run', 'build'], { env, stdio: 'ignore' }).status === 0;
  return built;
}

export interface TenantSettings {
  size?: number;
  latencyMs?: number;
}

/** Runs `use` with the app and a demo tenant up; stops both afterwards, whatever happens. */
export async function withServers<T>(
  settings: TenantSettings,
  measure: () => Promise<T>,
): Promise<T> {
  await assertPortsFree(BENCH_PORTS);
  const tenantEnv = {
    ...env,
    DEMO_LATENCY_MS: String(settings.latencyMs ?? 0),
    ...(settings.size ? { DEMO_TENANT_SIZE: String(settings.size) } : {}),
  };
  startChild('npx', ['tsx', 'demo-tenant/main.ts'], { env: tenantEnv });
  startChild('npx', ['next', 'start', '-p', String(APP_PORT), '-H', '127.0.0.1'], { env });
  try {
    await waitFor(`${DEMO_URL}/.well-known/openid-configuration`, 180_000);
    await waitFor(`${APP_URL}/redirect`);
    return await measure();
  } finally {
    stopChildren();
    // Let the ports go before the next run binds them again.
    await new Promise((r) => setTimeout(r, 1000));
  }
}
