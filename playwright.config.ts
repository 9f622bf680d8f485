import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';

// One demo tenant and one production build of the dashboard, both on loopback, for every spec.
// The build is started twice: in demo mode (quick-start endpoints, MSAL in OIDC mode) and in
// real-tenant mode against the demo tenant's Entra-shaped HTTPS endpoints (MSAL's default mode).
export const E2E_DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 4110);
export const E2E_DEMO_HTTPS_PORT = Number(process.env.E2E_DEMO_HTTPS_PORT ?? E2E_DEMO_PORT + 443);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3110);
export const E2E_ENTRA_APP_PORT = Number(process.env.E2E_ENTRA_APP_PORT ?? E2E_APP_PORT + 1);
const appOrigin = `http://localhost:${E2E_APP_PORT}`;
const entraAppOrigin = `http://localhost:${E2E_ENTRA_APP_PORT}`;
const entraAuthority = `https://localhost:${E2E_DEMO_HTTPS_PORT}`;
// Kept in step with demo-tenant/contracts.ts: the dashboard's app registration in the demo tenant.
const DEMO_TENANT_ID = '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const DEMO_DASHBOARD_CLIENT_ID = '5a1c0de0-0000-4000-8000-00000000da5b';

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
  projects: [
    { name: 'demo' },
    {
      // The main journeys (titles tagged @entra) as an admin with a real tenant would run them.
      name: 'entra',
      grep: /@entra/,
      use: { baseURL: entraAppOrigin, ignoreHTTPSErrors: true },
    },
  ],
  webServer: [
    {
      command: 'npx tsx demo-tenant/main.ts',
      url: `http://localhost:${E2E_DEMO_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DEMO_TENANT_PORT: String(E2E_DEMO_PORT),
        DEMO_TENANT_HTTPS_PORT: String(E2E_DEMO_HTTPS_PORT),
        DEMO_APP_ORIGIN: `${appOrigin},${entraAppOrigin}`,
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
    {
      command: `npx next start -p ${E2E_ENTRA_APP_PORT} -H 127.0.0.1`,
      url: `${entraAppOrigin}/redirect`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_DIST_DIR: '.next-e2e',
        NEXT_PUBLIC_ENTRA_CLIENT_ID: DEMO_DASHBOARD_CLIENT_ID,
        NEXT_PUBLIC_ENTRA_TENANT_ID: DEMO_TENANT_ID,
        NEXT_PUBLIC_ENTRA_AUTHORITY_HOST: entraAuthority,
        NEXT_PUBLIC_GRAPH_BASE_URL: `${entraAuthority}/v1.0`,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
