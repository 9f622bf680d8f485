import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';

// One demo tenant and one production build of the dashboard, both on loopback, for every spec.
export const E2E_DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 4110);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3110);
const appOrigin = `http://localhost:${E2E_APP_PORT}`;

export default defineConfig({
  testDir: './e2e',
  // Two cores: one browser at a time keeps timings honest and the tenant's state predictable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: appOrigin,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: 'npx tsx demo-tenant/main.ts',
      url: `http://localhost:${E2E_DEMO_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DEMO_TENANT_PORT: String(E2E_DEMO_PORT),
        DEMO_APP_ORIGIN: appOrigin,
        DEMO_LATENCY_MS: '0',
        DEMO_FAULT_RATE: '0',
      },
    },
    {
      command: `npx next start -p ${E2E_APP_PORT} -H 127.0.0.1`,
      url: `${appOrigin}/redirect`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_DIST_DIR: '.next-e2e',
        NEXT_PUBLIC_DEMO_TENANT_URL: `http://localhost:${E2E_DEMO_PORT}`,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
