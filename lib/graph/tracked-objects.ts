// Applications and service principals kept between visits and brought up to date with delta
// queries instead of being read again: a warm load of a 100,000-object tenant is two requests
// when nothing changed. Links are never kept here: they are re-read on every load (appliesTo is
// small), so a link written in the dashboard or elsewhere always shows.
import type { GraphApi } from './client';
import type { DirectoryChanges } from './directory';
import type { ApplicationObject, ObjectType, ServicePrincipalObject } from './types';

export interface ObjectSnapshot {
  /** When Graph last confirmed these objects (ms since epoch). */
  savedAt: number;
  applications: ApplicationObject[];
  servicePrincipals: ServicePrincipalObject[];
  deltaLinks: Record<ObjectType, string>;
  /** Which kept objects these are (lib/cache), so that unchanged ones are not written again. */
  generation?: string;
  /** Graph reported no change since the kept objects: only the deltaLinks moved on. */
  objectsUnchanged?: boolean;
}

/**
 * What a visit finds kept: the deltaLinks at once, the objects when asked for. Decoding 150,000
 * objects holds the main thread for a while: the loader asks once its requests are in flight.
 */
export interface KeptSnapshot {
  savedAt: number;
  deltaLinks: Record<ObjectType, string>;
  generation?: string;
  objects: () => Promise<Pick<ObjectSnapshot, 'applications' | 'servicePrincipals'> | undefined>;
}

/** Changed objects merged over the kept ones (Graph may send only what changed), removed ones dropped. */
export function applyChanges<T extends { id: string }>(
  objects: T[],
  changes: Pick<DirectoryChanges<T>, 'changed' | 'removed'>,
): T[] {
  if (changes.changed.length === 0 && changes.removed.length === 0) return objects;
  const byId = new Map(objects.map((o) => [o.id, o]));
  for (const id of changes.removed) byId.delete(id);
  for (const changed of changes.changed)
    byId.set(changed.id, { ...byId.get(changed.id), ...changed });
  return [...byId.values()];
}

/**
 * deltaLinks for "changes from now on", asked before the objects are listed so that nothing
 * changed during the listing is missed (a change seen twice is harmless). Undefined when the
 * admin's token cannot track changes (no Directory.Read.All): loads stay correct, only cold.
 */
export async function startTracking(
  api: GraphApi,
): Promise<Record<ObjectType, string> | undefined> {
  try {
    const [application, servicePrincipal] = await Promise.all([
      api.startTracking('application'),
      api.startTracking('servicePrincipal'),
    ]);
    return { application, servicePrincipal };
  } catch {
    return undefined;
  }
}
