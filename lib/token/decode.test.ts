import { describe, expect, it } from 'vitest';
import { compareWithPolicy } from './compare';
import { inspectToken } from './decode';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'at+jwt' },
) => `${b64(header)}.${b64(claims)}.c2ln`;

describe('inspectToken', () => {
  it('reads an access token: times, lifetime, audience, scopes, CAE', () => {
    const result = inspectToken(
      `Bearer ${jwt({ aud: 'https://graph.microsoft.com', iat: 1000, nbf: 1000, exp: 8200, tid: 't', scp: 'Policy.Read.All', xms_cc: ['cp1'] })}`,
    );
    expect(result).toMatchObject({
      ok: true,
      kind: 'access',
      lifetimeSeconds: 7200,
      audience: 'https://graph.microsoft.com',
      scopes: ['Policy.Read.All'],
      caeCapable: true,
    });
  });

  // Microsoft identity platform, "Access tokens": v1.0 and v2.0 claim sets (samples from the docs).
  it('reads an Entra v1.0 access token: sts.windows.net issuer, appid, aud as the resource URI', () => {
    const result = inspectToken(
      jwt(
        {
          aud: 'https://graph.microsoft.com',
          iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
          iat: 0,
          nbf: 0,
          exp: 4500,
          appid: 'client-app',
          appidacr: '0',
          scp: 'Policy.Read.All',
          ver: '1.0',
        },
        { alg: 'RS256', typ: 'JWT' },
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      kind: 'access',
      version: '1.0',
      audience: 'https://graph.microsoft.com',
      clientId: 'client-app',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
  });

  it('reads an Entra v2.0 access token: …/v2.0 issuer, azp, aud as the appId, app-only', () => {
    const result = inspectToken(
      jwt(
        {
          aud: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
          iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
          iat: 0,
          exp: 3600,
          azp: 'daemon-app',
          azpacr: '1',
          roles: ['Orders.Read.All'],
        },
        { alg: 'RS256', typ: 'JWT' },
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      kind: 'access',
      version: '2.0',
      audience: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
      clientId: 'daemon-app',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
  });

  it('takes an app-only v1.0 token without roles for an access token, not an ID token', () => {
    const result = inspectToken(
      jwt(
        { aud: 'api://orders', appid: 'daemon', iat: 0, exp: 3600, ver: '1.0' },
        { alg: 'RS256', typ: 'JWT' },
      ),
    );
    expect(result).toMatchObject({ ok: true, kind: 'access', version: '1.0' });
  });

  it('recognises an ID token', () => {
    const result = inspectToken(
      jwt(
        { aud: 'client', azp: 'client', nonce: 'n', iat: 0, exp: 3600 },
        { alg: 'RS256', typ: 'JWT' },
      ),
    );
    expect(result).toMatchObject({ ok: true, kind: 'id' });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not-a-jwt'],
    ['a.b', 'not-a-jwt'],
    ['a.b.c.d.e', 'jwe'],
    [`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.x.y`, 'jwe'],
    [
      '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"></saml:Assertion>',
      'saml',
    ],
    ['e$$.e.e', 'bad-base64'],
    [`${b64('not json')}.${b64({})}.x`, 'not-json'],
    [`${b64({ alg: 'none' })}.${b64([1, 2])}.x`, 'not-an-object'],
    ['x'.repeat(70_000), 'too-large'],
  ])('refuses %j politely (%s)', (input, problem) => {
    const result = inspectToken(input);
    expect(result).toMatchObject({ ok: false, problem });
    expect(!result.ok && result.message.length).toBeGreaterThan(20);
  });
});

describe('compareWithPolicy', () => {
  const index = {
    policies: [
      {
        id: 'p3',
        displayName: '3h',
        isOrganizationDefault: false,
        definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"03:00:00"}}'],
      },
    ],
    targets: [
      {
        appId: 'api-1',
        displayName: 'Orders API',
        application: {
          id: 'a',
          appId: 'api-1',
          displayName: 'Orders API',
          identifierUris: ['api://orders'],
        },
        servicePrincipal: { id: 's', appId: 'api-1', displayName: 'Orders API' },
        servicePrincipalPolicyId: 'p3',
      },
      {
        appId: '00000003-0000-0000-c000-000000000000',
        displayName: 'Microsoft Graph',
        servicePrincipal: {
          id: 'g',
          appId: '00000003-0000-0000-c000-000000000000',
          displayName: 'Microsoft Graph',
        },
      },
    ],
  };
  const inspect = (claims: Record<string, unknown>) => {
    const result = inspectToken(jwt(claims));
    if (!result.ok) throw new Error('bad token');
    return result;
  };

  it('matches a 3 h token for a resource whose SP holds a 3 h policy, by appId or identifier URI', () => {
    expect(
      compareWithPolicy(inspect({ aud: 'api-1', iat: 0, exp: 10800, tid: 't', roles: ['x'] }), {
        tenantId: 't',
        index,
      }).status,
    ).toBe('match');
    expect(
      compareWithPolicy(
        inspect({ aud: 'api://orders', iat: 0, exp: 10800, tid: 't', roles: ['x'] }),
        { tenantId: 't', index },
      ).status,
    ).toBe('match');
  });

  it('explains a difference', () => {
    const verdict = compareWithPolicy(
      inspect({ aud: 'api-1', iat: 0, exp: 3600, tid: 't', roles: ['x'], xms_cc: 'cp1' }),
      { tenantId: 't', index },
    );
    expect(verdict.status).toBe('differs');
    expect(verdict.reasons.join(' ')).toMatch(/issued before a policy change/);
    expect(verdict.reasons.join(' ')).toMatch(/CAE-capable/);
  });

  it('accepts the built-in 60–90 minutes for Graph, and says when a token is from another tenant', () => {
    expect(
      compareWithPolicy(
        inspect({ aud: 'https://graph.microsoft.com', iat: 0, exp: 4000, tid: 't', scp: 'a' }),
        { tenantId: 't', index },
      ).status,
    ).toBe('match');
    const foreign = compareWithPolicy(
      inspect({ aud: 'api-1', iat: 0, exp: 10800, tid: 'other', roles: ['x'] }),
      { tenantId: 't', index },
    );
    expect(foreign.status).toBe('unknown');
    expect(foreign.reasons[0]).toMatch(/another tenant/);
  });
});
