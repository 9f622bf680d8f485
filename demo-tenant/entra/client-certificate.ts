// The certificate of the demo tenant's certificate-credential client (`demo-certificate`): a
// self-signed certificate made at first start and kept beside the demo CA, in one PEM file holding
// the certificate and its private key, as `az ad sp create-for-rbac --create-cert` writes it. The
// tenant knows it by its thumbprints, as Entra knows an app's keyCredentials.
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface ClientCertificate {
  /** The PEM file (certificate + private key) a client signs its assertions with. */
  path: string;
  /** The certificate alone, in PEM. */
  certificate: string;
  /** Hex SHA-1 and SHA-256 thumbprints of the DER certificate (Entra's `x5t` and `x5t#S256`). */
  thumbprintSha1: string;
  thumbprintSha256: string;
}

const DAY = 24 * 3600 * 1000;
export const CLIENT_CERTIFICATE_FILE = 'demo-certificate.pem';

/** Reuses the certificate in `dir` while it is valid for more than a day, else makes a new one. */
export function ensureClientCertificate(dir: string, now = new Date()): ClientCertificate {
  const path = join(dir, CLIENT_CERTIFICATE_FILE);
  if (existsSync(path)) {
    const known = readClientCertificate(path);
    if (
      known &&
      new Date(new X509Certificate(known.certificate).validTo).getTime() - now.getTime() > DAY
    )
      return known;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { pem } = makeClientCertificate('demo-certificate', now);
  // Written beside, then put in place whole. When there is none yet, the first of several starts at
  // once wins (a hard link fails if the name exists) and every one of them uses its certificate;
  // an expired one is replaced.
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, pem, { mode: 0o600 });
  try {
    if (existsSync(path)) renameSync(temp, path);
    else linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readClientCertificate(path)!;
}

/** The certificate of a PEM file holding a certificate and its key; undefined if it holds none. */
export function readClientCertificate(path: string): ClientCertificate | undefined {
  try {
    const pem = readFileSync(path, 'utf8');
    const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(
      pem,
    )?.[0];
    if (!certificate) return undefined;
    return { path, certificate, ...thumbprintsOf(certificate) };
  } catch {
    return undefined;
  }
}

export function thumbprintsOf(certificate: string) {
  const der = new X509Certificate(certificate).raw;
  return {
    thumbprintSha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

/** A self-signed RSA certificate and its key, in one PEM text (certificate first). */
export function makeClientCertificate(
  commonName: string,
  now = new Date(),
): { pem: string; certificate: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  // Positive, 16 bytes: RFC 5280 §4.1.2.2.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + 365 * DAY);
  const name = [{ name: 'commonName', value: commonName }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  const certificate = forge.pki.certificateToPem(cert);
  return { pem: `${certificate}${key}`, certificate };
}
