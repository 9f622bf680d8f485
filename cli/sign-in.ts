// Tokens for Graph with msal-node: client credentials (secret or certificate) for pipelines, device
// code for a person. Entra accepts only `{resource}/.default` with client credentials.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-node';
import type { Connection } from './connection';
import { CliError, EXIT } from './exit-codes';

export type TokenSource = (scopes: string[]) => Promise<string>;

export function signIn(connection: Connection, tell: (line: string) => void): TokenSource {
  const { settings, credential } = connection;
  const auth: Configuration['auth'] = {
    clientId: settings.clientId,
    authority: settings.authority,
    knownAuthorities: settings.knownAuthorities,
  };
  if (credential.kind === 'device-code') {
    const app = new PublicClientApplication({ auth });
    let account: AccountInfo | undefined;
    return (scopes) =>
      signedIn(async () => {
        if (account) {
          const silent = await app.acquireTokenSilent({ account, scopes }).catch(() => null);
          if (silent) return silent.accessToken;
        }
        const result = await app.acquireTokenByDeviceCode({
          scopes,
          deviceCodeCallback: (response) => tell(response.message),
        });
        account = result?.account ?? undefined;
        return result?.accessToken;
      });
  }
  const app = new ConfidentialClientApplication({
    auth: {
      ...auth,
      ...(credential.kind === 'secret'
        ? { clientSecret: credential.secret }
        : { clientCertificate: certificateOf(credential.path) }),
    },
  });
  // App-only: the app's own application permissions (.default), whatever was asked.
  const scopes = [`${settings.cloud.resource}/.default`];
  return () =>
    signedIn(async () => (await app.acquireTokenByClientCredential({ scopes }))?.accessToken);
}

let lastFailure: CliError | undefined;

/**
 * lib/graph reports a token that could not be had as a network error (the request never left);
 * the command reports the sign-in failure itself, with its own exit code.
 */
export function lastSignInFailure(): CliError | undefined {
  return lastFailure;
}

async function signedIn(get: () => Promise<string | undefined>): Promise<string> {
  let token: string | undefined;
  try {
    token = await get();
  } catch (error) {
    const e = error as { errorCode?: string; errorMessage?: string; message?: string };
    lastFailure = new CliError(
      `Sign-in failed: ${e.errorCode ?? 'error'}: ${(e.errorMessage || e.message || '').split('\n')[0]}`,
      EXIT.auth,
    );
    throw lastFailure;
  }
  if (!token) {
    lastFailure = new CliError('Sign-in failed: no access token was returned.', EXIT.auth);
    throw lastFailure;
  }
  return token;
}

/** A PEM file holding the certificate and its private key (as `az ad sp create-for-rbac --create-cert` writes). */
function certificateOf(path: string) {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`Cannot read the certificate file ${path}.`, EXIT.usage);
  }
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(
    pem,
  )?.[0];
  if (!cert || !key)
    throw new CliError(
      `${path} must hold both the certificate and its private key, in PEM.`,
      EXIT.usage,
    );
  return {
    thumbprintSha256: new X509Certificate(cert).fingerprint256.replace(/:/g, ''),
    privateKey: key,
    x5c: cert,
  };
}
