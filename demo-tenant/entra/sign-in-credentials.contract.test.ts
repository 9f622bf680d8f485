// The two sign-ins of the command line besides a secret, on the Entra-shaped endpoints, as Entra
// answers them:
// - a certificate credential (private_key_jwt): msal-node signs a client assertion naming its
//   certificate by `x5t#S256` (PS256) or `x5t` (RS256); a certificate the app does not have, or a
//   signature its key did not make, is AADSTS700027 `invalid_client` (Microsoft identity platform
//   "application authentication certificate credentials"; AADSTS700027 as quoted on Microsoft Q&A);
// - the device authorization grant: /devicecode answers user_code, device_code, verification_uri,
//   expires_in, interval and message; polling answers authorization_pending (AADSTS70016) until the
//   user approves, expired_token (AADSTS70019) after expires_in (Microsoft identity platform "OAuth
//   2.0 device authorization grant flow"; "authentication and authorization error codes").
import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { readFileSync } from 'node:fs';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../contracts';
import type { DemoTenant } from '../server';
import { approveDeviceCode } from '../test-support/device-login';
import { claimsOf, startTestTenant } from '../test-support/http';
import { httpsClient } from '../test-support/https';
import { makeClientCertificate, readClientCertificate, thumbprintsOf } from './client-certificate';

let tenant: DemoTenant;
let https: ReturnType<typeof httpsClient>;
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const keyOf = (pem: string) =>
  /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)![0];

beforeAll(async () => {
  // Polls every second: the tests wait for the protocol, not for Entra's 5 s interval.
  tenant = await startTestTenant({ deviceCode: { intervalSeconds: 1 } });
  https = httpsClient(tenant.caPath);
});
afterAll(() => tenant.close());

const authority = () => `${tenant.httpsUrl}/${DEMO_TENANT_ID}`;
const tokenUrl = () => `${authority()}/oauth2/v2.0/token`;
const network = () => ({
  sendGetRequestAsync: async (url: string, options?: { headers?: Record<string, string> }) => {
    const answer = await https(url, { headers: options?.headers });
    return { status: answer.status, headers: {}, body: answer.json() };
  },
  sendPostRequestAsync: async (
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ) => {
    const answer = await https(url, {
      method: 'POST',
      headers: options?.headers,
      body: options?.body,
    });
    return { status: answer.status, headers: {}, body: answer.json() };
  },
});

function certificateApp(pem: string, thumbprint: { sha256?: string; sha1?: string }) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: 'demo-certificate',
      authority: authority(),
      knownAuthorities: [new URL(tenant.httpsUrl).host],
      clientCertificate: {
        ...(thumbprint.sha256
          ? { thumbprintSha256: thumbprint.sha256 }
          : { thumbprint: thumbprint.sha1! }),
        privateKey: keyOf(pem),
      },
    },
    system: { networkClient: network() },
  });
}

describe('certificate credential (private_key_jwt)', () => {
  it('gives the certificate client an app-only Graph token, by SHA-256 (x5t#S256) or SHA-1 (x5t) thumbprint', async () => {
    const pem = readFileSync(tenant.clientCertificatePath, 'utf8');
    const known = readClientCertificate(tenant.clientCertificatePath)!;
    for (const thumbprint of [{ sha256: known.thumbprintSha256 }, { sha1: known.thumbprintSha1 }]) {
      const result = await certificateApp(pem, thumbprint).acquireTokenByClientCredential({
        scopes: [GRAPH_DEFAULT],
      });
      const claims = claimsOf(result!.accessToken);
      expect(claims).toMatchObject({
        aud: 'https://graph.microsoft.com',
        appid: 'demo-certificate',
        idtyp: 'app',
        roles: ['Policy.Read.All', 'Application.Read.All'],
      });
    }
  });

  it('refuses a certificate the app does not have with AADSTS700027, naming its thumbprint', async () => {
    const other = makeClientCertificate('someone-else');
    const otherThumbprint = thumbprintsOf(other.certificate).thumbprintSha256;
    const error = await certificateApp(other.pem, { sha256: otherThumbprint })
      .acquireTokenByClientCredential({
        scopes: [GRAPH_DEFAULT],
      })
      .then(
        () => undefined,
        (e: { errorCode?: string; errorMessage?: string }) => e,
      );
    expect(error?.errorCode).toBe('invalid_client');
    expect(error?.errorMessage).toMatch(
      new RegExp(
        `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application\\. \\[Reason - The key was not found\\., Thumbprint of key used by client: '${otherThumbprint}'`,
      ),
    );
  });

  it('refuses an assertion that names the right certificate but was signed with another key', async () => {
    const known = readClientCertificate(tenant.clientCertificatePath)!;
    const other = makeClientCertificate('forger');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({
        alg: 'PS256',
        typ: 'JWT',
        'x5t#S256': Buffer.from(known.thumbprintSha256, 'hex').toString('base64url'),
      })
      .setIssuer('demo-certificate')
      .setSubject('demo-certificate')
      .setAudience(tokenUrl())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 600)
      .sign(await importPKCS8(keyOf(other.pem), 'PS256'));
    const answer = await https(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo-certificate',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: GRAPH_DEFAULT,
      }).toString(),
    });
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({
      error: 'invalid_client',
      error_codes: [700027],
      error_description: expect.stringMatching(
        /^AADSTS700027: Client assertion contains an invalid signature\./,
      ),
    });
  });
});

async function deviceCode(
  scope = 'https://graph.microsoft.com/Policy.Read.All openid profile offline_access',
) {
  const answer = await https(`${authority()}/oauth2/v2.0/devicecode`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'demo-cli', scope }).toString(),
  });
  return answer;
}

function poll(code: string) {
  return https(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: 'demo-cli',
      device_code: code,
    }).toString(),
  });
}

describe('device authorization grant', () => {
  it('answers /devicecode with exactly the fields Entra gives, and its message names the page and code', async () => {
    const answer = await deviceCode();
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(Object.keys(body).sort()).toEqual(
      ['device_code', 'expires_in', 'interval', 'message', 'user_code', 'verification_uri'].sort(),
    );
    expect(body).toMatchObject({
      verification_uri: `${tenant.httpsUrl}/devicelogin`,
      expires_in: 900,
      interval: 1,
      user_code: expect.stringMatching(/^[A-Z]{8}$/),
    });
    expect(body.message).toBe(
      `To sign in, use a web browser to open the page ${tenant.httpsUrl}/devicelogin and enter the code ${body.user_code} to authenticate.`,
    );
  });

  it('says authorization_pending until the user approves on the login page, then issues their token', async () => {
    const issued = (await deviceCode()).json();
    const pending = await poll(issued.device_code);
    expect(pending.status).toBe(400);
    expect(pending.json()).toMatchObject({
      error: 'authorization_pending',
      error_codes: [70016],
      error_description: expect.stringMatching(/^AADSTS70016: /),
    });

    const login = await approveDeviceCode(issued.verification_uri, tenant.caPath, issued.user_code);
    expect(login.final.text, login.steps.join('\n')).toContain('Signed in');

    const granted = await poll(issued.device_code);
    expect(granted.status).toBe(200);
    const claims = claimsOf(granted.json().access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      appid: 'demo-cli',
      idtyp: 'user',
      preferred_username: 'admin@contoso.demo',
    });
    expect(String(claims.scp).split(' ')).toContain('Policy.Read.All');
    // Used once: polling again with the same code gets nothing more.
    expect((await poll(issued.device_code)).status).toBe(400);
  });

  it('refuses a wrong code on the page and keeps the device waiting', async () => {
    const issued = (await deviceCode()).json();
    const login = await approveDeviceCode(issued.verification_uri, tenant.caPath, 'BBBBBBBB');
    expect(login.final.text).toContain('That code is not right');
    expect((await poll(issued.device_code)).json().error).toBe('authorization_pending');
  });

  it('works through msal-node, which polls until the user approves', async () => {
    const app = new PublicClientApplication({
      auth: {
        clientId: 'demo-cli',
        authority: authority(),
        knownAuthorities: [new URL(tenant.httpsUrl).host],
      },
      system: { networkClient: network() },
    });
    let approval: Promise<unknown> | undefined;
    const result = await app.acquireTokenByDeviceCode({
      scopes: ['https://graph.microsoft.com/Policy.Read.All'],
      deviceCodeCallback: (response) => {
        approval = approveDeviceCode(response.verificationUri, tenant.caPath, response.userCode, {
          email: 'reader@contoso.demo',
          password: 'Reader-Demo-1',
        });
      },
    });
    await approval;
    expect(result?.account?.username).toBe('reader@contoso.demo');
    expect(claimsOf(result!.accessToken).aud).toBe('https://graph.microsoft.com');
  });
});

describe('an expired device code', () => {
  let short: DemoTenant;
  beforeAll(async () => {
    short = await startTestTenant({ deviceCode: { lifetimeSeconds: 2, intervalSeconds: 1 } });
  });
  afterAll(() => short.close());

  it('is expired_token (AADSTS70019) once expires_in has passed, and can no longer be approved', async () => {
    const shortHttps = httpsClient(short.caPath);
    const send = (path: string, form: Record<string, string>) =>
      shortHttps(`${short.httpsUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const issued = (
      await send('devicecode', { client_id: 'demo-cli', scope: 'openid profile' })
    ).json();
    expect(issued.expires_in).toBe(2);
    const form = {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: 'demo-cli',
      device_code: issued.device_code,
    };
    // Poll at the given interval, as a client does, until the answer is no longer "pending".
    let answer = await send('token', form);
    const deadline = Date.now() + 10_000;
    while (answer.json().error === 'authorization_pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, issued.interval * 1000));
      answer = await send('token', form);
    }
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({
      error: 'expired_token',
      error_codes: [70019],
      error_description: 'AADSTS70019: Verification code expired.',
    });
    const late = await approveDeviceCode(issued.verification_uri, short.caPath, issued.user_code);
    expect(late.final.text).toContain('That code has expired');
  });
});
