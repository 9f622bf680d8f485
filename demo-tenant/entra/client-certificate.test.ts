// The certificate client's PEM: made once, kept while valid, replaced when it is about to expire.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureClientCertificate } from './client-certificate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-cert-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('makes one PEM with the certificate and its key, and reuses it on the next start', () => {
  const first = ensureClientCertificate(dir);
  const pem = readFileSync(first.path, 'utf8');
  expect(pem).toMatch(/-----BEGIN CERTIFICATE-----[\s\S]+-----BEGIN PRIVATE KEY-----/);
  expect(first.thumbprintSha256).toBe(
    new X509Certificate(first.certificate).fingerprint256.replace(/:/g, ''),
  );
  expect(first.thumbprintSha1).toBe(
    new X509Certificate(first.certificate).fingerprint.replace(/:/g, ''),
  );
  expect(ensureClientCertificate(dir).thumbprintSha256).toBe(first.thumbprintSha256);
  expect(readFileSync(first.path, 'utf8')).toBe(pem);
});

it('replaces a certificate that expires within a day', () => {
  const first = ensureClientCertificate(dir);
  const later = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const second = ensureClientCertificate(dir, later);
  expect(second.thumbprintSha256).not.toBe(first.thumbprintSha256);
  expect(new Date(new X509Certificate(second.certificate).validTo).getTime()).toBeGreaterThan(
    later.getTime(),
  );
});
