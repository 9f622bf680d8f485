'use client';

import { AuthProvider } from '@/components/auth/auth-provider';
import { SignInGate } from '@/components/auth/sign-in-gate';
import { WriteAccessProvider } from '@/components/auth/write-access';
import { AppShell } from '@/components/shell/app-shell';
import { GraphProvider } from '@/components/shell/graph-provider';
import type { AuthSettings } from '@/lib/auth/settings';
import type { SessionHint } from '@/lib/auth/session-hint';

export function DashboardProviders({
  settings,
  sessionHint,
  children,
}: {
  settings: AuthSettings;
  sessionHint: SessionHint;
  children: React.ReactNode;
}) {
  return (
    <AuthProvider settings={settings} sessionHint={sessionHint}>
      <SignInGate>
        <GraphProvider>
          <WriteAccessProvider>
            <AppShell>{children}</AppShell>
          </WriteAccessProvider>
        </GraphProvider>
      </SignInGate>
    </AuthProvider>
  );
}
