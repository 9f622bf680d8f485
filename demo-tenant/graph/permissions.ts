// What each call needs, delegated (scp) or application (roles), as Microsoft's permissions tables
// for these endpoints say (DOMAIN.md, and the per-endpoint tables cited in routes.ts).
import { WRITER_ROLE_IDS, type TokenCheck } from '../contracts';
import { GraphHttpError } from './errors';

export type Permission =
  | 'Policy.Read.All'
  | 'Application.Read.All'
  | 'Policy.ReadWrite.ApplicationConfiguration'
  | 'Application.ReadWrite.All'
  | 'Application.ReadWrite.OwnedBy'
  | 'Directory.Read.All';

/** One permission, or a list of which any one will do. Every need of a route must be met. */
export type PermissionNeed = Permission | Permission[];

/** A ReadWrite permission also grants the matching read. */
const SATISFIED_BY: Record<Permission, Permission[]> = {
  'Policy.Read.All': ['Policy.Read.All', 'Policy.ReadWrite.ApplicationConfiguration'],
  // OwnedBy reaches only the apps the caller owns: not a read of the whole directory.
  'Application.Read.All': ['Application.Read.All', 'Application.ReadWrite.All'],
  'Policy.ReadWrite.ApplicationConfiguration': ['Policy.ReadWrite.ApplicationConfiguration'],
  'Application.ReadWrite.All': ['Application.ReadWrite.All'],
  'Application.ReadWrite.OwnedBy': ['Application.ReadWrite.OwnedBy'],
  'Directory.Read.All': ['Directory.Read.All'],
};

const WRITES: Permission[] = [
  'Policy.ReadWrite.ApplicationConfiguration',
  'Application.ReadWrite.All',
  'Application.ReadWrite.OwnedBy',
];

/** Application.ReadWrite.OwnedBy exists only as an application permission. */
const APPLICATION_ONLY: Permission[] = ['Application.ReadWrite.OwnedBy'];

export function requirePermissions(
  auth: Extract<TokenCheck, { ok: true }>,
  needed: PermissionNeed[],
): void {
  const granted = new Set(auth.permissions);
  const usable = (p: Permission) => auth.kind === 'application' || !APPLICATION_ONLY.includes(p);
  const met = (p: Permission) => usable(p) && SATISFIED_BY[p].some((g) => granted.has(g));
  const missing = needed.filter((need) => !(Array.isArray(need) ? need : [need]).some(met));
  // As in Entra, a user's token may hold a write scope their directory role does not allow.
  const roleRefused =
    auth.kind === 'delegated' &&
    needed.flat().some((p) => WRITES.includes(p)) &&
    !(auth.directoryRoles ?? []).some((r) => WRITER_ROLE_IDS.includes(r));
  if (missing.length > 0 || roleRefused) {
    throw new GraphHttpError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
}
