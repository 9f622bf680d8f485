// Where the command signs in and which Graph it reads: flags first, then the environment, with the
// same rules as the dashboard (lib/auth/settings: https only, the cloud's own Graph resource).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthSettingsError, resolveAuthSettings, type AuthSettings } from '../lib/auth/settings';
import { EXIT, CliError, usageError } from './exit-codes';

export type Credential =
  | { kind: 'secret'; secret: string }
  | { kind: 'certificate'; path: string }
  | { kind: 'device-code' };

export interface Connection {
  settings: AuthSettings;
  credential: Credential;
  /** The demo tenant's CA, which Node must trust (NODE_EXTRA_CA_CERTS). */
  demoCaPath?: string;
}

export interface ConnectionFlags {
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  certificate?: string;
  deviceCode?: boolean;
  authorityHost?: string;
  graphBaseUrl?: string;
  demo?: boolean;
  quiet?: boolean;
}

// Kept in step with demo-tenant/contracts.ts and accounts.ts (public, documented demo values).
const DEMO_TENANT_ID = '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the demo tenant keeps its CA (made at its first start), unless DEMO_TENANT_CA says. */
export function demoCaPathOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEMO_TENANT_CA || join(ROOT, '.demo-tenant', 'tls', 'demo-tenant-ca.pem');
}

/**
 * `access` is what the command needs: reading commands sign in with read permissions only (in the
 * demo, the read-only automation client), and only `apply` with write permissions.
 */
export function connectionFrom(
  flags: ConnectionFlags,
  access: 'read' | 'write',
  env: NodeJS.ProcessEnv = process.env,
): Connection {
  if (flags.demo) return demoConnection(flags, access, env);
  const tenantId = flags.tenant ?? env.ENTRA_TENANT_ID;
  const clientId = flags.clientId ?? env.ENTRA_CLIENT_ID;
  if (!tenantId || !clientId)
    throw usageError(
      'Say which tenant and app to sign in with: --tenant and --client-id (or ENTRA_TENANT_ID and ENTRA_CLIENT_ID), or --demo for the local demo tenant.',
    );
  const secret = flags.clientSecret ?? env.ENTRA_CLIENT_SECRET;
  const certificate = flags.certificate ?? env.ENTRA_CERTIFICATE_PATH;
  const chosen = [Boolean(secret), Boolean(certificate), Boolean(flags.deviceCode)].filter(Boolean);
  if (chosen.length !== 1)
    throw usageError(
      'Choose one way to sign in: a client secret (--client-secret / ENTRA_CLIENT_SECRET), a certificate (--certificate / ENTRA_CERTIFICATE_PATH), or --device-code for a person.',
    );
  const credential: Credential = secret
    ? { kind: 'secret', secret }
    : certificate
      ? { kind: 'certificate', path: certificate }
      : { kind: 'device-code' };
  return {
    settings: settingsOf({
      clientId,
      tenantId,
      authorityHost: flags.authorityHost ?? env.ENTRA_AUTHORITY_HOST,
      graphBaseUrl: flags.graphBaseUrl ?? env.GRAPH_BASE_URL,
    }),
    credential,
  };
}

/**
 * The demo tenant's own clients: with a secret, the automation client that may write (apply) or the
 * read-only one; with --certificate, the certificate client (read-only, its PEM is made at the
 * tenant's first start beside its CA); with --device-code, the public client a person signs in to.
 */
function demoConnection(
  flags: ConnectionFlags,
  access: 'read' | 'write',
  env: NodeJS.ProcessEnv,
): Connection {
  const host = (env.DEMO_TENANT_HTTPS_URL || 'https://localhost:4443').replace(/\/$/, '');
  const demoCaPath = demoCaPathOf(env);
  const [client, credential]: [string, Credential] = flags.deviceCode
    ? ['demo-cli', { kind: 'device-code' }]
    : flags.certificate
      ? ['demo-certificate', { kind: 'certificate', path: flags.certificate }]
      : access === 'write'
        ? ['demo-automation', { kind: 'secret', secret: 'demo-automation-secret' }]
        : ['demo-reader', { kind: 'secret', secret: 'demo-reader-secret' }];
  if (!existsSync(demoCaPath))
    throw new CliError(
      `The demo tenant's CA is not at ${demoCaPath}: start the demo tenant first (npm run demo-tenant), or point DEMO_TENANT_CA at its CA file.`,
      EXIT.auth,
    );
  return {
    settings: settingsOf({
      clientId: client,
      tenantId: DEMO_TENANT_ID,
      authorityHost: host,
      graphBaseUrl: `${host}/v1.0`,
    }),
    credential,
    demoCaPath,
  };
}

function settingsOf(environment: Parameters<typeof resolveAuthSettings>[0]): AuthSettings {
  try {
    return resolveAuthSettings(environment);
  } catch (error) {
    if (error instanceof AuthSettingsError) throw usageError(error.message);
    throw error;
  }
}
