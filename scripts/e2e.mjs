// `npm run test:e2e`: build the dashboard for the e2e demo tenant, then run Playwright against both.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.mjs';

const browser = chromiumPath();
if (!browser) {
  console.error(
    'No Chromium found for the end-to-end tests.\n' +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium or Chrome binary.\n' +
      "(Playwright's own browser download is not used by this project.)",
  );
  process.exit(1);
}

const demoPort = process.env.E2E_DEMO_PORT ?? '4110';
const env = {
  ...process.env,
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_PUBLIC_DEMO_TENANT_URL: `http://localhost:${demoPort}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // Real Entra settings must not leak into the tests: they run against the demo tenant.
  NEXT_PUBLIC_ENTRA_CLIENT_ID: '',
  NEXT_PUBLIC_ENTRA_TENANT_ID: '',
};

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', 'build']);
run('node', ['scripts/check-bundle-budget.mjs', '.next-e2e']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
