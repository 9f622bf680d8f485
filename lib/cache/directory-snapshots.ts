// The tenant's applications and service principals, kept in this browser's IndexedDB between
// visits (idb-keyval), per tenant and signed-in admin. Never tokens, never links: only objects any
// reader of the tenant may list, plus the deltaLinks to update them. Cleared at sign-out. Storage
// that fails (private mode, quota) only makes the next visit a cold one.
//
// Two records, so that a warm load can ask Graph for changes before the 150,000 objects are read:
// - the tracking record (small): deltaLinks, when Graph last confirmed them, and which objects
//   record they belong to (its generation);
// - the objects record (large), in columns (lib/cache/object-columns.ts), in its own database.
// The objects are written first, then the tracking record naming them; a visit whose deltaLinks
// moved on while nothing changed writes the tracking record alone.
//
// idb-keyval and the column code load when first used: sign-out and every view that reads the
// directory import this module, and it stays out of every route's first-load JavaScript.
import type { UseStore } from 'idb-keyval';
import type { KeptSnapshot, ObjectSnapshot } from '../graph/tracked-objects';
import { APPLICATION_FIELDS, SERVICE_PRINCIPAL_FIELDS } from '../graph/types';
import type { ObjectColumns } from './object-columns';

const DATABASE = 'token-lifetime-dashboard';
const STORE = 'directory-snapshots';
const OBJECTS_DATABASE = 'token-lifetime-dashboard-objects';
const OBJECTS_STORE = 'objects';
/** A snapshot made with other $select fields would lack what the view needs: discard it. */
const SHAPE = `2:${APPLICATION_FIELDS.join(',')}:${SERVICE_PRINCIPAL_FIELDS.join(',')}`;

interface TrackingRecord {
  shape: string;
  generation: string;
  savedAt: number;
  deltaLinks: ObjectSnapshot['deltaLinks'];
}

interface ObjectsRecord {
  generation: string;
  applications: ObjectColumns;
  servicePrincipals: ObjectColumns;
}

const idb = () => import('idb-keyval');
const columns = () => import('./object-columns');

let trackingStore: UseStore | undefined;
let objectsStore: UseStore | undefined;
const tracking = async () => (trackingStore ??= (await idb()).createStore(DATABASE, STORE));
const objects = async () =>
  (objectsStore ??= (await idb()).createStore(OBJECTS_DATABASE, OBJECTS_STORE));

export function snapshotKey(tenantId: string, adminId: string): string {
  return `${tenantId}/${adminId}`;
}

async function readObjects(
  key: string,
  generation: string,
): Promise<Pick<ObjectSnapshot, 'applications' | 'servicePrincipals'> | undefined> {
  try {
    const { get } = await idb();
    const stored = await get<ObjectsRecord>(key, await objects());
    if (stored?.generation !== generation) return undefined;
    const { fromColumns } = await columns();
    return {
      applications: await fromColumns(stored.applications, APPLICATION_FIELDS),
      servicePrincipals: await fromColumns(stored.servicePrincipals, SERVICE_PRINCIPAL_FIELDS),
    };
  } catch {
    return undefined;
  }
}

/**
 * What was kept for this admin: the deltaLinks at once, the objects read and decoded when asked
 * for (while Graph answers). The objects are undefined when they are missing or belong to other
 * deltaLinks: then the visit is a cold one.
 */
export async function readSnapshot(key: string): Promise<KeptSnapshot | undefined> {
  try {
    const { get, del } = await idb();
    const stored = await get<TrackingRecord>(key, await tracking());
    if (stored?.shape === SHAPE)
      return {
        savedAt: stored.savedAt,
        deltaLinks: stored.deltaLinks,
        generation: stored.generation,
        objects: () => readObjects(key, stored.generation),
      };
    if (stored) await del(key, await tracking());
  } catch {
    // No IndexedDB here: a cold load.
  }
  return undefined;
}

const newGeneration = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Keeps the snapshot for the next visit. When Graph reported no change to the objects kept as
 * `snapshot.generation`, only the new deltaLinks are written.
 */
export async function saveSnapshot(key: string, snapshot: ObjectSnapshot): Promise<void> {
  try {
    const { set } = await idb();
    let generation = snapshot.objectsUnchanged ? snapshot.generation : undefined;
    if (!generation) {
      const { toColumns } = await columns();
      generation = newGeneration();
      const record: ObjectsRecord = {
        generation,
        applications: toColumns(snapshot.applications, APPLICATION_FIELDS),
        servicePrincipals: toColumns(snapshot.servicePrincipals, SERVICE_PRINCIPAL_FIELDS),
      };
      await set(key, record, await objects());
    }
    const record: TrackingRecord = {
      shape: SHAPE,
      generation,
      savedAt: snapshot.savedAt,
      deltaLinks: snapshot.deltaLinks,
    };
    await set(key, record, await tracking());
  } catch {
    // Quota or private mode: the next visit is a cold one, nothing worse.
  }
}

/** At sign-out: nothing of the tenant stays in this browser. */
export async function clearSnapshots(): Promise<void> {
  await Promise.all(
    [tracking, objects].map(async (store) => {
      try {
        await (await idb()).clear(await store());
      } catch {
        // Nothing was kept.
      }
    }),
  );
}
