import type { AuthSettings } from './settings';

/**
 * connect-src names only the authority and Graph: a pasted token (token inspector) or a hostile
 * display name can never be sent anywhere else. frame-src allows MSAL's hidden silent-renewal iframe.
 * Scripts run only with this response's nonce (no 'unsafe-inline'): an injected <script> does not.
 */
export function contentSecurityPolicy(
  settings: AuthSettings,
  { nonce, isDev }: { nonce: string; isDev: boolean },
): string {
  const authorityOrigin = new URL(
    settings.mode === 'demo' ? settings.graphBaseUrl : settings.authority,
  ).origin;
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd scripts load are trusted; eval only for dev's hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${[...new Set(settings.connectSrc)].join(' ')}`,
    `frame-src 'self' ${authorityOrigin}`,
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
