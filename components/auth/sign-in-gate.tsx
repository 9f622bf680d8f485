'use client';

import { InteractionStatus } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useAuth } from './auth-provider';

export function SignInGate({ children }: { children: React.ReactNode }) {
  const { instance, inProgress } = useMsal();
  const signedIn = useIsAuthenticated();
  const { settings } = useAuth();
  if (signedIn) return <>{children}</>;
  if (inProgress !== InteractionStatus.None) {
    return (
      <div role="status" className="p-10 text-sm">
        Signing in…
      </div>
    );
  }
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-2xl font-semibold">Token lifetime policies</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        See which token lifetime policy sets the access-token lifetime of every application in{' '}
        <strong>{settings.tenantLabel}</strong>, and change them safely.
      </p>
      <button
        type="button"
        onClick={() =>
          instance.loginRedirect({
            scopes: settings.scopes.login,
            redirectUri: `${window.location.origin}/`,
          })
        }
        className="mt-6 rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
      >
        Sign in
      </button>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        Signing in asks only to <em>read</em> policies and applications (Policy.Read.All,
        Application.Read.All, and Directory.Read.All to fetch only what changed since your last
        visit). Write permissions are asked for the first time you change something.
      </p>
      {settings.mode === 'demo' && (
        <p className="mt-4 rounded bg-slate-100 p-3 text-sm dark:bg-slate-800">
          Demo tenant: sign in as <code>admin@contoso.demo</code> / <code>Admin-Demo-1</code> or,
          read-only, <code>reader@contoso.demo</code> / <code>Reader-Demo-1</code>.
        </p>
      )}
    </main>
  );
}
