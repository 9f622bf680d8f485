'use client';

import { EventType, PublicClientApplication, type AccountInfo } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { createMsalConfiguration } from '@/lib/auth/msal-config';
import type { AuthSettings } from '@/lib/auth/settings';
import { createAccessTokenSource, type AccessTokenSource } from '@/lib/auth/token-source';
import { timeLimitMs } from '@/lib/auth/time-limits';
import type { SessionHint } from '@/lib/auth/session-hint';
import { rememberSessionHint } from './session-hint';
import { ShellPreview } from '@/components/shell/shell-preview';
import { SignInCard } from './sign-in-card';

interface AuthContextValue {
  settings: AuthSettings;
  pca: PublicClientApplication;
  tokenSource: AccessTokenSource;
  /** Set while an interactive prompt is open, to explain it; cleared when the prompt is over. */
  interactionReason?: string;
  /** An interactive prompt of this page approved the write permissions (incremental consent). */
  writeConsentApproved: boolean;
  /** What the server rendered the first page from (lib/auth/session-hint.ts). */
  sessionHint: SessionHint;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

let instance: PublicClientApplication | undefined;

function msalInstance(settings: AuthSettings): PublicClientApplication {
  instance ??= new PublicClientApplication(
    createMsalConfiguration(settings, window.location.origin),
  );
  return instance;
}

/** MSAL once per page, initialised and with the redirect response handled before anything renders. */
export function AuthProvider({
  settings,
  sessionHint,
  children,
}: {
  /** Read by the server from its cookie: a signed-out browser gets the sign-in card at once. */
  sessionHint: SessionHint;
  /** Read per request by the server (lib/auth/settings): one build serves any tenant. */
  settings: AuthSettings;
  children: React.ReactNode;
}) {
  const [ready, setReady] = useState<PublicClientApplication>();
  const [failure, setFailure] = useState<string>();
  const [interactionReason, setInteractionReason] = useState<string>();
  const [writeConsentApproved, setWriteConsentApproved] = useState(false);

  useEffect(() => {
    const pca = msalInstance(settings);
    let cancelled = false;
    pca
      .initialize()
      .then(() => pca.handleRedirectPromise())
      .then((result) => {
        const account: AccountInfo | null =
          result?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
        if (account) pca.setActiveAccount(account);
        rememberSessionHint(account ? 'signed-in' : 'signed-out');
        pca.addEventCallback((event) => {
          if (
            event.eventType === EventType.LOGIN_SUCCESS &&
            event.payload &&
            'account' in event.payload &&
            event.payload.account
          ) {
            pca.setActiveAccount(event.payload.account);
            rememberSessionHint('signed-in');
          }
        });
        if (!cancelled) setReady(pca);
      })
      .catch((error: Error) => !cancelled && setFailure(error.message));
    return () => {
      cancelled = true;
    };
  }, [settings]);

  // Built once per MSAL instance: a prompt opening or closing must not make a new token source
  // (and with it a new Graph client) while a write waits for that prompt.
  const tokenSource = useMemo(
    () =>
      ready &&
      createAccessTokenSource(ready, {
        timeoutMs: () => timeLimitMs(settings),
        onInteraction: (scopes) =>
          setInteractionReason(
            scopes.some((s) => s.includes('ReadWrite'))
              ? 'Microsoft asks you to approve write permissions the first time you change something.'
              : 'Your session needs you to sign in again; unsaved changes stay on this page.',
          ),
        onInteractionEnd: (scopes, granted) => {
          setInteractionReason(undefined);
          if (granted && settings.scopes.write.every((scope) => scopes.includes(scope)))
            setWriteConsentApproved(true);
        },
      }),
    [ready, settings],
  );
  const value = useMemo(
    () =>
      ready &&
      tokenSource && {
        settings,
        pca: ready,
        interactionReason,
        writeConsentApproved,
        tokenSource,
        sessionHint,
      },
    [ready, tokenSource, settings, interactionReason, writeConsentApproved, sessionHint],
  );

  if (failure) {
    return (
      <main className="mx-auto max-w-xl p-10" role="alert">
        <h1 className="text-xl font-semibold">Sign-in could not start</h1>
        <p className="mt-2">{failure}</p>
        <p className="mt-2 text-sm">
          Check the dashboard&apos;s Entra configuration (client id, tenant id, redirect URI) and
          reload.
        </p>
      </main>
    );
  }
  if (!value) {
    if (sessionHint === 'signed-out') return <SignInCard settings={settings} />;
    return <ShellPreview tenantLabel={settings.tenantLabel} status="Starting sign-in…" />;
  }
  return (
    <MsalProvider instance={value.pca}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </MsalProvider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}
