'use client';

import { useMsal } from '@azure/msal-react';
import { WRITER_ROLES } from '@/lib/auth/scopes';

export interface SignedInAdmin {
  name: string;
  username: string;
  tenantId: string;
  /** Directory roles from the ID token's wids claim, when the tenant emits it. */
  directoryRoles?: string[];
}

export function useSignedInAdmin(): SignedInAdmin | null {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  if (!account) return null;
  const claims = (account.idTokenClaims ?? {}) as Record<string, unknown>;
  return {
    name: account.name ?? account.username,
    username: account.username,
    tenantId: String(claims.tid ?? account.tenantId ?? ''),
    directoryRoles: Array.isArray(claims.wids) ? claims.wids.map(String) : undefined,
  };
}

/** Whether the admin's directory roles allow writing, as far as the ID token tells. */
export function writeRoleOf(admin: SignedInAdmin | null): {
  canWrite: boolean | undefined;
  roleName?: string;
} {
  if (!admin?.directoryRoles) return { canWrite: undefined };
  const role = admin.directoryRoles.find((r) => r in WRITER_ROLES);
  return { canWrite: Boolean(role), roleName: role ? WRITER_ROLES[role] : undefined };
}
