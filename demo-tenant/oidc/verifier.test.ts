// The Graph emulator's token checks, with tokens this test signs itself: every refusal is shown
// next to a token that differs only in the claim under test and is accepted.
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphTokenVerifier } from '../contracts';
import { createGraphTokenVerifier } from './verifier';

const ISSUER = 'http://localhost:4999';
const NOW = new Date('2026-11-27T12:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

let sign: (claims: JWTPayload) => Promise<string>;
let signWithOtherKey: (claims: JWTPayload) => Promise<string>;
let verify: GraphTokenVerifier;

beforeAll(async () => {
  const ours = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const signer = (key: CryptoKey) => (claims: JWTPayload) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
  sign = signer(ours.privateKey);
  signWithOtherKey = signer(other.privateKey);
  verify = createGraphTokenVerifier({
    issuer: ISSUER,
    publicJwk: { ...(await exportJWK(ours.publicKey)), kid: 'k1', alg: 'RS256' },
    now: () => NOW,
  });
});

const valid = (): JWTPayload => ({
  iss: ISSUER,
  aud: 'https://graph.microsoft.com',
  iat: NOW_S - 60,
  nbf: NOW_S - 60,
  exp: NOW_S + 3600,
  tid: 't',
  oid: 'o',
  roles: ['Policy.Read.All'],
});

const check = async (claims: JWTPayload) => verify(`Bearer ${await sign(claims)}`);

describe('Graph token verifier', () => {
  it('accepts a well-formed token', async () => {
    expect(await check(valid())).toEqual({
      ok: true,
      kind: 'application',
      permissions: ['Policy.Read.All'],
      oid: 'o',
      tid: 't',
      directoryRoles: undefined,
    });
  });

  it('requires exp', async () => {
    const { exp: _exp, ...claims } = valid();
    expect(await check(claims)).toEqual({
      ok: false,
      message: 'IDX10225: Lifetime validation failed. The token is missing an Expiration Time.',
    });
  });

  it('refuses an expired token, beyond the clock skew only', async () => {
    expect(await check({ ...valid(), exp: NOW_S - 10 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
    expect(await check({ ...valid(), exp: NOW_S - 3 })).toMatchObject({ ok: true });
  });

  it('refuses iat in the future beyond the clock skew, accepts it within', async () => {
    expect(await check({ ...valid(), iat: NOW_S + 60 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/issued in the future/),
    });
    expect(await check({ ...valid(), iat: NOW_S + 3 })).toMatchObject({ ok: true });
  });

  it('refuses nbf in the future', async () => {
    expect(await check({ ...valid(), nbf: NOW_S + 600 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not yet valid/),
    });
  });

  it('refuses an aud that is an array, even one that holds Graph', async () => {
    expect(await check({ ...valid(), aud: ['https://graph.microsoft.com'] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/single string/),
    });
    expect(
      await check({ ...valid(), aud: ['https://graph.microsoft.com', 'api://other'] }),
    ).toMatchObject({ ok: false });
  });

  it('refuses another audience, another issuer and another key', async () => {
    expect(await check({ ...valid(), aud: 'api://other' })).toMatchObject({ ok: false });
    expect(await check({ ...valid(), iss: 'http://evil.example' })).toMatchObject({ ok: false });
    expect(await verify(`Bearer ${await signWithOtherKey(valid())}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^IDX10503/),
    });
    expect(await verify(undefined)).toEqual({ ok: false, message: 'Access token is empty.' });
  });
});
