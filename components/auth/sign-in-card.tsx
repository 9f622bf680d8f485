'use client';

import type { AuthSettings } from '@/lib/auth/settings';

/**
 * The sign-in page. Shown by the sign-in gate, and earlier by the auth provider while MSAL starts
 * when this tab was signed out (session-hint.ts): then the button waits for MSAL.
 */
export function SignInCard({
  settings,
  onSignIn,
}: {
  settings: AuthSettings;
  /** Undefined while MSAL is still starting. */
  onSignIn?: () => void;
}) {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-2xl font-semibold">Token lifetime policies</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        See which token lifetime policy sets the access-token lifetime of every application in{' '}
        <strong>{settings.tenantLabel}</strong>, and change them safely.
      </p>
      <button
        type="button"
        onClick={onSignIn}
        disabled={!onSignIn}
        aria-describedby={onSignIn ? undefined : 'sign-in-starting'}
        className="mt-6 rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:cursor-wait disabled:opacity-80"
      >
        Sign in
      </button>
      {!onSignIn && (
        <span id="sign-in-starting" role="status" className="ml-3 text-sm text-slate-600">
          Starting sign-in…
        </span>
      )}
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
