import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';
import { resolveAuthSettings } from './settings';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('contentSecurityPolicy', () => {
  const entra = resolveAuthSettings({ clientId: 'c', tenantId: 't' });

  it('lets scripts run only with the response’s nonce in production', () => {
    const csp = contentSecurityPolicy(entra, { nonce: 'abc123', isDev: false });
    expect(directive(csp, 'script-src')).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, 'script-src')).not.toContain('unsafe-inline');
  });

  it('connects only to the authority and Graph', () => {
    const csp = contentSecurityPolicy(entra, { nonce: 'n', isDev: false });
    expect(directive(csp, 'connect-src')).toBe(
      "'self' https://login.microsoftonline.com https://graph.microsoft.com",
    );
  });
});
