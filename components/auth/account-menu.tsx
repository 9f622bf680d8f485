'use client';

import { useMsal } from '@azure/msal-react';
import { useAuth } from './auth-provider';
import { useSignedInAdmin, writeRoleOf } from './signed-in-admin';

export function AccountMenu() {
  const { instance } = useMsal();
  const { settings } = useAuth();
  const admin = useSignedInAdmin();
  if (!admin) return null;
  const role = writeRoleOf(admin);
  const signOut = () => {
    sessionStorage.clear();
    instance.logoutRedirect({ account: instance.getActiveAccount() ?? undefined, postLogoutRedirectUri: `${window.location.origin}/` });
  };
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={`Account: ${admin.name}`}>
        {admin.name} ▾
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
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
          <p className="mt-2 text-xs">{role.canWrite ? `Role: ${role.roleName} (can write)` : 'Read-only account'}</p>
        )}
        <button type="button" onClick={signOut} className="mt-3 w-full rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-600">
          Sign out
        </button>
      </div>
    </details>
  );
}
