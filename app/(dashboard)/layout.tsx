import { cookies } from 'next/headers';
import { DashboardProviders } from '@/components/shell/dashboard-providers';
import { SESSION_HINT_COOKIE, sessionHintFrom } from '@/lib/auth/session-hint';
import { AuthSettingsError, getAuthSettings } from '@/lib/auth/settings';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  let settings;
  try {
    settings = getAuthSettings();
  } catch (error) {
    if (!(error instanceof AuthSettingsError)) throw error;
    return (
      <main className="mx-auto max-w-xl p-10" role="alert">
        <h1 className="text-xl font-semibold">The dashboard is not configured correctly</h1>
        <p className="mt-2">{error.message}</p>
        <p className="mt-2 text-sm">
          Fix the environment variable and restart the dashboard (README: &quot;Using a real
          tenant&quot;).
        </p>
      </main>
    );
  }
  const sessionHint = sessionHintFrom((await cookies()).get(SESSION_HINT_COOKIE)?.value);
  return (
    <DashboardProviders settings={settings} sessionHint={sessionHint}>
      {children}
    </DashboardProviders>
  );
}
