// DOMAIN.md's permissions table: what each call needs, delegated (scp) or application (roles).
import { WRITER_ROLE_IDS, type TokenCheck } from '../contracts';
import { GraphHttpError } from './errors';

export type Permission =
  | 'Policy.Read.All'
  | 'Application.Read.All'
  | 'Policy.ReadWrite.ApplicationConfiguration'
  | 'Application.ReadWrite.All';

/** A ReadWrite permission also grants the matching read. */
const SATISFIED_BY: Record<Permission, Permission[]> = {
  'Policy.Read.All': ['Policy.Read.All', 'Policy.ReadWrite.ApplicationConfiguration'],
  'Application.Read.All': ['Application.Read.All', 'Application.ReadWrite.All'],
  'Policy.ReadWrite.ApplicationConfiguration': ['Policy.ReadWrite.ApplicationConfiguration'],
  'Application.ReadWrite.All': ['Application.ReadWrite.All'],
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
  if (missing.length > 0 || roleRefused) {
    throw new GraphHttpError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
}
