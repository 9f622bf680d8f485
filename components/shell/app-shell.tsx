'use client';

import { AccountMenu } from '../auth/account-menu';
import { useAuth } from '../auth/auth-provider';
import { ShellFrame } from './shell-frame';

export function AppShell({ children }: { children: React.ReactNode }) {
  const { settings, interactionReason } = useAuth();
  return (
    <ShellFrame
      tenantLabel={settings.tenantLabel}
      account={<AccountMenu />}
      notice={interactionReason}
    >
      {children}
    </ShellFrame>
  );
}
