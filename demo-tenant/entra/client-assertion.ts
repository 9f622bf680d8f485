// Entra's check of a certificate credential, before oidc-provider's own private_key_jwt checks
// (audience, expiry, jti replay): the client assertion names its certificate by thumbprint in the
// header — `x5t#S256` (base64url SHA-256, what msal-node sends with `thumbprintSha256`, PS256) or
// `x5t` (base64url SHA-1, older clients, RS256) — and Entra looks that certificate up among the
// app's keys, then checks the signature with it. Either failing is AADSTS700027, `invalid_client`,
// 401. Sources: Microsoft identity platform "application authentication certificate credentials"
// (header parameters), and Entra's AADSTS700027 answers as quoted on Microsoft Q&A.
import { createPublicKey } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { ClientCertificate } from './client-certificate';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface CertificateCredential {
  clientId: string;
  certificate: ClientCertificate;
}

export interface Refusal {
  status: number;
  body: { error: string; error_description: string; error_codes: number[] };
}

const hexOf = (base64url: unknown) =>
  typeof base64url === 'string'
    ? Buffer.from(base64url, 'base64url').toString('hex').toUpperCase()
    : '';

function refuse(message: string, clientId: string, thumbprint: string): Refusal {
  return {
    status: 401,
    body: {
      error: 'invalid_client',
      error_description: `AADSTS700027: ${message} [Reason - ${
        message.startsWith('The certificate')
          ? 'The key was not found.'
          : 'The provided signature value did not match the expected signature value.'
      }, Thumbprint of key used by client: '${thumbprint || 'none'}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
      error_codes: [700027],
    },
  };
}

/** Undefined when the request is not a certificate client's, or its assertion passes Entra's checks. */
export async function refusedClientAssertion(
  form: URLSearchParams,
  credentials: CertificateCredential[],
): Promise<Refusal | undefined> {
  if (form.get('client_assertion_type') !== JWT_BEARER) return undefined;
  const assertion = form.get('client_assertion') ?? '';
  const clientId = form.get('client_id') ?? subjectOf(assertion);
  const credential = credentials.find((c) => c.clientId === clientId);
  if (!credential) return undefined;
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion) as Record<string, unknown>;
  } catch {
    return refuse(
      'The certificate with identifier used to sign the client assertion is not registered on application.',
      credential.clientId,
      '',
    );
  }
  const sha256 = hexOf(header['x5t#S256']);
  const sha1 = hexOf(header.x5t);
  const known = credential.certificate;
  const matches =
    (sha256 !== '' && sha256 === known.thumbprintSha256) ||
    (sha256 === '' && sha1 !== '' && sha1 === known.thumbprintSha1);
  if (!matches)
    return refuse(
      'The certificate with identifier used to sign the client assertion is not registered on application.',
      credential.clientId,
      sha256 || sha1,
    );
  try {
    await compactVerify(assertion, createPublicKey(known.certificate), {
      algorithms: ['RS256', 'PS256'],
    });
  } catch {
    return refuse(
      'Client assertion contains an invalid signature.',
      credential.clientId,
      sha256 || sha1,
    );
  }
  return undefined;
}

function subjectOf(assertion: string): string | null {
  try {
    const payload = JSON.parse(
      Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
