// Where the dashboard signs in and which Graph it talks to. With a client id and tenant id it is a
// real Entra tenant; with nothing set it is the embedded demo tenant. Only these values differ.

export interface AuthSettings {
  mode: 'entra' | 'demo';
  clientId: string;
  tenantId: string;
  authority: string;
  knownAuthorities: string[];
  /** Discovery document for a non-Microsoft authority, so MSAL never fetches it over TLS. */
  authorityMetadata?: string;
  graphBaseUrl: string;
  /** The Graph host, for the Graph SDK's custom hosts (it only sends tokens to hosts it knows). */
  graphHost: string;
  /** Origins the browser may connect to (the CSP's connect-src). */
  connectSrc: string[];
  /** Token endpoint of the demo tenant (its test-token helper); undefined for real tenants. */
  demoTokenEndpoint?: string;
  tenantLabel: string;
}

// Kept in step with demo-tenant/contracts.ts (app code must not import the demo tenant).
const DEMO_TENANT_ID = '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const DEMO_CLIENT_ID = '5a1c0de0-0000-4000-8000-00000000da5b';

export function getAuthSettings(): AuthSettings {
  // Each NEXT_PUBLIC_ variable is written out in full so that Next inlines it into the bundle.
  return resolveAuthSettings({
    clientId: process.env.NEXT_PUBLIC_ENTRA_CLIENT_ID,
    tenantId: process.env.NEXT_PUBLIC_ENTRA_TENANT_ID,
    authorityHost: process.env.NEXT_PUBLIC_ENTRA_AUTHORITY_HOST,
    graphBaseUrl: process.env.NEXT_PUBLIC_GRAPH_BASE_URL,
    demoTenantUrl: process.env.NEXT_PUBLIC_DEMO_TENANT_URL,
  });
}

export interface AuthEnvironment {
  clientId?: string;
  tenantId?: string;
  authorityHost?: string;
  graphBaseUrl?: string;
  demoTenantUrl?: string;
}

export function resolveAuthSettings(env: AuthEnvironment): AuthSettings {
  if (env.clientId && env.tenantId) {
    const authorityHost = (env.authorityHost || 'https://login.microsoftonline.com').replace(
      /\/$/,
      '',
    );
    const graphBaseUrl = (env.graphBaseUrl || 'https://graph.microsoft.com/v1.0').replace(
      /\/$/,
      '',
    );
    return {
      mode: 'entra',
      clientId: env.clientId,
      tenantId: env.tenantId,
      authority: `${authorityHost}/${env.tenantId}`,
      knownAuthorities: [],
      graphBaseUrl,
      graphHost: new URL(graphBaseUrl).host,
      connectSrc: [new URL(authorityHost).origin, new URL(graphBaseUrl).origin],
      tenantLabel: env.tenantId,
    };
  }
  const demo = new URL((env.demoTenantUrl || 'http://localhost:4000').replace(/\/$/, ''));
  const origin = demo.origin;
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
    connectSrc: [origin],
    demoTokenEndpoint: `${origin}/token`,
    tenantLabel: 'Contoso demo tenant',
  };
}
