import type { NextConfig } from 'next';
// distDir is overridable so that several builds (e2e, bench, a developer's own) never share one folder.
const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // Source maps for profiling a production build (the bench's profiles); never on by default.
  productionBrowserSourceMaps: process.env.NEXT_BROWSER_SOURCE_MAPS === '1',
  poweredByHeader: false,
  turbopack: {
    // No Buffer polyfill in the browser: see lib/graph/without-buffer.ts.
    resolveAlias: { 'next/dist/compiled/buffer': { browser: './lib/graph/without-buffer.ts' } },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Content-Security-Policy is set per request by proxy.ts (nonce, tenant origins).
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
