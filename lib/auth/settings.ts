// Where the dashboard signs in and which Graph it talks to. With a client id and tenant id it is a
// real Entra tenant; with nothing set it is the embedded demo tenant. Only these values differ.
// They are read per request on the server (never inlined at build time), so one build serves the
// demo tenant, a real tenant and the tests of both.
import { graphCloudOf, type GraphCloud } from './clouds';
import { graphScopes, type GraphScopes } from './scopes';

export interface AuthSettings {
  mode: 'entra' | 'demo';
  clientId: string;
  tenantId: string;
  authority: string;
  knownAuthorities: string[];
  /** Discovery document for the demo tenant's quick-start endpoints (plain http, OIDC mode). */
  authorityMetadata?: string;
  graphBaseUrl: string;
  /** The Graph host, for the Graph SDK's custom hosts (it only sends tokens to hosts it knows). */
  graphHost: string;
  /** Which Microsoft Graph the base URL belongs to: its resource and PowerShell environment. */
  cloud: GraphCloud;
  scopes: GraphScopes;
  /** Origins the browser may connect to (the CSP's connect-src). */
  connectSrc: string[];
  /** Origin of the sign-in pages (the CSP's frame-src, for MSAL's silent-renewal iframe). */
  authorityOrigin: string;
  tenantLabel: string;
}

// Kept in step with demo-tenant/contracts.ts (app code must not import the demo tenant).
const DEMO_TENANT_ID = '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const DEMO_CLIENT_ID = '5a1c0de0-0000-4000-8000-00000000da5b';

/**
 * Authority hosts MSAL knows from its own metadata (msal-common's hard-coded cloud discovery list).
 * Any other host is one the operator configured on purpose, and is trusted as a known authority so
 * MSAL does not ask Microsoft's global instance discovery about a host it cannot vouch for.
 */
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
]);

const env = (name: string): string | undefined => {
  // A computed name: Next inlines `process.env.NEXT_PUBLIC_…` at build time, which must not happen.
  const value = process.env[name];
  return value ? value.trim() : undefined;
};

/** Server side only: the settings of this deployment, read now. */
export function getAuthSettings(): AuthSettings {
  return resolveAuthSettings({
    clientId: env('NEXT_PUBLIC_ENTRA_CLIENT_ID'),
    tenantId: env('NEXT_PUBLIC_ENTRA_TENANT_ID'),
    authorityHost: env('NEXT_PUBLIC_ENTRA_AUTHORITY_HOST'),
    graphBaseUrl: env('NEXT_PUBLIC_GRAPH_BASE_URL'),
    demoTenantUrl: env('NEXT_PUBLIC_DEMO_TENANT_URL'),
  });
}

export interface AuthEnvironment {
  clientId?: string;
  tenantId?: string;
  authorityHost?: string;
  graphBaseUrl?: string;
  demoTenantUrl?: string;
}

export class AuthSettingsError extends Error {}

function httpsUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthSettingsError(`${name} is not a URL: '${value}'.`);
  }
  // MSAL refuses an http authority (authority_uri_insecure), and a token must never travel in clear.
  if (url.protocol !== 'https:') throw new AuthSettingsError(`${name} must be an https URL.`);
  return url;
}

export function resolveAuthSettings(environment: AuthEnvironment): AuthSettings {
  if (environment.clientId && environment.tenantId) return entraSettings(environment);
  return demoSettings(environment);
}

function entraSettings(environment: AuthEnvironment): AuthSettings {
  const { clientId = '', tenantId = '' } = environment;
  if (!/^[A-Za-z0-9.-]+$/.test(tenantId))
    throw new AuthSettingsError(
      'NEXT_PUBLIC_ENTRA_TENANT_ID must be a tenant id (GUID) or a verified domain name.',
    );
  const authorityUrl = httpsUrl(
    'NEXT_PUBLIC_ENTRA_AUTHORITY_HOST',
    environment.authorityHost || 'https://login.microsoftonline.com',
  );
  const graphUrl = httpsUrl(
    'NEXT_PUBLIC_GRAPH_BASE_URL',
    environment.graphBaseUrl || 'https://graph.microsoft.com/v1.0',
  );
  const graphBaseUrl = graphUrl.href.replace(/\/$/, '');
  const cloud = graphCloudOf(graphUrl);
  return {
    mode: 'entra',
    clientId,
    tenantId,
    authority: `${authorityUrl.origin}/${tenantId}`,
    knownAuthorities: MICROSOFT_AUTHORITY_HOSTS.has(authorityUrl.hostname)
      ? []
      : [authorityUrl.host],
    graphBaseUrl,
    graphHost: graphUrl.host,
    cloud,
    scopes: graphScopes(cloud.resource),
    connectSrc: [authorityUrl.origin, graphUrl.origin],
    authorityOrigin: authorityUrl.origin,
    tenantLabel: tenantId,
  };
}

function demoSettings(environment: AuthEnvironment): AuthSettings {
  const demo = new URL((environment.demoTenantUrl || 'http://localhost:4000').replace(/\/$/, ''));
  const origin = demo.origin;
  const cloud = graphCloudOf(new URL('https://graph.microsoft.com'));
  return {
    mode: 'demo',
    clientId: DEMO_CLIENT_ID,
    tenantId: DEMO_TENANT_ID,
    // MSAL wants an https authority it knows; it never fetches it because the metadata is given.
    authority: `https://${demo.host}/${DEMO_TENANT_ID}`,
    knownAuthorities: [demo.host],
    authorityMetadata: JSON.stringify({
      issuer: origin,
      authorization_endpoint: `${origin}/auth`,
      token_endpoint: `${origin}/token`,
      end_session_endpoint: `${origin}/session/end`,
      jwks_uri: `${origin}/jwks`,
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'profile', 'offline_access'],
    }),
    graphBaseUrl: `${origin}/v1.0`,
    graphHost: demo.host,
    cloud,
    scopes: graphScopes(cloud.resource),
    connectSrc: [origin],
    authorityOrigin: origin,
    tenantLabel: 'Contoso demo tenant',
  };
}
