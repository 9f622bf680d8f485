// Reading a pasted token in the browser only. Never throws: every kind of wrong paste gets a
// message that says what it is and what to paste instead.

export const MAX_TOKEN_LENGTH = 64 * 1024;

export type TokenProblem =
  | 'empty'
  | 'too-large'
  | 'saml'
  | 'jwe'
  | 'not-a-jwt'
  | 'bad-base64'
  | 'not-json'
  | 'not-an-object';

export interface TokenInspection {
  ok: true;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  issuedAt?: Date;
  notBefore?: Date;
  expiresAt?: Date;
  /** exp - iat, seconds */
  lifetimeSeconds?: number;
  kind: 'access' | 'id';
  /** Entra's token format: v1.0 (sts.windows.net issuer, `appid`) or v2.0 (`…/v2.0` issuer, `azp`). */
  version?: '1.0' | '2.0';
  audience?: string;
  tenantId?: string;
  clientId?: string;
  scopes: string[];
  roles: string[];
  /** The client negotiated Continuous Access Evaluation (xms_cc contains cp1). */
  caeCapable: boolean;
}

export type InspectionResult =
  TokenInspection | { ok: false; problem: TokenProblem; message: string };

const fail = (problem: TokenProblem, message: string): InspectionResult => ({
  ok: false,
  problem,
  message,
});

function decodePart(
  part: string,
): { ok: true; value: unknown } | { ok: false; problem: TokenProblem } {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return { ok: false, problem: 'bad-base64' };
  let text: string;
  try {
    const padded =
      part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
    const binary = atob(padded);
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return { ok: false, problem: 'bad-base64' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const date = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : undefined;

export function inspectToken(input: string): InspectionResult {
  const text = (input ?? '').trim().replace(/^Bearer\s+/i, '');
  if (!text)
    return fail(
      'empty',
      'Paste an access token or ID token (a JWT: three parts separated by dots, starting with "eyJ").',
    );
  if (text.length > MAX_TOKEN_LENGTH) {
    return fail(
      'too-large',
      `That paste is ${Math.round(text.length / 1024)} KB; a token is a few KB at most. Paste only the token itself.`,
    );
  }
  if (text.startsWith('<') || /saml[p2]?:|<Assertion/i.test(text.slice(0, 200))) {
    return fail(
      'saml',
      'This looks like a SAML assertion, not a JWT. SAML tokens follow the same AccessTokenLifetime (NotOnOrAfter gets +5 minutes of clock skew), but this inspector reads JWTs only.',
    );
  }
  const parts = text.split('.');
  if (parts.length === 5)
    return fail(
      'jwe',
      'This is an encrypted token (JWE, five parts). Only its recipient can read it; paste an unencrypted access or ID token instead.',
    );
  if (parts.length !== 3)
    return fail(
      'not-a-jwt',
      `A JWT has three parts separated by dots; this has ${parts.length}. Copy the whole token, without quotes or line breaks.`,
    );
  const header = decodePart(parts[0]);
  if (!header.ok)
    return fail(
      header.problem,
      header.problem === 'bad-base64'
        ? 'The token header is not valid base64url: the paste is damaged or incomplete.'
        : 'The token header is not JSON: this is not a JWT.',
    );
  if (!isObject(header.value))
    return fail('not-an-object', 'The token header is not a JSON object: this is not a JWT.');
  if ('enc' in header.value)
    return fail('jwe', 'This is an encrypted token (JWE). Only its recipient can read it.');
  const payload = decodePart(parts[1]);
  if (!payload.ok)
    return fail(
      payload.problem,
      payload.problem === 'bad-base64'
        ? 'The token body is not valid base64url: the paste is damaged or incomplete.'
        : 'The token body is not JSON.',
    );
  if (!isObject(payload.value))
    return fail('not-an-object', 'The token body is not a JSON object of claims.');
  const claims = payload.value;
  const issuedAt = date(claims.iat);
  const expiresAt = date(claims.exp);
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const audience = Array.isArray(claims.aud)
    ? String(claims.aud[0])
    : typeof claims.aud === 'string'
      ? claims.aud
      : undefined;
  const clientId =
    typeof claims.appid === 'string'
      ? claims.appid
      : typeof claims.azp === 'string'
        ? claims.azp
        : undefined;
  // An ID token is for the client itself: it has a nonce or no scp/roles, and its aud is the client.
  // Entra's access tokens carry `appid` (v1.0) or `azp` (v2.0); its ID tokens carry neither.
  const kind: TokenInspection['kind'] =
    header.value.typ === 'at+jwt' || scopes.length > 0 || roles.length > 0
      ? 'access'
      : 'nonce' in claims || (clientId !== undefined && claims.aud === clientId)
        ? 'id'
        : typeof claims.appid === 'string' || typeof claims.azp === 'string'
          ? 'access'
          : 'id';
  const xmsCc = claims.xms_cc;
  return {
    ok: true,
    header: header.value,
    claims,
    issuedAt,
    notBefore: date(claims.nbf),
    expiresAt,
    lifetimeSeconds:
      issuedAt && expiresAt
        ? Math.round((expiresAt.getTime() - issuedAt.getTime()) / 1000)
        : undefined,
    kind,
    version: tokenVersion(claims),
    audience,
    tenantId: typeof claims.tid === 'string' ? claims.tid : tenantOfIssuer(claims.iss),
    clientId,
    scopes,
    roles,
    caeCapable: (Array.isArray(xmsCc)
      ? xmsCc.map(String)
      : typeof xmsCc === 'string'
        ? [xmsCc]
        : []
    ).includes('cp1'),
  };
}

/** `ver` when present, else the issuer's form: `https://sts.windows.net/{tid}/` is v1.0. */
function tokenVersion(claims: Record<string, unknown>): TokenInspection['version'] {
  if (claims.ver === '1.0' || claims.ver === '2.0') return claims.ver;
  if (typeof claims.iss !== 'string') return undefined;
  return /\/v2\.0\/?$/.test(claims.iss)
    ? '2.0'
    : /^https:\/\/sts\./.test(claims.iss)
      ? '1.0'
      : undefined;
}

/** Both issuer forms name the tenant: `https://sts.windows.net/{tid}/`, `https://host/{tid}/v2.0`. */
function tenantOfIssuer(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string') return undefined;
  return /^https:\/\/[^/]+\/([0-9a-f-]{36})(\/v2\.0)?\/?$/i.exec(issuer)?.[1];
}
