// The tenant's applications and service principals, kept in this browser's IndexedDB between
// visits (idb-keyval), one record per tenant and signed-in admin. Never tokens, never links:
// only objects any reader of the tenant may list, plus the deltaLinks to update them. Cleared at
// sign-out. Storage that fails (private mode, quota) only makes the next visit a cold one.
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { ObjectSnapshot } from '../graph/tracked-objects';
import { APPLICATION_FIELDS, SERVICE_PRINCIPAL_FIELDS } from '../graph/types';

const DATABASE = 'token-lifetime-dashboard';
const STORE = 'directory-snapshots';
/** A snapshot made with other $select fields would lack what the view needs: discard it. */
const SHAPE = `1:${APPLICATION_FIELDS.join(',')}:${SERVICE_PRINCIPAL_FIELDS.join(',')}`;

/**
 * The snapshot as one JSON string: IndexedDB clones one string far faster than 150,000 objects,
 * and JSON.parse beats structured-clone reading them back (the warm load waits on it).
 */
interface StoredSnapshot {
  shape: string;
  json: string;
}

let store: UseStore | undefined;
const snapshots = () => (store ??= createStore(DATABASE, STORE));

export function snapshotKey(tenantId: string, adminId: string): string {
  return `${tenantId}/${adminId}`;
}

export async function readSnapshot(key: string): Promise<ObjectSnapshot | undefined> {
  try {
    const stored = await get<StoredSnapshot>(key, snapshots());
    if (stored?.shape === SHAPE) return JSON.parse(stored.json) as ObjectSnapshot;
    if (stored) await del(key, snapshots());
  } catch {
    // No IndexedDB here: a cold load.
  }
  return undefined;
}

export async function saveSnapshot(key: string, snapshot: ObjectSnapshot): Promise<void> {
  try {
    const stored: StoredSnapshot = { shape: SHAPE, json: JSON.stringify(snapshot) };
    await set(key, stored, snapshots());
  } catch {
    // Quota or private mode: the next visit is a cold one, nothing worse.
  }
}

/** At sign-out: nothing of the tenant stays in this browser. */
export async function clearSnapshots(): Promise<void> {
  try {
    await clear(snapshots());
  } catch {
    // Nothing was kept.
  }
}
