// The OpenID provider over real HTTP: discovery, client credentials, authorization code + PKCE,
// and token lifetimes that follow the effective policy of the resource.
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DASHBOARD_CLIENT_ID } from '../contracts';
import { SEEDED } from '../directory/seed';
import type { DemoTenant } from '../server';
import {
  claimsOf,
  clientToken,
  definition,
  graphClient,
  startTestTenant,
} from '../test-support/http';
import { createGraphTokenVerifier } from './verifier';

let tenant: DemoTenant;
const CDS = '00000007-0000-0000-c000-000000000000';

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant.close());
beforeEach(async () => {
  await fetch(`${tenant.url}/_demo/reset`, { method: 'POST' });
});

describe('discovery and client credentials', () => {
  it('listens on loopback only by default', () => {
    expect(tenant.address).toBe('127.0.0.1');
  });

  it('publishes discovery and JWKS', async () => {
    const discovery = await (await fetch(`${tenant.url}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(tenant.url);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('gives the automation client a Graph token with all seven roles, and the reader client only reads', async () => {
    const automation = await clientToken(tenant.url, 'https://graph.microsoft.com/.default');
    expect(automation.status).toBe(200);
    expect(claimsOf(automation.body.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
    });
    expect([...(claimsOf(automation.body.access_token).roles as string[])].sort()).toEqual(
      [
        'Application.Read.All',
        'Application.ReadWrite.All',
        'AuditLog.Read.All',
        'Directory.Read.All',
        'Policy.Read.All',
        'Policy.ReadWrite.ApplicationConfiguration',
        'Policy.ReadWrite.ConditionalAccess',
      ].sort(),
    );
    const reader = await clientToken(
      tenant.url,
      'https://graph.microsoft.com/.default',
      'demo-reader',
    );
    expect(claimsOf(reader.body.access_token).roles).toEqual([
      'Policy.Read.All',
      'Application.Read.All',
    ]);
  });

  it('refuses a wrong secret', async () => {
    const response = await clientToken(
      tenant.url,
      'https://graph.microsoft.com/.default',
      'demo-automation',
      'wrong',
    );
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
  });

  it('issues tokens for any API of the directory by appId or identifier URI', async () => {
    const byAppId = await clientToken(tenant.url, `${CDS}/.default`);
    expect(claimsOf(byAppId.body.access_token).aud).toBe(CDS);
    // A v1.0 token (the Orders API does not ask for v2) names the resource as it was requested.
    const byUri = await clientToken(tenant.url, 'api://contoso-orders/.default');
    expect(claimsOf(byUri.body.access_token)).toMatchObject({
      aud: 'api://contoso-orders',
      ver: '1.0',
    });
    expect(tenant.store.findResource('api://contoso-orders')?.appId).toBe(
      SEEDED.apps.ordersApi.appId,
    );
    expect((await clientToken(tenant.url, 'api://nothing-here/.default')).status).toBe(400);
  });
});

describe('token lifetimes follow the effective policy of the resource', () => {
  it('gives 60–90 minutes without a policy', async () => {
    for (let i = 0; i < 5; i++) {
      const { body } = await clientToken(tenant.url, 'https://graph.microsoft.com/.default');
      const claims = claimsOf(body.access_token) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBeGreaterThanOrEqual(3600);
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(5400);
      expect(body.expires_in).toBe(claims.exp - claims.iat);
    }
  });

  it('gives 7200 s for Common Data Service once a 2 h policy replaces its 5 h one', async () => {
    const before = await clientToken(tenant.url, `${CDS}/.default`);
    expect(before.body.expires_in).toBe(5 * 3600);
    const graph = graphClient(
      tenant.url,
      (await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token,
    );
    const sp = (await graph.get(`/servicePrincipals?$filter=appId eq '${CDS}'`)).body.value[0];
    const created = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'CDS 2h',
      definition: definition('02:00:00'),
    });
    expect(
      (
        await graph.delete(
          `/servicePrincipals/${sp.id}/tokenLifetimePolicies/${SEEDED.policies.dataverse}/$ref`,
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
          '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${created.body.id}`,
        })
      ).status,
    ).toBe(204);
    const after = await clientToken(tenant.url, `${CDS}/.default`);
    const claims = claimsOf(after.body.access_token) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(7200);
    expect(after.body.expires_in).toBe(7200);
  });
});

describe('Graph token verification', () => {
  it('refuses expired tokens, foreign signatures and wrong audiences', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const verify = createGraphTokenVerifier({ issuer: 'http://issuer', publicJwk });
    const sign = (claims: Record<string, unknown>, key = privateKey) =>
      new SignJWT({ roles: ['Policy.Read.All'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('http://issuer')
        .sign(key);
    const now = Math.floor(Date.now() / 1000);
    expect(
      await verify(
        `Bearer ${await sign({ aud: 'https://graph.microsoft.com', iat: now, exp: now + 600 })}`,
      ),
    ).toMatchObject({ ok: true, kind: 'application' });
    expect(
      await verify(
        `Bearer ${await sign({ aud: 'https://graph.microsoft.com', iat: now - 7200, exp: now - 3600 })}`,
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('expired') });
    expect(
      await verify(`Bearer ${await sign({ aud: 'api://other', iat: now, exp: now + 600 })}`),
    ).toMatchObject({ ok: false });
    const stranger = await generateKeyPair('RS256');
    expect(
      await verify(
        `Bearer ${await sign({ aud: 'https://graph.microsoft.com', iat: now, exp: now + 600 }, stranger.privateKey)}`,
      ),
    ).toMatchObject({ ok: false });
    expect(await verify(undefined)).toMatchObject({ ok: false });
  });
});

describe('authorization code + PKCE, as the dashboard signs in', () => {
  async function signIn(email: string, password: string, scope: string) {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:3999/';
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
    const remember = (response: Response) => {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair.split('=');
        jar.set(name, value.join('='));
      }
    };
    const follow = async (url: string, init: RequestInit = {}): Promise<Response> => {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers ?? {}), cookie: cookieHeader() },
      });
      remember(response);
      return response;
    };
    const params = new URLSearchParams({
      client_id: DEMO_DASHBOARD_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's1',
      nonce: 'n1',
    });
    let response = await follow(`${tenant.url}/auth?${params}`);
    const interaction = new URL(response.headers.get('location')!, tenant.url).href;
    response = await follow(interaction);
    expect(await response.text()).toContain('<label for="email">Email</label>');
    response = await follow(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    });
    let location = response.headers.get('location');
    for (let hops = 0; location && !location.startsWith(redirectUri) && hops < 5; hops++) {
      response = await follow(new URL(location, tenant.url).href);
      location = response.headers.get('location');
    }
    const code = new URL(location!).searchParams.get('code')!;
    const token = await fetch(`${tenant.url}/token`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:3999' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: DEMO_DASHBOARD_CLIENT_ID,
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    expect(token.headers.get('access-control-allow-origin')).toBe('http://localhost:3999');
    return (await token.json()) as {
      access_token: string;
      id_token: string;
      refresh_token?: string;
    };
  }

  it('gives the admin a delegated Graph token with the scopes asked for, an ID token and a refresh token', async () => {
    const tokens = await signIn(
      'admin@contoso.demo',
      'Admin-Demo-1',
      'openid profile https://graph.microsoft.com/Policy.Read.All https://graph.microsoft.com/Application.Read.All',
    );
    const access = claimsOf(tokens.access_token);
    expect(access).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: 'Policy.Read.All Application.Read.All',
      preferred_username: 'admin@contoso.demo',
    });
    expect(claimsOf(tokens.id_token)).toMatchObject({
      aud: DEMO_DASHBOARD_CLIENT_ID,
      name: 'Adele Admin',
      tid: '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
    });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('lets the reader read but not write, even with a write scope in the token', async () => {
    const tokens = await signIn(
      'reader@contoso.demo',
      'Reader-Demo-1',
      'openid https://graph.microsoft.com/Policy.Read.All https://graph.microsoft.com/Policy.ReadWrite.ApplicationConfiguration',
    );
    const graph = graphClient(tenant.url, tokens.access_token);
    expect((await graph.get('/policies/tokenLifetimePolicies')).status).toBe(200);
    const write = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Reader was here',
      definition: definition('02:00:00'),
    });
    expect(write.status).toBe(403);
  });
});
