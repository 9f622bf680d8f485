// The dashboard's Content-Security-Policy, per request: a fresh nonce for Next's inline scripts
// (no 'unsafe-inline' for scripts in production) and connect-src limited to the sign-in authority
// and Graph, so a pasted token or a hostile display name can never be sent anywhere else.
import type { AuthSettings } from '../auth/settings';

export function contentSecurityPolicy(
  settings: Pick<AuthSettings, 'connectSrc' | 'authorityOrigin'>,
  nonce: string,
  isDev: boolean,
): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonce'd script are trusted; eval only for dev.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // The favicon and icons of public/ (same origin), and the web manifest that lists them.
    "img-src 'self' data:",
    "manifest-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${[...new Set(settings.connectSrc)].join(' ')}`,
    // MSAL's hidden silent-renewal iframe loads the authority's authorize page.
    `frame-src 'self' ${settings.authorityOrigin}`,
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
