// Access tokens shaped as Entra issues them. Entra's version follows the RESOURCE, not the client:
// v1.0 for Microsoft Graph, Microsoft's first-party APIs and apps whose
// `api.requestedAccessTokenVersion` is null or 1; v2.0 only for apps that ask for 2.
// Source: Microsoft identity platform "Access tokens" (token formats, v1.0 and v2.0 claims).
import { createHash } from 'node:crypto';

export type AccessTokenVersion = 1 | 2;

export interface TokenResource {
  appId: string;
  version: AccessTokenVersion;
  /** How the client named the resource: v1.0 tokens carry that form as `aud`. */
  requestedAs: string;
}

/** Entra's v1.0 issuer in the public cloud: the same for every authority host alias. */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/**
 * Reshapes the claims oidc-provider would sign into Entra's: `ver`, `iss` and `aud` by version,
 * `appid`+`appidacr` (v1) or `azp`+`azpacr` (v2), `uti` rather than `jti`, and none of OAuth's
 * generic `scope`/`client_id` (Entra uses `scp`/`roles`).
 */
export function entraAccessTokenClaims(
  payload: Record<string, unknown>,
  resource: TokenResource,
  issuers: { tenantId: string; v2Issuer: string },
  clientAuthenticated: boolean,
): Record<string, unknown> {
  const { scope: _scope, client_id: clientId, jti, appid, azp, ...rest } = payload;
  void _scope;
  const client = String(appid ?? azp ?? clientId ?? '');
  const acr = clientAuthenticated ? '1' : '0';
  const uti = createHash('sha256')
    .update(String(jti ?? Math.random()))
    .digest('base64url')
    .slice(0, 22);
  const common = { ...rest, nbf: rest.iat, uti };
  if (resource.version === 2) {
    return {
      ...common,
      iss: issuers.v2Issuer,
      aud: resource.appId,
      azp: client,
      azpacr: acr,
      ver: '2.0',
    };
  }
  return {
    ...common,
    iss: v1Issuer(issuers.tenantId),
    aud: resource.requestedAs,
    appid: client,
    appidacr: acr,
    ver: '1.0',
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * oidc-provider wants resource indicators to be absolute URIs, but Entra also accepts a bare appId
 * (`{appId}/.default`), and then a v1.0 token's `aud` is that appId: the bare form is carried as
 * this URN so it is not confused with an identifier URI such as `api://{appId}`.
 */
const BARE_APP_ID = 'urn:entra-app-id:';

export function resourceIndicatorOf(resource: string): string {
  return GUID.test(resource) ? `${BARE_APP_ID}${resource.toLowerCase()}` : resource;
}

/** The resource as the client named it: `https://graph.microsoft.com`, an appId or an identifier URI. */
export function requestedResourceOf(indicator: string): string {
  return indicator.startsWith(BARE_APP_ID) ? indicator.slice(BARE_APP_ID.length) : indicator;
}
