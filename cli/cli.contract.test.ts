// The real command, as a pipeline runs it, against a demo tenant over its Entra-shaped HTTPS
// endpoints: exit codes, stdout kept for results, errors with Graph's code and request id.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../demo-tenant/server';
import {
  clientToken,
  definition,
  graphAs,
  startTestTenant,
} from '../demo-tenant/test-support/http';

let tenant: DemoTenant;
const BIN = join(__dirname, 'bin.mjs');

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await operator('POST', '/_demo/reset');
});

function operator(method: string, path: string, body?: unknown) {
  return fetch(`${tenant.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          ...process.env,
          NO_COLOR: '1',
          DEMO_TENANT_HTTPS_URL: tenant.httpsUrl,
          DEMO_TENANT_CA: tenant.caPath,
          NODE_EXTRA_CA_CERTS: tenant.caPath,
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe('token-lifetimes audit', () => {
  it('prints every app with its effective lifetime, as JSON on stdout only', async () => {
    const result = await run(['audit', '--demo', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.find((r) => r.appId === '00000007-0000-0000-c000-000000000000')).toMatchObject({
      displayName: 'Common Data Service',
      seconds: 18000,
      setBy: 'policy on the service principal',
      policy: 'Dataverse integrations (5 h)',
      auditClass: 'extended',
    });
    // Client-only, holding the 2 h policy: no token is issued for it, so the policy has no effect.
    expect(rows.find((r) => r.displayName === 'Nightly export script')).toMatchObject({
      auditClass: 'no-effect',
    });
  });

  it('writes formula-safe CSV', async () => {
    const result = await run(['audit', '--demo', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFappId,displayName,lifetime')).toBe(true);
    expect(result.stdout).not.toMatch(/\n=/);
  });

  it('exits 1 with a one-line summary above a threshold, 0 below it', async () => {
    const over = await run([
      'audit',
      '--demo',
      '--fail-above',
      '8h',
      '--quiet',
      '--format',
      'json',
    ]);
    expect(over.code).toBe(1);
    expect(over.stderr.trim().split('\n')).toHaveLength(1);
    expect(over.stderr).toMatch(/longer than 8 h; longest: "Contoso Reporting API"/);
    expect(JSON.parse(over.stdout).length).toBeGreaterThan(100);
    const under = await run(['audit', '--demo', '--fail-above', '23:59:59', '--format', 'json']);
    expect(under.code).toBe(0);
  });

  it('exits 1 on findings: retired settings and links that have no effect', async () => {
    const result = await run(['audit', '--demo', '--fail-on', 'findings', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Legacy session policy"');
  });

  it.each([
    [['audit', '--demo', '--fail-above', 'banana'], /--fail-above: "banana" is not a duration/],
    [['audit', '--demo', '--format', 'xml'], /Allowed choices are table, json, csv/],
    [['audit', '--bogus'], /unknown option '--bogus'/],
    [['audit'], /--tenant and --client-id/],
    [['audit', '--demo', '--fail-on', 'everything'], /--fail-on takes 'findings'/],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 3 when sign-in fails (wrong secret)', async () => {
    const result = await run(['audit'], {
      ENTRA_TENANT_ID: tenant.tenantId,
      ENTRA_CLIENT_ID: 'demo-reader',
      ENTRA_CLIENT_SECRET: 'not-the-secret',
      ENTRA_AUTHORITY_HOST: tenant.httpsUrl,
      GRAPH_BASE_URL: `${tenant.httpsUrl}/v1.0`,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^Sign-in failed: invalid_client/);
  });

  it('exits 4 with code, message and request id when Graph refuses', async () => {
    await operator('POST', '/_demo/faults', {
      method: 'GET',
      path: '/policies/tokenLifetimePolicies',
      count: 1,
      outcome: {
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges.',
      },
    });
    const result = await run(['audit', '--demo']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /403 Authorization_RequestDenied: Insufficient privileges\. \(request id [0-9a-f-]{36}\)/,
    );
  });

  it('rides out throttling (429 with Retry-After) and still prints the whole result', async () => {
    await operator('POST', '/_demo/faults', {
      method: 'GET',
      path: '/servicePrincipals',
      count: 2,
      outcome: { status: 429, code: 'TooManyRequests', retryAfter: 1 },
    });
    const result = await run(['audit', '--demo', '--format', 'json']);
    expect(result.code).toBe(0);
    // Both throttled answers were really given (the rules are used up), and retried past.
    const { faults } = (await (await operator('GET', '/_demo/faults')).json()) as {
      faults: unknown[];
    };
    expect(faults).toEqual([]);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(100);
  });
});

describe('token-lifetimes inspect', () => {
  it('decodes a token from stdin and compares it with the effective policy', async () => {
    const { body } = await clientToken(tenant.url, '00000007-0000-0000-c000-000000000000/.default');
    const result = await run(['inspect', '-', '--demo', '--format', 'json'], {}, body.access_token);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'access',
      version: '1.0',
      audience: '00000007-0000-0000-c000-000000000000',
      lifetimeSeconds: 18000,
      verdict: 'match',
      effectivePolicy: 'Dataverse integrations (5 h)',
    });
  });

  it('refuses a paste that is not a token with exit 2', async () => {
    const result = await run(['inspect', 'not-a-token']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Not a token I can read/);
  });

  it('has help with examples on every command', async () => {
    for (const command of ['audit', 'inspect']) {
      const result = await run([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
    }
  });
});

describe('token-lifetimes export, plan and apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-lifetimes-'));
  const baselinePath = join(dir, 'baseline.json');

  it('exports, sees a change made since as drift, applies the baseline and reads back no drift', async () => {
    const exported = await run(['export', '--demo', '--as', 'json', '--out', baselinePath, '-q']);
    expect(exported.code).toBe(0);
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
    expect(baseline.policies.length).toBeGreaterThan(3);

    // Someone changes the tenant: the Dataverse policy becomes 9 h.
    const graph = await graphAs(tenant.url);
    const dataverse = (await graph.get('/policies/tokenLifetimePolicies')).body.value.find(
      (p: { displayName: string }) => p.displayName === 'Dataverse integrations (5 h)',
    );
    expect(
      (
        await graph.patch(`/policies/tokenLifetimePolicies/${dataverse.id}`, {
          definition: definition('09:00:00'),
        })
      ).status,
    ).toBe(204);

    const plan = await run(['plan', '--demo', '--baseline', baselinePath, '--fail-on-drift']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('Change “Dataverse integrations (5 h)”: lifetime 9 h → 5 h');
    expect(plan.stdout).toMatch(
      /Common Data Service \(00000007-0000-0000-c000-000000000000\): 9 h → 5 h/,
    );

    // Without --yes and without a terminal, apply asks nothing and changes nothing.
    const refused = await run(['apply', '--demo', '--baseline', baselinePath]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    const still = (await graph.get(`/policies/tokenLifetimePolicies/${dataverse.id}`)).body;
    expect(still.definition[0]).toContain('09:00:00');

    const applied = await run(['apply', '--demo', '--baseline', baselinePath, '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('[done] Change “Dataverse integrations (5 h)”');
    expect(applied.stderr).toContain('Read back: the tenant now matches the baseline (no drift).');
    const after = (await graph.get(`/policies/tokenLifetimePolicies/${dataverse.id}`)).body;
    expect(after.definition[0]).toContain('05:00:00');
    const again = await run(['plan', '--demo', '--baseline', baselinePath, '--fail-on-drift']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No drift');
    // Six runs of the command, one after another: a journey, not a unit.
  }, 180_000);

  it('refuses a bad baseline item by item with exit 2, planning nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schema: 'token-lifetime-policies-baseline',
        version: 1,
        policies: [
          {
            displayName: 'Too long',
            accessTokenLifetime: '24:00:00',
            isOrganizationDefault: false,
            links: [],
          },
        ],
      }),
    );
    const result = await run(['plan', '--demo', '--baseline', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Problem: .*Too long/);
    expect(result.stdout).toBe('');
    writeFileSync(bad, 'not json');
    const notJson = await run(['plan', '--demo', '--baseline', bad]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('The file is not JSON');
  });

  it('writes an idempotent PowerShell script and a Microsoft365DSC configuration', async () => {
    const script = await run(['export', '--demo', '--as', 'powershell']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('Connect-MgGraph');
    expect(script.stdout).toContain("'Dataverse integrations (5 h)'");
    const dsc = await run(['export', '--demo', '--as', 'dsc']);
    expect(dsc.code).toBe(0);
    expect(dsc.stdout).toContain('AADTokenLifetimePolicy');
  });
});
