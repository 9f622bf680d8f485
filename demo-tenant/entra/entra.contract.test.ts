// The demo tenant's Entra-shaped HTTPS endpoints, driven by a client nobody here wrote: msal-node in
// its default protocol mode, finding everything by discovery (no hand-written metadata), trusting
// only the tenant's own CA. Paths and answers follow Microsoft identity platform's OpenID Connect
// and access token documentation, and msal-common's instance discovery.
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../contracts';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import { claimsOf, clientToken, startTestTenant } from '../test-support/http';
import { httpsClient } from '../test-support/https';

let tenant: DemoTenant;
let https: ReturnType<typeof httpsClient>;
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

beforeAll(async () => {
  tenant = await startTestTenant();
  https = httpsClient(tenant.caPath);
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
});

/**
 * msal-node's network through the tenant's CA. MSAL asks Microsoft's global instance discovery
 * endpoint about any authority host it does not know; here that one URL is answered by the demo
 * tenant, as a DNS override would, so the whole discovery path runs.
 */
function networkThroughDemoTenant(seen: string[]): INetworkModule {
  const send = async (method: 'GET' | 'POST', url: string, headers = {}, body?: string) => {
    const target = url.replace(
      'https://login.microsoftonline.com/common/discovery/instance',
      `${tenant.httpsUrl}/common/discovery/instance`,
    );
    seen.push(`${method} ${new URL(target).pathname}`);
    const answer = await https(target, { method, headers, body });
    const flat = Object.fromEntries(
      Object.entries(answer.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    ) as Record<string, string>;
    return { status: answer.status, headers: flat, body: answer.json() };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options?.headers),
    sendPostRequestAsync: (url, options) => send('POST', url, options?.headers, options?.body),
  };
}

describe('Entra-shaped discovery', () => {
  it('publishes the v2.0 discovery document below the tenant, with Entra issuer and paths', async () => {
    const answer = await https(
      `${tenant.httpsUrl}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`,
    );
    expect(answer.status).toBe(200);
    const doc = answer.json();
    expect(doc.issuer).toBe(`${tenant.httpsUrl}/${DEMO_TENANT_ID}/v2.0`);
    expect(doc.authorization_endpoint).toBe(
      `${tenant.httpsUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`,
    );
    expect(doc.token_endpoint).toBe(`${tenant.httpsUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/token`);
    expect(doc.end_session_endpoint).toBe(
      `${tenant.httpsUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/logout`,
    );
    expect(doc.jwks_uri).toBe(`${tenant.httpsUrl}/${DEMO_TENANT_ID}/discovery/v2.0/keys`);
    const keys = (await https(doc.jwks_uri)).json();
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA' });
    // The tenant's verified domain finds the same document, as in Entra.
    const byDomain = await https(
      `${tenant.httpsUrl}/contoso.demo/v2.0/.well-known/openid-configuration`,
    );
    expect(byDomain.json().issuer).toBe(doc.issuer);
  });

  it('answers an unknown tenant as Entra does (AADSTS90002)', async () => {
    const answer = await https(
      `${tenant.httpsUrl}/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json().error_description).toMatch(/^AADSTS90002/);
  });

  it('answers instance discovery for its own host and refuses another (AADSTS50049)', async () => {
    const own = await https(
      `${tenant.httpsUrl}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${tenant.httpsUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`)}`,
    );
    expect(own.status).toBe(200);
    const host = new URL(tenant.httpsUrl).host;
    expect(own.json()).toMatchObject({
      tenant_discovery_endpoint: `${tenant.httpsUrl}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`,
      metadata: [{ preferred_network: host, aliases: [host] }],
    });
    const other = await https(
      `${tenant.httpsUrl}/common/discovery/instance?api-version=1.1&authorization_endpoint=https://evil.example/x/oauth2/v2.0/authorize`,
    );
    expect(other.status).toBe(400);
    expect(other.json().error).toBe('invalid_instance');
  });
});

describe('msal-node against the demo tenant, as against Entra', () => {
  it('gets a Graph token by client credentials through discovery, and Graph accepts it', async () => {
    const seen: string[] = [];
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: 'demo-automation',
        clientSecret: 'demo-automation-secret',
        authority: `${tenant.httpsUrl}/${DEMO_TENANT_ID}`,
      },
      system: { networkClient: networkThroughDemoTenant(seen) },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
    expect(result?.accessToken).toBeTruthy();
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /common/discovery/instance',
        `GET /${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`,
        `POST /${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      ]),
    );
    // A v1.0 token for Microsoft Graph, as Entra issues it.
    expect(claimsOf(result!.accessToken)).toMatchObject({
      iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      aud: 'https://graph.microsoft.com',
      appid: 'demo-automation',
      appidacr: '1',
      ver: '1.0',
      tid: DEMO_TENANT_ID,
      idtyp: 'app',
    });
    expect(claimsOf(result!.accessToken)).not.toHaveProperty('azp');
    const policies = await https(`${tenant.httpsUrl}/v1.0/policies/tokenLifetimePolicies`, {
      headers: { Authorization: `Bearer ${result!.accessToken}` },
    });
    expect(policies.status).toBe(200);
    expect(policies.json().value.length).toBeGreaterThan(0);
  });

  it('refuses a client-credentials scope without /.default, in both dialects (AADSTS1002012)', async () => {
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: 'demo-automation',
        clientSecret: 'demo-automation-secret',
        authority: `${tenant.httpsUrl}/${DEMO_TENANT_ID}`,
      },
      system: { networkClient: networkThroughDemoTenant([]) },
    });
    await expect(
      app.acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/Policy.Read.All'],
      }),
    ).rejects.toMatchObject({ errorCode: 'invalid_scope' });
    const quickStart = await clientToken(tenant.url, 'https://graph.microsoft.com/Policy.Read.All');
    expect(quickStart.status).toBe(400);
    expect(quickStart.body.error).toBe('invalid_scope');
  });
});

describe('token versions follow the resource', () => {
  it('gives v2.0 tokens for an app that asks for them, v1.0 for the others', async () => {
    const v2 = await clientToken(tenant.url, `${SEEDED.apps.reportingApi.appId}/.default`);
    expect(claimsOf(v2.body.access_token)).toMatchObject({
      iss: `${tenant.httpsUrl}/${DEMO_TENANT_ID}/v2.0`,
      aud: SEEDED.apps.reportingApi.appId,
      azp: 'demo-automation',
      azpacr: '1',
      ver: '2.0',
    });
    const v1 = await clientToken(tenant.url, `${SEEDED.apps.ordersApi.appId}/.default`);
    expect(claimsOf(v1.body.access_token)).toMatchObject({
      iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      aud: SEEDED.apps.ordersApi.appId,
      ver: '1.0',
    });
    expect(claimsOf(v1.body.access_token)).not.toHaveProperty('scope');
  });

  it('lets Graph over HTTPS page with nextLinks on its own https origin', async () => {
    const { body } = await clientToken(tenant.url, GRAPH_DEFAULT);
    const page = await https(`${tenant.httpsUrl}/v1.0/servicePrincipals?$top=5`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect(page.status).toBe(200);
    expect(page.json()['@odata.nextLink']).toMatch(new RegExp(`^${tenant.httpsUrl}/v1.0/`));
  });
});
