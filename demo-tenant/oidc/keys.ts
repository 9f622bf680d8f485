import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';

export interface SigningKeys {
  privateJwk: JWK;
  publicJwk: JWK;
  cookieKeys: string[];
}

/** A fresh RS256 key per start: tokens from a previous run are (rightly) refused. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateJwk, publicJwk, cookieKeys: [randomBytes(32).toString('hex')] };
}
