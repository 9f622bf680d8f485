// The demo tenant's OpenID Connect provider, on oidc-provider (the certified library), configured
// to behave like Entra ID where the dashboard can tell: scopes, audiences, claims, lifetimes.
import { createPublicKey } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import {
  DEMO_DASHBOARD_CLIENT_ID,
  DEMO_TENANT_DOMAIN,
  DEMO_TENANT_ID,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  type RequestHandler,
  type ResourceDirectory,
} from '../contracts';
import {
  DEMO_APPLICATION_CLIENTS,
  DEMO_AUTOMATION_CLIENTS,
  DEMO_CERTIFICATE_CLIENT,
  DEMO_CLI_CLIENT_ID,
  DEMO_USERS,
  findUser,
  findUserByEmail,
  GRAPH_PERMISSIONS,
} from './accounts';
import { addClientInfo, answerEntraDiscovery, entraRoutes } from '../entra/paths';
import { refusedClientAssertion, type CertificateCredential } from '../entra/client-assertion';
import type { ClientCertificate } from '../entra/client-certificate';
import {
  DEVICE_CODE_DEFAULTS,
  DEVICE_CODE_GRANT,
  DeviceCodes,
  deviceFlowFeature,
  type DeviceCodeOptions,
} from '../entra/device-code';
import type { SigningKeys } from './keys';
import { entraAccessTokenClaims, requestedResourceOf, resourceIndicatorOf } from './token-shape';
import { errorPage, loginPage, logoutPage, signedOutPage } from './pages';

export interface ProviderOptions {
  issuer: string;
  directory: ResourceDirectory;
  keys: SigningKeys;
  /** Dashboard origins: redirect URIs and CORS. */
  appOrigins: string[];
  /**
   * `quick-start`: the plain-http endpoints of the demo mode (issuer = the tenant's origin).
   * `entra`: Entra's paths below `/{tenant}` with issuer `https://host/{tid}/v2.0` (entra/paths.ts).
   */
  dialect?: 'quick-start' | 'entra';
  /** Issuer of v2.0 access tokens (Entra's `https://host/{tid}/v2.0`), for both dialects. */
  v2Issuer: string;
  /** The certificate of the `demo-certificate` client (private_key_jwt), when there is one. */
  clientCertificate?: ClientCertificate;
  /** Device code sign-in (entra dialect): the code's lifetime and the polling interval. */
  deviceCode?: DeviceCodeOptions;
}

const GRAPH_SCOPES = Object.values(GRAPH_PERMISSIONS).map((p) => `${GRAPH_RESOURCE}/${p}`);
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** `https://graph.microsoft.com/Policy.Read.All` → resource `https://graph.microsoft.com`; `{appId}/.default` → the appId's URN. */
export function resourceOfScope(scope: string): string | undefined {
  if (OIDC_SCOPES.has(scope)) return undefined;
  const slash = scope.lastIndexOf('/');
  if (slash <= 0) return undefined;
  return resourceIndicatorOf(scope.slice(0, slash));
}

function resourceScopes(found: { audience: string; appId: string }, indicator: string): string[] {
  if (found.audience === GRAPH_RESOURCE) return [...GRAPH_SCOPES, `${GRAPH_RESOURCE}/.default`];
  const named = requestedResourceOf(indicator);
  return [`${found.appId}/.default`, `${named}/.default`, `${named}/user_impersonation`];
}

/** Entra accepts only `{resource}/.default` with client credentials (AADSTS1002012). */
function refuseNonDefaultScopes(ctx: KoaContextWithOIDC): void {
  if (ctx.oidc.params?.grant_type !== 'client_credentials') return;
  const scopes = String(ctx.oidc.params?.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const wrong = scopes.find((s) => !s.endsWith('/.default'));
  if (wrong)
    throw new errors.InvalidScope(
      `AADSTS1002012: The provided value for scope ${wrong} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      wrong,
    );
}

export function createDemoProvider(options: ProviderOptions): {
  provider: Provider;
  handler: RequestHandler;
} {
  const { directory } = options;
  const redirectUris = options.appOrigins.flatMap((o) => [`${o}/`, `${o}/redirect`]);

  const dialect = options.dialect ?? 'quick-start';
  const deviceCode = { ...DEVICE_CODE_DEFAULTS, ...options.deviceCode };
  const deviceCodes = new DeviceCodes();
  const certificateCredentials: CertificateCredential[] = options.clientCertificate
    ? [{ clientId: DEMO_CERTIFICATE_CLIENT.clientId, certificate: options.clientCertificate }]
    : [];
  const lifetimeFor = (token: { resourceServer?: { audience?: string } }) => {
    const audience = token.resourceServer?.audience;
    if (!audience) return 3600;
    const appId = audience === GRAPH_RESOURCE ? GRAPH_APP_ID : audience;
    return directory.accessTokenLifetimeSeconds(appId);
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: DEMO_DASHBOARD_CLIENT_ID,
        client_name: 'Token lifetime policy dashboard',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris,
      },
      ...DEMO_AUTOMATION_CLIENTS.map((c) => ({
        client_id: c.clientId,
        client_secret: c.secret,
        client_name: c.clientId,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post' as const,
      })),
      ...certificateCredentials.map((c) => ({
        client_id: c.clientId,
        client_name: c.clientId,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'private_key_jwt' as const,
        // The app's registered key: the certificate's public key (Entra's keyCredentials).
        jwks: {
          keys: [
            {
              ...(createPublicKey(c.certificate.certificate).export({ format: 'jwk' }) as object),
              kid: c.certificate.thumbprintSha256,
            },
          ],
        },
      })),
      ...(dialect === 'entra'
        ? [
            {
              client_id: DEMO_CLI_CLIENT_ID,
              client_name: 'token-lifetimes (command line)',
              application_type: 'native' as const,
              token_endpoint_auth_method: 'none' as const,
              grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
              response_types: [],
              redirect_uris: [],
            },
          ]
        : []),
    ],
    clientBasedCORS: (_ctx, origin) => options.appOrigins.includes(origin),
    cookies: {
      keys: options.keys.cookieKeys,
      // Cookies ignore ports: the two dialects on one host must not overwrite each other's session.
      ...(dialect === 'entra'
        ? {
            names: {
              session: '_entra_session',
              interaction: '_entra_interaction',
              resume: '_entra_interaction_resume',
            },
          }
        : {}),
    },
    ...(dialect === 'entra' ? { routes: entraRoutes(DEMO_TENANT_ID) } : {}),
    formats: {
      customizers: {
        jwt: async (ctx, token, jwt) => {
          const server = (token as { resourceServer?: { identifier(): string } }).resourceServer;
          const requestedAs = requestedResourceOf(server?.identifier() ?? GRAPH_RESOURCE);
          const found = directory.findResource(requestedAs);
          jwt.header = { ...(jwt.header ?? {}), typ: 'JWT' };
          jwt.payload = entraAccessTokenClaims(
            jwt.payload,
            {
              appId: found?.appId ?? requestedAs,
              version: found?.accessTokenVersion ?? 1,
              requestedAs,
            },
            { tenantId: DEMO_TENANT_ID, v2Issuer: options.v2Issuer },
            token.kind === 'ClientCredentials',
          );
        },
      },
    },
    jwks: { keys: [options.keys.privateJwk] },
    claims: {
      openid: ['sub', 'tid', 'oid', 'wids'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    conformIdTokenClaims: false,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      ...(dialect === 'entra' ? { deviceFlow: deviceFlowFeature() } : {}),
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, _client, oneOf) => {
          if (oneOf) return oneOf;
          const scopes = String(ctx.oidc.params?.scope ?? '').split(' ');
          return scopes.map(resourceOfScope).find(Boolean) ?? undefined;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, resourceIndicator) => {
          refuseNonDefaultScopes(ctx);
          const found = directory.findResource(requestedResourceOf(resourceIndicator));
          if (!found)
            throw new errors.InvalidTarget(
              `No service principal in this tenant exposes '${resourceIndicator}'.`,
            );
          return {
            scope: resourceScopes(found, resourceIndicator).join(' '),
            audience: found.audience,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async findAccount(_ctx, id) {
      const user = findUser(id);
      if (!user) return undefined;
      return {
        accountId: user.accountId,
        async claims() {
          return {
            sub: user.accountId,
            oid: user.accountId,
            tid: DEMO_TENANT_ID,
            wids: user.directoryRoles,
            name: user.name,
            preferred_username: user.email,
            email: user.email,
          };
        },
      };
    },
    // Consent is automatic in the demo: the tenant's admin has consented for the dashboard, for everyone.
    async loadExistingGrant(ctx) {
      const clientId = ctx.oidc.client!.clientId;
      const session = ctx.oidc.session!;
      const existing = ctx.oidc.result?.consent?.grantId || session.grantIdFor(clientId);
      const grant =
        (existing ? await ctx.oidc.provider.Grant.find(existing) : undefined) ??
        new ctx.oidc.provider.Grant({ clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile email offline_access');
      // Tenant-wide admin consent, as in Entra: a reader may hold a write scope; Graph still answers
      // 403 because their directory role (wids) does not allow writing.
      grant.addResourceScope(GRAPH_RESOURCE, GRAPH_SCOPES.join(' '));
      // ...and for any other API of the tenant the admin asks a token for (`{appId}/.default`, the
      // token inspector's test token), as an admin-consented tenant would grant it.
      for (const scope of String(ctx.oidc.params?.scope ?? '').split(' ')) {
        const indicator = resourceOfScope(scope);
        const found = indicator && directory.findResource(requestedResourceOf(indicator));
        if (indicator && found)
          grant.addResourceScope(indicator, resourceScopes(found, indicator).join(' '));
      }
      await grant.save();
      session.grantIdFor(clientId, grant.jti);
      return grant;
    },
    async extraTokenClaims(_ctx, token) {
      // `ver`, `iss`, `aud`, `appid`/`azp` are set by the JWT customizer, by the resource's version.
      const base = { tid: DEMO_TENANT_ID };
      if (token.kind === 'ClientCredentials') {
        const client = DEMO_APPLICATION_CLIENTS.find((c) => c.clientId === token.clientId);
        const graph =
          (token as { resourceServer?: { audience?: string } }).resourceServer?.audience ===
          GRAPH_RESOURCE;
        return {
          ...base,
          oid: client?.objectId,
          sub: client?.objectId,
          appid: token.clientId,
          roles: graph ? client?.roles : undefined,
          idtyp: 'app',
        };
      }
      const user = findUser(String((token as { accountId?: string }).accountId));
      const scope = String((token as { scope?: string }).scope ?? '');
      const scp = scope
        .split(' ')
        .filter((s) => s.includes('/') && !s.endsWith('/.default'))
        .map((s) => s.slice(s.lastIndexOf('/') + 1))
        .join(' ');
      return {
        ...base,
        oid: user?.accountId,
        name: user?.name,
        preferred_username: user?.email,
        wids: user?.directoryRoles,
        scp,
        appid: token.clientId,
        idtyp: 'user',
      };
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // As with Entra, a used refresh token stays valid: concurrent silent renewals must not race.
    rotateRefreshToken: false,
    ttl: {
      AccessToken: (_ctx, token) => lifetimeFor(token as never),
      ClientCredentials: (_ctx, token) => lifetimeFor(token as never),
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 24 * 3600,
      AuthorizationCode: 300,
      DeviceCode: deviceCode.lifetimeSeconds,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(
        String(out.error),
        out.error_description ? String(out.error_description) : undefined,
      );
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.proxy = false;
  // Entra accepts a client assertion again while it is valid, and msal-node relies on it: it reuses
  // one assertion for up to 10 minutes (ClientAssertion.getJwt). oidc-provider's single-use check
  // (ReplayDetection, otherwise unused here: no DPoP) would refuse every sign-in after the first.
  provider.ReplayDetection.unique = async () => true;
  if (dialect === 'entra') {
    provider.use(addClientInfo);
    provider.use(
      deviceCodes.middleware(deviceCode.intervalSeconds, (ctx) =>
        ctx.oidc.urlFor('code_verification'),
      ),
    );
  }
  const callback = provider.callback();

  const tokenPath = provider.pathFor('token', { mountPath: '' });
  const handler: RequestHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', options.issuer);
    if (req.method === 'POST' && url.pathname === tokenPath) {
      const form = await readForm(req);
      // Entra takes the device code grant by its short name too, which msal-node sends.
      if (dialect === 'entra' && form.get('grant_type') === 'device_code')
        form.set('grant_type', DEVICE_CODE_GRANT);
      (req as IncomingMessage & { body?: string }).body = form.toString();
      const refused = await refusedClientAssertion(form, certificateCredentials);
      if (refused) return jsonAnswer(res, refused.status, refused.body);
      const expired = deviceCodes.expiredAnswer(form);
      if (expired) return jsonAnswer(res, 400, expired);
      if (await refusedRefreshForAnotherResource(provider, form, req, res, options.appOrigins))
        return;
    }
    if (dialect === 'entra') {
      const answered = answerEntraDiscovery(req, res, url, {
        origin: url.origin,
        tenantId: DEMO_TENANT_ID,
        tenantDomain: DEMO_TENANT_DOMAIN,
      });
      if (answered === 'answered') return;
      if (answered) req.url = answered;
    }
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (interaction) return handleInteraction(provider, req, res, Boolean(interaction[2]));
    if (
      url.pathname === provider.pathFor('end_session', { mountPath: '' }) &&
      url.searchParams.has('post_logout_redirect_uri') &&
      !url.searchParams.has('client_id') &&
      !url.searchParams.has('id_token_hint')
    ) {
      // MSAL signs out with post_logout_redirect_uri alone, which Entra honours; oidc-provider needs to
      // know the client to check that URI, and the dashboard is the only client that signs users in.
      url.searchParams.set('client_id', DEMO_DASHBOARD_CLIENT_ID);
      req.url = `${url.pathname}?${url.searchParams.toString()}`;
    }
    return callback(req, res);
  };
  return { provider, handler };
}

/**
 * Entra's refresh tokens serve any resource the user consented to; oidc-provider's serve only the
 * resources of the original request and would silently mint a token for the old one. For another
 * resource this answers `invalid_grant`, on which MSAL renews through the authorize endpoint
 * (hidden iframe, prompt=none), where loadExistingGrant grants it: the token arrives silently, as
 * from Entra. (The handler reads the body once and hands it on as `req.body`, which oidc-provider accepts.)
 */
async function refusedRefreshForAnotherResource(
  provider: Provider,
  form: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
  appOrigins: string[],
): Promise<boolean> {
  if (form.get('grant_type') !== 'refresh_token') return false;
  const wanted = (form.get('scope') ?? '').split(' ').map(resourceOfScope).find(Boolean);
  const token = await provider.RefreshToken.find(form.get('refresh_token') ?? '');
  if (!wanted || !token) return false;
  const granted = ([] as string[]).concat(token.resource ?? []);
  if (granted.includes(wanted)) return false;
  const origin = req.headers.origin;
  res.writeHead(400, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    // The SPA reads this answer from another origin, as it reads oidc-provider's own (CORS).
    ...(origin && appOrigins.includes(origin)
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : {}),
  });
  res.end(
    JSON.stringify({
      error: 'invalid_grant',
      error_description: `This refresh token was issued for another resource than '${requestedResourceOf(wanted)}'; renew through the authorize endpoint.`,
    }),
  );
  return true;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function jsonAnswer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  submitted: boolean,
) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return html(
      res,
      400,
      errorPage('This sign-in has expired', 'return to the dashboard and sign in again'),
    );
  }
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? 'the dashboard';
  const action = `/interaction/${details.uid}/login`;
  if (details.prompt.name === 'login') {
    if (!submitted || req.method !== 'POST')
      return html(
        res,
        200,
        loginPage(action, { clientName, email: String(details.params.login_hint ?? '') }),
      );
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const user = findUserByEmail(email);
    if (!user || user.password !== form.get('password')) {
      return html(
        res,
        200,
        loginPage(action, {
          clientName,
          email,
          error: 'Your email or password is incorrect. Check the demo accounts below.',
        }),
      );
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.accountId } },
      { mergeWithLastSubmission: false },
    );
  }
  // Consent: granted by loadExistingGrant; anything left is finished without asking.
  const grant = new provider.Grant({
    accountId: details.session!.accountId,
    clientId: String(details.params.client_id),
  });
  grant.addOIDCScope('openid profile email offline_access');
  await grant.save();
  return provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

export { DEMO_USERS };
export type { KoaContextWithOIDC };
