import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Token lifetime policies', template: '%s · Token lifetime policies' },
  description:
    'See, change and link Microsoft Entra ID token lifetime policies, and know which one applies to each app.',
};

// The root layout holds no MSAL: the redirect bridge page must render outside MsalProvider.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
