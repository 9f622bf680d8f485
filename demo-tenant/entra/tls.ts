// The certificate of the demo tenant's Entra-shaped endpoints. MSAL refuses an http authority in its
// default protocol mode (`authority_uri_insecure`), so these endpoints speak HTTPS with a local CA
// made at first start and kept in an ignored folder: Node clients trust it through
// NODE_EXTRA_CA_CERTS (or msal-node's network client), browsers in tests through ignoreHTTPSErrors.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface DemoTls {
  /** PEM of the local certificate authority: what a client must trust. */
  caPath: string;
  cert: string;
  key: string;
}

const HOSTS = ['localhost'];
const ADDRESSES = ['127.0.0.1', '::1'];
const DAY = 24 * 3600 * 1000;

/** Reuses the CA and server certificate in `dir` when they are still valid, else makes new ones. */
export function ensureDemoTls(dir: string, now = new Date()): DemoTls {
  const caPath = join(dir, 'demo-tenant-ca.pem');
  const certPath = join(dir, 'localhost.pem');
  const keyPath = join(dir, 'localhost-key.pem');
  if ([caPath, certPath, keyPath].every((p) => existsSync(p))) {
    const cert = readFileSync(certPath, 'utf8');
    if (stillValid(cert, readFileSync(caPath, 'utf8'), now))
      return { caPath, cert, key: readFileSync(keyPath, 'utf8') };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = makeCertificates(now);
  // Each file is written beside and renamed into place: two starts at once never read half a PEM.
  for (const [path, text] of [
    [keyPath, made.key],
    [certPath, made.cert],
    [caPath, made.ca],
  ] as const) {
    const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, path);
  }
  return { caPath, cert: made.cert, key: made.key };
}

function stillValid(certPem: string, caPem: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    return (
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      new Date(cert.validTo).getTime() - now.getTime() > DAY &&
      HOSTS.every((h) => cert.checkHost(h) !== undefined)
    );
  } catch {
    return false;
  }
}

function forgeKeys() {
  // Node makes the RSA key (fast, native); forge only assembles the X.509 structures.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(
      privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    ),
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
  };
}

function serial(): string {
  // Positive, 16 bytes: RFC 5280 §4.1.2.2.
  return '01' + randomBytes(15).toString('hex');
}

function makeCertificates(now: Date): { ca: string; cert: string; key: string } {
  const caKeys = forgeKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = new Date(now.getTime() - DAY);
  ca.validity.notAfter = new Date(now.getTime() + 825 * DAY);
  const caName = [
    { name: 'commonName', value: 'Token lifetime dashboard demo tenant CA (this machine only)' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = forgeKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = serverKeys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  // Browsers refuse leaf certificates valid for more than 398 days.
  cert.validity.notAfter = new Date(now.getTime() + 397 * DAY);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...HOSTS.map((value) => ({ type: 2, value })),
        ...ADDRESSES.map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    ca: forge.pki.certificateToPem(ca),
    cert: forge.pki.certificateToPem(cert),
    key: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}
