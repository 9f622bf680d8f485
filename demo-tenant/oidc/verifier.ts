// How the Graph emulator checks a bearer token: signature, issuer, audience, expiry — as Graph does.
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { GRAPH_APP_ID, GRAPH_RESOURCE, type GraphTokenVerifier } from '../contracts';

/**
 * Graph accepts Entra's v1.0 tokens for it: `iss https://sts.windows.net/{tid}/`, `aud` the Graph URI
 * or its appId (Microsoft identity platform, "Access tokens"). `issuer` is that v1.0 issuer.
 */
export function createGraphTokenVerifier(options: {
  issuer: string;
  publicJwk: JWK;
}): GraphTokenVerifier {
  const keys = createLocalJWKSet({ keys: [options.publicJwk] });
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, message: 'Access token is empty.' };
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer: options.issuer,
        audience: [GRAPH_RESOURCE, GRAPH_APP_ID],
        algorithms: ['RS256'],
        clockTolerance: 5,
      });
      const scp =
        typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : undefined;
      const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : undefined;
      const wids = Array.isArray(payload.wids) ? payload.wids.map(String) : undefined;
      return {
        ok: true,
        kind: scp ? 'delegated' : 'application',
        permissions: scp ?? roles ?? [],
        oid: String(payload.oid ?? payload.sub ?? ''),
        tid: String(payload.tid ?? ''),
        directoryRoles: wids,
      };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED')
        return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
        return { ok: false, message: `Invalid audience or issuer: ${(error as Error).message}` };
      return {
        ok: false,
        message:
          'IDX10503: Signature validation failed. The token is unsigned, malformed or signed by an unknown key.',
      };
    }
  };
}
