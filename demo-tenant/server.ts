// One process, one port: the OpenID provider and the Graph emulator of the demo tenant.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DirectoryStore } from './directory/store';
import { createGraphHandler } from './graph/handler';
import { generateSigningKeys } from './oidc/keys';
import { createDemoProvider } from './oidc/provider';
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
}

export interface DemoTenant {
  url: string;
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
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, host, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  // "localhost" rather than 127.0.0.1: MSAL's known authority and the browser's origin use it.
  const url = `http://localhost:${port}`;
  const appOrigins = options.appOrigins ?? DEFAULT_APP_ORIGINS;
  const { handler: oidc } = createDemoProvider({ issuer: url, directory: store, keys, appOrigins });
  const graph = createGraphHandler({
    store,
    verifyToken: createGraphTokenVerifier({ issuer: url, publicJwk: keys.publicJwk }),
    publicBaseUrl: url,
    allowedOrigins: appOrigins,
    allowedHosts: [host],
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
  });
  server.on('request', (req, res) => {
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
  });
  return {
    url,
    address,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function demoTenantOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoTenantOptions {
  const number = (name: string) =>
    env[name] !== undefined && env[name] !== '' ? Number(env[name]) : undefined;
  return {
    port: number('DEMO_TENANT_PORT') ?? 4000,
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
