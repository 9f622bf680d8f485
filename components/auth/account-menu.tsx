'use client';

import { useMsal } from '@azure/msal-react';
import { useEffect, useRef, useState } from 'react';
import { clearSessionKeepingDrafts, countDrafts } from '@/components/shell/draft-storage';
import { clearSnapshots } from '@/lib/cache/directory-snapshots';
import { useAuth } from './auth-provider';
import { rememberSessionHint } from './session-hint';
import { useSignedInAdmin, writeRoleOf } from './signed-in-admin';

export function AccountMenu() {
  const { instance } = useMsal();
  const { settings, tokenSource } = useAuth();
  const admin = useSignedInAdmin();
  const [open, setOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string>();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !container.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  if (!admin) return null;
  const role = writeRoleOf(admin);
  const drafts = open ? countDrafts(sessionStorage) : 0;
  const signOut = () => {
    setSignOutError(undefined);
    tokenSource.endSession();
    // The page asks for no more tokens (a request still loading the tenant would find the session
    // gone and open a prompt); the kept directory (IndexedDB) goes; then consent flags go with the
    // session, unsaved drafts stay, and MSAL clears its own token cache on the way out.
    void clearSnapshots()
      .finally(() => {
        clearSessionKeepingDrafts(sessionStorage);
        rememberSessionHint('signed-out');
        return instance.logoutRedirect({
          account: instance.getActiveAccount() ?? undefined,
          postLogoutRedirectUri: `${window.location.origin}/`,
        });
      })
      .catch((error: Error) => setSignOutError(error.message));
  };
  return (
    <div className="relative" ref={container}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="account-panel"
        aria-label={`Account: ${admin.name}`}
        onClick={() => setOpen(!open)}
        className="rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="tenant-text">{admin.name}</span> ▾
      </button>
      {open && (
        <div
          id="account-panel"
          className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="font-semibold tenant-text">{admin.name}</p>
          <p className="text-slate-600 dark:text-slate-300" data-testid="account-username">
            {admin.username}
          </p>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Tenant: {settings.tenantLabel}
            <br />
            <span className="font-mono">{admin.tenantId}</span>
          </p>
          {role.canWrite !== undefined && (
            <p className="mt-2 text-xs">
              {role.canWrite ? `Role: ${role.roleName} (can write)` : 'Read-only account'}
            </p>
          )}
          {drafts > 0 && (
            <p className="mt-2 text-xs" data-testid="drafts-kept">
              {drafts === 1
                ? 'Your unsaved policy draft stays'
                : `Your ${drafts} unsaved policy drafts stay`}{' '}
              in this tab when you sign out; sign in again here to finish.
            </p>
          )}
          <button
            type="button"
            onClick={signOut}
            className="mt-3 w-full rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-600"
          >
            Sign out
          </button>
          {signOutError && (
            <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
              Sign-out did not start: {signOutError} Try again.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
