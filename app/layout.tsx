import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Token lifetime policies', template: '%s · Token lifetime policies' },
  description:
    'See, change and link Microsoft Entra ID token lifetime policies, and know which one applies to each app.',
};

// The root layout holds no MSAL: the redirect bridge page must render outside MsalProvider.
// Rendered per request: Next puts proxy.ts's per-request CSP nonce on its scripts only then.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
