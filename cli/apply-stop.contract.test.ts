// Ctrl-C during `apply --yes`, for real: the command runs against a demo tenant that answers slowly
// (each Graph request waits 1.5 s), is interrupted while its second step is in flight, and must
// finish that step, start no later one, say what was done and what was not, and leave the tenant
// exactly as it says. The signal goes to the process a terminal's Ctrl-C reaches first: with
// --demo that is the command that re-runs itself trusting the demo CA, which must pass it on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoTenant } from '../demo-tenant/server';
import { controls, definition, graphAs, startTestTenant } from '../demo-tenant/test-support/http';
import { start } from './test-run';

let tenant: DemoTenant;
beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant.close());

const NAMES = ['Stop test A', 'Stop test B', 'Stop test C', 'Stop test D'];

it('finishes the step in flight, starts no other, reports both, and the tenant matches the report', async () => {
  const demo = (extra: Record<string, string | undefined> = {}) => ({
    DEMO_TENANT_HTTPS_URL: tenant.httpsUrl,
    DEMO_TENANT_CA: tenant.caPath,
    NODE_EXTRA_CA_CERTS: tenant.caPath,
    ...extra,
  });
  const graph = await graphAs(tenant.url);
  const ids = new Map<string, string>();
  for (const name of NAMES) {
    const created = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: name,
      definition: definition('02:00:00'),
    });
    ids.set(name, created.body.id);
  }
  const baseline = join(mkdtempSync(join(tmpdir(), 'token-lifetimes-stop-')), 'baseline.json');
  const exported = await start(
    ['export', '--demo', '--as', 'json', '--out', baseline, '-q'],
    demo(),
  ).done;
  expect(exported.code).toBe(0);
  // Drift: all four now 3 h, so the plan has four steps, each setting one back to 2 h.
  for (const name of NAMES)
    await graph.patch(`/policies/tokenLifetimePolicies/${ids.get(name)}`, {
      definition: definition('03:00:00'),
    });
  await controls(tenant.url, { latencyMs: 1500 });

  // NODE_EXTRA_CA_CERTS unset: the command re-runs itself trusting the CA, as from a terminal.
  const running = start(
    ['apply', '--demo', '--baseline', baseline, '--yes'],
    demo({ NODE_EXTRA_CA_CERTS: undefined }),
  );
  await running.waitForLine(/Applying 2\/4: .*…/);
  running.child.kill('SIGINT');
  const result = await running.done;
  await controls(tenant.url, { latencyMs: 0 });

  expect(result.code).toBe(130);
  expect(result.stdout).toBe('');
  const err = result.stderr;
  expect(err).toContain('Ctrl-C: stopping after the step in flight');
  expect(err).not.toMatch(/Applying [34]\/4/);
  expect(err).toContain(
    'Stopped by Ctrl-C after the step in flight finished: 2 done, 0 failed, 0 skipped, 2 not run (of 4).',
  );
  expect(err).toMatch(/Stopped by Ctrl-C: the steps marked \[done\] were applied/);

  // What the output says, step by step…
  const reported = new Map<string, string>();
  for (const match of err.matchAll(/^\s*\[(done|not run)\] Change “(Stop test [A-D])”/gm))
    reported.set(match[2], match[1]);
  expect([...reported.values()].sort()).toEqual(['done', 'done', 'not run', 'not run']);
  // …is what the tenant holds: done → back to 2 h, not run → still 3 h.
  for (const name of NAMES) {
    const policy = (await graph.get(`/policies/tokenLifetimePolicies/${ids.get(name)}`)).body;
    expect(policy.definition[0], name).toContain(
      reported.get(name) === 'done' ? '"02:00:00"' : '"03:00:00"',
    );
  }
  // And the command's own read-back said the same: two differences remain.
  expect(err).toContain('Read back: 2 difference(s) remain');
}, 180_000);
