'use client';

import { InteractionStatus } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useDeferredValue } from 'react';
import { useAuth } from './auth-provider';
import { rememberSessionHint } from './session-hint';
import { ShellPreview } from '@/components/shell/shell-preview';
import { SignInCard } from './sign-in-card';

export function SignInGate({ children }: { children: React.ReactNode }) {
  const { instance, inProgress } = useMsal();
  const signedIn = useIsAuthenticated();
  const { settings, sessionHint } = useAuth();
  // msal-react learns of the account in an ordinary update, which would render the whole dashboard
  // in one long task. Deferred, it renders in a transition, in slices, while "Signing in…" shows.
  const dashboardReady = useDeferredValue(signedIn);
  if (signedIn && dashboardReady) return <>{children}</>;
  const signingIn = <ShellPreview tenantLabel={settings.tenantLabel} status="Signing in…" />;
  if (signedIn) return signingIn;
  if (inProgress !== InteractionStatus.None) {
    // msal-react reports its own start-up after the provider has already read MSAL's cache: a
    // signed-out tab keeps the card it showed while starting, instead of a flash of "Signing in…".
    const starting =
      inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect;
    if (starting && sessionHint === 'signed-out') return <SignInCard settings={settings} />;
    return signingIn;
  }
  return (
    <SignInCard
      settings={settings}
      onSignIn={() => {
        // The page MSAL comes back to is rendered as "Starting sign-in…", not the card again.
        rememberSessionHint('signed-in');
        void instance.loginRedirect({
          scopes: settings.scopes.login,
          redirectUri: `${window.location.origin}/`,
        });
      }}
    />
  );
}
