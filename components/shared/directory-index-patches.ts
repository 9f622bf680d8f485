// One pure function per kind of write: the cached directory index with that write's effect, and
// nothing else changed. A write patches the index with what it read back instead of reading the
// whole tenant again (at 100,000 objects that is 250 requests and ~30 s). Each returns a new index
// (new arrays, new objects where something changed) so that every view derived from it updates.
import type { ObjectType } from '@/lib/graph/types';
import type { DirectoryIndex, DirectoryTarget, TokenLifetimePolicy } from '@/lib/policy/types';

/** What one object holds now, as read back (null: no policy). */
export interface LinkChange {
  objectType: ObjectType;
  objectId: string;
  policyId: string | null;
}

/** A policy created or edited: put in place of the old one, or added. */
export function withPolicySaved(
  index: DirectoryIndex,
  policy: TokenLifetimePolicy,
): DirectoryIndex {
  const known = index.policies.some((p) => p.id === policy.id);
  return {
    ...index,
    policies: known
      ? index.policies.map((p) => (p.id === policy.id ? policy : p))
      : [...index.policies, policy],
  };
}

/** A policy deleted: gone, and so are its links (Graph removes them with it). */
export function withPolicyDeleted(index: DirectoryIndex, policyId: string): DirectoryIndex {
  return {
    policies: index.policies.filter((p) => p.id !== policyId),
    targets: index.targets.map((t) =>
      t.applicationPolicyId === policyId || t.servicePrincipalPolicyId === policyId
        ? {
            ...t,
            applicationPolicyId:
              t.applicationPolicyId === policyId ? undefined : t.applicationPolicyId,
            servicePrincipalPolicyId:
              t.servicePrincipalPolicyId === policyId ? undefined : t.servicePrincipalPolicyId,
          }
        : t,
    ),
  };
}

const FIELD = {
  application: 'applicationPolicyId',
  servicePrincipal: 'servicePrincipalPolicyId',
} as const satisfies Record<ObjectType, keyof DirectoryTarget>;

/** Objects linked, unlinked or replaced: each holds what it was read back to hold. */
export function withLinks(index: DirectoryIndex, changes: LinkChange[]): DirectoryIndex {
  if (changes.length === 0) return index;
  const byObject = new Map(changes.map((c) => [`${c.objectType}:${c.objectId}`, c]));
  return {
    ...index,
    targets: index.targets.map((t) => {
      let patched: DirectoryTarget | undefined;
      for (const objectType of ['application', 'servicePrincipal'] as const) {
        const object = objectType === 'application' ? t.application : t.servicePrincipal;
        const change = object && byObject.get(`${objectType}:${object.id}`);
        if (!change) continue;
        patched ??= { ...t };
        patched[FIELD[objectType]] = change.policyId ?? undefined;
      }
      return patched ?? t;
    }),
  };
}

/** The organization default switched (or unset): exactly the policies read back as default are. */
export function withOrganizationDefaults(
  index: DirectoryIndex,
  defaultPolicyIds: string[],
): DirectoryIndex {
  const defaults = new Set(defaultPolicyIds);
  return {
    ...index,
    policies: index.policies.map((p) =>
      p.isOrganizationDefault === defaults.has(p.id)
        ? p
        : { ...p, isOrganizationDefault: defaults.has(p.id) },
    ),
  };
}
