// How the Graph emulator checks a bearer token: signature, issuer, audience, lifetime — as Graph does.
import { createLocalJWKSet, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { GRAPH_APP_ID, GRAPH_RESOURCE, type GraphTokenVerifier } from '../contracts';

export interface GraphTokenVerifierOptions {
  /**
   * The `iss` the tokens must carry. Graph accepts Entra's v1.0 tokens for it:
   * `iss https://sts.windows.net/{tid}/`, `aud` the Graph URI or its appId (Microsoft identity
   * platform, "Access tokens").
   */
  issuer: string;
  /** The key the provider signs with. */
  publicJwk: JWK;
  /** Leeway for `exp`, `nbf` and `iat` between clocks; Microsoft.IdentityModel allows 5 minutes, the demo 5 s. */
  clockSkewSeconds?: number;
  /** The verifier's clock, for tests. */
  now?: () => Date;
}

const DEFAULT_CLOCK_SKEW_SECONDS = 5;

export function createGraphTokenVerifier(options: GraphTokenVerifierOptions): GraphTokenVerifier {
  const keys = createLocalJWKSet({ keys: [options.publicJwk] });
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const now = options.now ?? (() => new Date());
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, message: 'Access token is empty.' };
    let payload: JWTPayload;
    const currentDate = now();
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: options.issuer,
        audience: [GRAPH_RESOURCE, GRAPH_APP_ID],
        algorithms: ['RS256'],
        clockTolerance: skew,
        currentDate,
        // A token without an expiry would be valid forever (IDX10225 in Microsoft.IdentityModel).
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return { ok: false, message: refusal(error) };
    }
    const problem = claimProblem(payload, currentDate, skew);
    if (problem) return { ok: false, message: problem };
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
  };
}

/** What jose leaves to us: a token issued in the future, and an audience that is not one string. */
function claimProblem(payload: JWTPayload, currentDate: Date, skew: number): string | undefined {
  const nowSeconds = Math.floor(currentDate.getTime() / 1000);
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds + skew)
    return 'Lifetime validation failed: the token was issued in the future (iat is later than now plus the allowed clock skew).';
  // Entra puts exactly one audience in `aud`; jose would accept an array that merely contains Graph.
  if (typeof payload.aud !== 'string')
    return `Invalid audience: expected the single string '${GRAPH_RESOURCE}', not a list.`;
  return undefined;
}

function refusal(error: unknown): string {
  const { code, claim } = error as { code?: string; claim?: string };
  if (code === 'ERR_JWT_EXPIRED') return 'Lifetime validation failed, the token is expired.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'exp')
    return 'IDX10225: Lifetime validation failed. The token is missing an Expiration Time.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'nbf')
    return 'IDX10222: Lifetime validation failed. The token is not yet valid.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
    return `Invalid audience or issuer: ${(error as Error).message}`;
  return 'IDX10503: Signature validation failed. The token is unsigned, malformed or signed by an unknown key.';
}
