// DOMAIN.md's permissions table: what each call needs, delegated (scp) or application (roles).
import {
  CONDITIONAL_ACCESS_READER_ROLE_IDS,
  CONDITIONAL_ACCESS_WRITER_ROLE_IDS,
  WRITER_ROLE_IDS,
  type TokenCheck,
} from '../contracts';
import { GraphHttpError } from './errors';

export type Permission =
  | 'Policy.Read.All'
  | 'Application.Read.All'
  | 'Policy.ReadWrite.ApplicationConfiguration'
  | 'Application.ReadWrite.All'
  // Delegated grants (oauth2permissiongrant-list-permissions.md: Directory.Read.All least privileged).
  | 'Directory.Read.All'
  // Conditional Access (conditionalaccessroot-list-policies.md / -post-policies.md, Graph v1.0).
  | 'Policy.Read.ConditionalAccess'
  | 'Policy.ReadWrite.ConditionalAccess';

/** A ReadWrite permission also grants the matching read. */
const SATISFIED_BY: Record<Permission, Permission[]> = {
  'Policy.Read.All': ['Policy.Read.All', 'Policy.ReadWrite.ApplicationConfiguration'],
  'Application.Read.All': ['Application.Read.All', 'Application.ReadWrite.All'],
  'Policy.ReadWrite.ApplicationConfiguration': ['Policy.ReadWrite.ApplicationConfiguration'],
  'Application.ReadWrite.All': ['Application.ReadWrite.All'],
  'Directory.Read.All': ['Directory.Read.All'],
  // Reading CA policies: Policy.Read.All (least privileged), or the Conditional Access ones.
  'Policy.Read.ConditionalAccess': [
    'Policy.Read.All',
    'Policy.Read.ConditionalAccess',
    'Policy.ReadWrite.ConditionalAccess',
  ],
  'Policy.ReadWrite.ConditionalAccess': ['Policy.ReadWrite.ConditionalAccess'],
};

const WRITES: Permission[] = [
  'Policy.ReadWrite.ApplicationConfiguration',
  'Application.ReadWrite.All',
];

export function requirePermissions(
  auth: Extract<TokenCheck, { ok: true }>,
  needed: Permission[],
): void {
  const granted = new Set(auth.permissions);
  const missing = needed.filter((p) => !SATISFIED_BY[p].some((g) => granted.has(g)));
  // As in Entra, a user's token may hold a write scope their directory role does not allow.
  const roleRefused =
    auth.kind === 'delegated' &&
    needed.some((p) => WRITES.includes(p)) &&
    !(auth.directoryRoles ?? []).some((r) => WRITER_ROLE_IDS.includes(r));
  // Conditional Access needs its own directory roles: Cloud Application Administrator reads and
  // writes app policies but not Conditional Access (learn.microsoft.com, Entra built-in roles).
  const roles = auth.directoryRoles ?? [];
  const conditionalAccessRefused =
    auth.kind === 'delegated' &&
    ((needed.includes('Policy.ReadWrite.ConditionalAccess') &&
      !roles.some((r) => CONDITIONAL_ACCESS_WRITER_ROLE_IDS.includes(r))) ||
      (needed.includes('Policy.Read.ConditionalAccess') &&
        !roles.some((r) => CONDITIONAL_ACCESS_READER_ROLE_IDS.includes(r))));
  if (missing.length > 0 || roleRefused || conditionalAccessRefused) {
    throw new GraphHttpError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
}
