// Tokens for Graph with msal-node: client credentials (secret or certificate) for pipelines, device
// code for a person. Entra accepts only `{resource}/.default` with client credentials.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
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
    // One person, one code: Graph reads run in parallel and each asks for a token, but only one
    // device code sign-in runs at a time; the others wait for it (and share its failure).
    let flow: Promise<AuthenticationResult | null> | undefined;
    // A sign-in the person did not complete is not offered again within the same command.
    let failure: unknown;
    const silent = (scopes: string[]) =>
      account ? app.acquireTokenSilent({ account, scopes }).catch(() => null) : null;
    return (scopes) =>
      signedIn(async () => {
        if (flow) await flow;
        if (failure) throw failure;
        const cached = await silent(scopes);
        if (cached) return cached.accessToken;
        flow ??= app
          .acquireTokenByDeviceCode({
            scopes,
            deviceCodeCallback: (response) => tell(response.message),
          })
          .then((result) => {
            account = result?.account ?? undefined;
            return result;
          })
          .catch((error: unknown) => {
            failure = error;
            throw error;
          })
          .finally(() => {
            flow = undefined;
          });
        const result = await flow;
        // Joined someone else's sign-in: this caller's own scopes come from the cache.
        return (await silent(scopes))?.accessToken ?? result?.accessToken;
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
    const detail = entraDescription((e.errorMessage || e.message || '').split('\n')[0]);
    const hint = hintFor(`${e.errorCode ?? ''} ${detail}`);
    lastFailure = new CliError(
      `Sign-in failed: ${e.errorCode ?? 'error'}: ${detail}${hint ? `\n${hint}` : ''}`,
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

/**
 * msal-node wraps Entra's answer as "Error(s): … - Description: AADSTS… - Correlation ID: … - Trace
 * ID: …": the description leads, and the ids (what Microsoft support asks for) follow when known.
 */
function entraDescription(message: string): string {
  const wrapped = /Description: (.*?) - Correlation ID: (.*?) - Trace ID: (.*)$/.exec(message);
  if (!wrapped) return message;
  const [, description, correlation, trace] = wrapped;
  const known = (id: string) => id.trim() !== '' && id.trim() !== 'Not Available';
  const ids = [
    known(correlation) && `correlation id ${correlation.trim()}`,
    known(trace) && `trace id ${trace.trim()}`,
  ].filter(Boolean);
  return `${description}${ids.length ? ` (${ids.join(', ')})` : ''}`;
}

/** What the admin can do about the failures people meet most (Entra's AADSTS codes, msal-node's). */
function hintFor(text: string): string | undefined {
  if (/AADSTS700027/.test(text))
    return 'The app registration does not hold this certificate: upload its public part under Certificates & secrets, or point --certificate at the PEM of a certificate it holds.';
  if (/AADSTS7000215|AADSTS7000222/.test(text))
    return 'The client secret is wrong or has expired: make a new one under Certificates & secrets.';
  if (/device_code_expired|expired_token|AADSTS70019/.test(text))
    return 'Nobody approved the device code before it expired: run the command again and approve the new code at the page shown.';
  return undefined;
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
