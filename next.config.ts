import type { NextConfig } from 'next';

// distDir is overridable so that several builds (e2e, bench, a developer's own) never share one folder.
const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
