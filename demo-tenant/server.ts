// One process, one port: the OpenID provider and the Graph emulator of the demo tenant.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_TENANT_ID } from './contracts';
import { DirectoryStore } from './directory/store';
import { ensureClientCertificate } from './entra/client-certificate';
import type { DeviceCodeOptions } from './entra/device-code';
import { ensureDemoTls } from './entra/tls';
import { createGraphHandler } from './graph/handler';
import { generateSigningKeys } from './oidc/keys';
import { createDemoProvider } from './oidc/provider';
import { v1Issuer } from './oidc/token-shape';
import { createGraphTokenVerifier } from './oidc/verifier';

export interface DemoTenantOptions {
  port?: number;
  /** Loopback only unless told otherwise: this tenant's passwords are public. */
  host?: string;
  /** Dashboard origins allowed to redirect and to call Graph (CORS). */
  appOrigins?: string[];
  latencyMs?: number;
  faultRate?: number;
  size?: number;
  organizationDefault?: boolean;
  policyCount?: number;
  seed?: number;
  stateFile?: string;
  /** Port of the Entra-shaped HTTPS endpoints (0: any free port). */
  httpsPort?: number;
  /** Where the local CA and certificate are kept (made at first start). */
  tlsDir?: string;
  /** Device code sign-in: the code's lifetime and polling interval (Entra: 900 s and 5 s). */
  deviceCode?: DeviceCodeOptions;
}

export interface DemoTenant {
  /** The quick-start endpoints (plain http; MSAL in OIDC mode with hand-fed metadata). */
  url: string;
  /** The Entra-shaped endpoints: authority `${httpsUrl}/${tenantId}`, Graph `${httpsUrl}/v1.0`. */
  httpsUrl: string;
  tenantId: string;
  /** PEM of the CA that signed the HTTPS certificate: what Node clients must trust. */
  caPath: string;
  /** PEM (certificate + key) of the `demo-certificate` client, beside the CA. */
  clientCertificatePath: string;
  /** The address the server is bound to (loopback unless DEMO_TENANT_HOST says otherwise). */
  address: string;
  store: DirectoryStore;
  close(): Promise<void>;
}

export const DEFAULT_APP_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'];

export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const host = options.host ?? '127.0.0.1';
  const store = new DirectoryStore(
    {
      size: options.size,
      organizationDefault: options.organizationDefault,
      policyCount: options.policyCount,
      seed: options.seed,
    },
    options.stateFile,
  );
  const keys = await generateSigningKeys();
  const tlsDir = options.tlsDir ?? join(process.cwd(), '.demo-tenant', 'tls');
  const tls = ensureDemoTls(tlsDir);
  const clientCertificate = ensureClientCertificate(tlsDir);
  const server = createServer();
  const secure = createHttpsServer({ cert: tls.cert, key: tls.key });
  // Idle keep-alive sockets stay open longer than clients keep them (Node's fetch: 4 s), so a client
  // never reuses a socket at the instant the server closes it (ECONNRESET under load).
  for (const target of [server, secure]) {
    target.keepAliveTimeout = 65_000;
    target.headersTimeout = 66_000;
  }
  const listen = (target: Server, port: number) =>
    new Promise<AddressInfo>((resolve, reject) => {
      target.once('error', reject);
      target.listen(port, host, () => resolve(target.address() as AddressInfo));
    });
  const { port, address } = await listen(server, options.port ?? 4000);
  const { port: httpsPort } = await listen(secure, options.httpsPort ?? 4443);
  // "localhost" rather than 127.0.0.1: MSAL's known authority and the browser's origin use it.
  const url = `http://localhost:${port}`;
  const httpsUrl = `https://localhost:${httpsPort}`;
  const v2Issuer = `${httpsUrl}/${DEMO_TENANT_ID}/v2.0`;
  const appOrigins = options.appOrigins ?? DEFAULT_APP_ORIGINS;
  const common = {
    directory: store,
    keys,
    appOrigins,
    v2Issuer,
    clientCertificate,
    deviceCode: options.deviceCode,
  };
  const { handler: quickStart } = createDemoProvider({ ...common, issuer: url });
  const { handler: entra } = createDemoProvider({ ...common, issuer: v2Issuer, dialect: 'entra' });
  const isSecure = (req: IncomingMessage) => 'encrypted' in req.socket;
  const graph = createGraphHandler({
    store,
    verifyToken: createGraphTokenVerifier({
      issuer: v1Issuer(DEMO_TENANT_ID),
      publicJwk: keys.publicJwk,
    }),
    publicBaseUrl: (req) => (isSecure(req) ? httpsUrl : url),
    allowedOrigins: appOrigins,
    allowedHosts: [host],
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
  });
  const onRequest = (oidc: typeof quickStart) => (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const handle =
      path.startsWith('/v1.0/') ||
      path.startsWith('/_demo/') ||
      (req.method === 'OPTIONS' && path.startsWith('/v1.0'))
        ? graph
        : oidc;
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      console.error('demo tenant:', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  server.on('request', onRequest(quickStart));
  secure.on('request', onRequest(entra));
  const close = (target: Server) =>
    new Promise<void>((resolve) => {
      target.closeAllConnections();
      target.close(() => resolve());
    });
  return {
    url,
    httpsUrl,
    tenantId: DEMO_TENANT_ID,
    caPath: tls.caPath,
    clientCertificatePath: clientCertificate.path,
    address,
    store,
    close: async () => {
      await Promise.all([close(server), close(secure)]);
      // Coalesced state-file writes still pending are written before the process may exit.
      await store.close();
    },
  };
}

export function demoTenantOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoTenantOptions {
  const number = (name: string) =>
    env[name] !== undefined && env[name] !== '' ? Number(env[name]) : undefined;
  return {
    port: number('DEMO_TENANT_PORT') ?? 4000,
    httpsPort: number('DEMO_TENANT_HTTPS_PORT') ?? (number('DEMO_TENANT_PORT') ?? 4000) + 443,
    tlsDir: env.DEMO_TENANT_TLS_DIR || undefined,
    host: env.DEMO_TENANT_HOST || '127.0.0.1',
    appOrigins: env.DEMO_APP_ORIGIN
      ? env.DEMO_APP_ORIGIN.split(',').map((o) => o.trim().replace(/\/$/, ''))
      : undefined,
    latencyMs: number('DEMO_LATENCY_MS'),
    faultRate: number('DEMO_FAULT_RATE'),
    size: number('DEMO_TENANT_SIZE'),
    policyCount: number('DEMO_POLICY_COUNT'),
    organizationDefault: env.DEMO_ORG_DEFAULT === '1' || env.DEMO_ORG_DEFAULT === 'true',
    seed: number('DEMO_TENANT_SEED'),
    stateFile: env.DEMO_TENANT_STATE_FILE || undefined,
  };
}
