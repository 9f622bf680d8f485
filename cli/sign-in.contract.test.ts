// The command's two other sign-ins, run for real against a demo tenant's Entra-shaped endpoints:
// a certificate (pipelines: ENTRA_CERTIFICATE_PATH, msal-node's client assertion with x5t#S256) and
// a device code (a person: the message on stderr, approved in "a browser" — here the tenant's own
// pages driven over HTTP). Entra's answers they rely on are pinned in
// demo-tenant/entra/sign-in-credentials.contract.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClientCertificate } from '../demo-tenant/entra/client-certificate';
import type { DemoTenant } from '../demo-tenant/server';
import { approveDeviceCode } from '../demo-tenant/test-support/device-login';
import { startTestTenant } from '../demo-tenant/test-support/http';
import { start } from './test-run';

let tenant: DemoTenant;
// A tenant whose device codes expire after 2 s, for the code nobody approves.
let hurried: DemoTenant;

beforeAll(async () => {
  // Polling every second instead of Entra's 5 s: the tests wait for the protocol, not for a clock.
  [tenant, hurried] = await Promise.all([
    startTestTenant({ deviceCode: { intervalSeconds: 1 } }),
    startTestTenant({ deviceCode: { intervalSeconds: 1, lifetimeSeconds: 2 } }),
  ]);
});
afterAll(() => Promise.all([tenant.close(), hurried.close()]));

/** The tenant by environment, as a pipeline configures it (no --demo). */
const entra = (on: DemoTenant, clientId: string) => ({
  ENTRA_TENANT_ID: on.tenantId,
  ENTRA_CLIENT_ID: clientId,
  ENTRA_AUTHORITY_HOST: on.httpsUrl,
  GRAPH_BASE_URL: `${on.httpsUrl}/v1.0`,
  NODE_EXTRA_CA_CERTS: on.caPath,
  ENTRA_CLIENT_SECRET: undefined,
  ENTRA_CERTIFICATE_PATH: undefined,
});

describe('sign-in with a certificate', () => {
  it('audits with the certificate the app registration holds', async () => {
    const result = await start(['audit', '--format', 'json', '--quiet'], {
      ...entra(tenant, 'demo-certificate'),
      ENTRA_CERTIFICATE_PATH: tenant.clientCertificatePath,
    }).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(100);
  });

  it('with --demo, takes the demo tenant certificate client from --certificate', async () => {
    const result = await start(
      ['audit', '--demo', '--certificate', tenant.clientCertificatePath, '--format', 'json'],
      {
        DEMO_TENANT_HTTPS_URL: tenant.httpsUrl,
        DEMO_TENANT_CA: tenant.caPath,
        NODE_EXTRA_CA_CERTS: tenant.caPath,
      },
    ).done;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(100);
  });

  it('exits 3 with Entra’s reason and what to do when the certificate is not the app’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-lifetimes-cert-'));
    const wrong = join(dir, 'other.pem');
    writeFileSync(wrong, makeClientCertificate('not-registered').pem, { mode: 0o600 });
    const result = await start(['audit', '--format', 'json'], {
      ...entra(tenant, 'demo-certificate'),
      ENTRA_CERTIFICATE_PATH: wrong,
    }).done;
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^Sign-in failed: invalid_client: AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application\./,
    );
    expect(result.stderr).toContain('upload its public part under Certificates & secrets');
  });

  it('exits 2, before any sign-in, when the file holds no private key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-lifetimes-cert-'));
    const certOnly = join(dir, 'cert-only.pem');
    writeFileSync(certOnly, makeClientCertificate('no-key').certificate);
    const result = await start(['audit'], {
      ...entra(tenant, 'demo-certificate'),
      ENTRA_CERTIFICATE_PATH: certOnly,
    }).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must hold both the certificate and its private key');
  });
});

describe('sign-in with a device code', () => {
  it('prints the sign-in message on stderr only, and audits once the user approves', async () => {
    const running = start(
      ['audit', '--device-code', '--format', 'json'],
      entra(tenant, 'demo-cli'),
    );
    const [message, page, code] = await running.waitForLine(
      /To sign in, use a web browser to open the page (\S+) and enter the code ([A-Z]+) to authenticate\./,
    );
    expect(page).toBe(`${tenant.httpsUrl}/devicelogin`);
    const login = await approveDeviceCode(page, tenant.caPath, code, {
      email: 'reader@contoso.demo',
      password: 'Reader-Demo-1',
    });
    expect(login.final.text, login.steps.join('\n')).toContain('Signed in');
    const result = await running.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(message);
    // stdout is the result alone: JSON a pipeline can parse, nothing of the sign-in.
    const rows = JSON.parse(result.stdout) as Array<{ appId: string }>;
    expect(rows.length).toBeGreaterThan(100);
    expect(result.stdout).not.toContain('devicelogin');
  });

  it('with --demo, signs a person in to the demo tenant the same way', async () => {
    const running = start(['audit', '--demo', '--device-code', '--format', 'json', '--quiet'], {
      DEMO_TENANT_HTTPS_URL: tenant.httpsUrl,
      DEMO_TENANT_CA: tenant.caPath,
      NODE_EXTRA_CA_CERTS: tenant.caPath,
    });
    const [, page, code] = await running.waitForLine(
      /open the page (\S+) and enter the code ([A-Z]+)/,
    );
    await approveDeviceCode(page, tenant.caPath, code);
    const result = await running.done;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(100);
  });

  it('exits 3 and says what to do when nobody approves the code before it expires', async () => {
    const running = start(
      ['audit', '--device-code', '--format', 'json'],
      entra(hurried, 'demo-cli'),
    );
    await running.waitForLine(/enter the code [A-Z]+ to authenticate/);
    const result = await running.done;
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Sign-in failed: .*expired/i);
    expect(result.stderr).toContain('Nobody approved the device code before it expired');
  });
});
