// Entra's own paths for the demo tenant, so that MSAL (browser and Node) in its default protocol mode
// finds everything by discovery, as it does at https://login.microsoftonline.com/{tenant}:
//   /{tenant}/v2.0/.well-known/openid-configuration     discovery (issuer https://host/{tid}/v2.0)
//   /{tid}/oauth2/v2.0/authorize | token | logout        the OAuth endpoints
//   /{tid}/oauth2/v2.0/devicecode, /devicelogin          device code sign-in (device-code.ts)
//   /{tid}/discovery/v2.0/keys                           signing keys
//   /common/discovery/instance                           instance discovery (api-version 1.1)
// Source: Microsoft identity platform "OpenID Connect on the Microsoft identity platform" (fetch the
// discovery document) and msal-common's Authority (instance discovery request and response shapes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KoaContextWithOIDC } from 'oidc-provider';

export function entraRoutes(tenantId: string) {
  return {
    authorization: `/${tenantId}/oauth2/v2.0/authorize`,
    token: `/${tenantId}/oauth2/v2.0/token`,
    end_session: `/${tenantId}/oauth2/v2.0/logout`,
    jwks: `/${tenantId}/discovery/v2.0/keys`,
    userinfo: `/${tenantId}/openid/userinfo`,
    revocation: `/${tenantId}/oauth2/v2.0/revoke`,
    introspection: `/${tenantId}/oauth2/v2.0/introspect`,
    pushed_authorization_request: `/${tenantId}/oauth2/v2.0/par`,
    // Device code sign-in (entra/device-code.ts): Entra's endpoint, and its microsoft.com/devicelogin.
    device_authorization: `/${tenantId}/oauth2/v2.0/devicecode`,
    code_verification: '/devicelogin',
  };
}

interface Tenant {
  origin: string;
  tenantId: string;
  tenantDomain: string;
}

const DISCOVERY = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;

/**
 * Answers instance discovery itself; for a discovery document of this tenant returns the path
 * oidc-provider serves it at; otherwise undefined (the request goes on to oidc-provider as is).
 */
export function answerEntraDiscovery(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  tenant: Tenant,
): 'answered' | string | undefined {
  if (url.pathname === '/common/discovery/instance' && req.method === 'GET') {
    answerInstanceDiscovery(res, url, tenant);
    return 'answered';
  }
  const discovery = DISCOVERY.exec(url.pathname);
  if (!discovery || req.method !== 'GET') return undefined;
  const named = decodeURIComponent(discovery[1]).toLowerCase();
  if (named === tenant.tenantId || named === tenant.tenantDomain)
    return '/.well-known/openid-configuration';
  // Entra's answer for a tenant it does not know (AADSTS90002).
  json(res, 400, {
    error: 'invalid_tenant',
    error_description: `AADSTS90002: Tenant '${discovery[1]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    error_codes: [90002],
  });
  return 'answered';
}

function answerInstanceDiscovery(res: ServerResponse, url: URL, tenant: Tenant) {
  if (url.searchParams.get('api-version') !== '1.1')
    return json(res, 400, {
      error: 'invalid_request',
      error_description: 'AADSTS90014: The required field api-version is missing or not 1.1.',
    });
  let endpoint: URL | undefined;
  try {
    endpoint = new URL(url.searchParams.get('authorization_endpoint') ?? '');
  } catch {
    endpoint = undefined;
  }
  const host = new URL(tenant.origin).host;
  if (!endpoint || endpoint.protocol !== 'https:' || endpoint.host !== host)
    return json(res, 400, {
      error: 'invalid_instance',
      error_description: 'AADSTS50049: Unknown or invalid instance.',
      error_codes: [50049],
    });
  const named = endpoint.pathname.split('/')[1] || tenant.tenantId;
  json(res, 200, {
    tenant_discovery_endpoint: `${tenant.origin}/${named}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Entra adds `client_info` (base64url `{"uid","utid"}`) to user token responses; MSAL in its default
 * protocol mode builds the account's home id from it, and warns and falls back to `sub` without it.
 */
export async function addClientInfo(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
  await next();
  if (ctx.oidc?.route !== 'token' || ctx.status !== 200) return;
  const body = ctx.body as Record<string, unknown> | undefined;
  const accountId = ctx.oidc.account?.accountId;
  if (!body || typeof body !== 'object' || !accountId || !body.id_token) return;
  const claims = JSON.parse(
    Buffer.from(String(body.id_token).split('.')[1], 'base64url').toString('utf8'),
  ) as { oid?: string; tid?: string };
  body.client_info = Buffer.from(
    JSON.stringify({ uid: claims.oid ?? accountId, utid: claims.tid }),
  ).toString('base64url');
}
