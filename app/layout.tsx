import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Token lifetime policies', template: '%s · Token lifetime policies' },
  description:
    'See, change and link Microsoft Entra ID token lifetime policies, and know which one applies to each app.',
  // Files of public/: without them every page asked for /favicon.ico and got a 404.
  icons: {
    icon: [
      { url: '/favicon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
    apple: '/icon-192.png',
  },
  manifest: '/manifest.webmanifest',
  // An admin tool: kept out of search engines (robots.txt says the same).
  robots: { index: false, follow: false },
};

// The root layout holds no MSAL: the redirect bridge page must render outside MsalProvider.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: Next puts the CSP nonce of proxy.ts on its inline scripts only then, and
  // the tenant settings are read at run time, so one build serves every tenant.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
