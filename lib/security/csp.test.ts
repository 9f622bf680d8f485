import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('the dashboard CSP', () => {
  const policy = directives(
    contentSecurityPolicy(
      { connectSrc: ['https://graph.microsoft.com'], authorityOrigin: 'https://login.example' },
      'bm9uY2U=',
      false,
    ),
  );

  it('lets the page load its favicon, icons and web manifest from public/', () => {
    expect(policy.get('img-src')).toContain("'self'");
    expect(policy.get('manifest-src')).toEqual(["'self'"]);
  });

  it('still runs scripts only with the nonce, and connects only where it must', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com']);
  });
});
