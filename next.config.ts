import type { NextConfig } from 'next';
import { getAuthSettings } from './lib/auth/settings';

const settings = getAuthSettings();
const isDev = process.env.NODE_ENV !== 'production';

/**
 * connect-src names only the authority and Graph: a pasted token (token inspector) or a hostile
 * display name can never be sent anywhere else. frame-src allows MSAL's hidden silent-renewal iframe.
 */
export function contentSecurityPolicy(): string {
  const authorityOrigin = new URL(
    settings.mode === 'demo' ? settings.graphBaseUrl : settings.authority,
  ).origin;
  return [
    "default-src 'self'",
    // Next's App Router streams inline scripts; eval only for the dev server's hot reload.
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
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

// distDir is overridable so that several builds (e2e, bench, a developer's own) never share one folder.
const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
