// The IndexedDB cache, on fake-indexeddb (an in-memory IndexedDB for Node).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ObjectSnapshot } from '../graph/tracked-objects';
import { clearSnapshots, readSnapshot, saveSnapshot, snapshotKey } from './directory-snapshots';

const snapshot = (name: string): ObjectSnapshot => ({
  savedAt: 1_700_000_000_000,
  applications: [{ id: 'a1', appId: 'app-1', displayName: name }],
  servicePrincipals: [
    {
      id: 's1',
      appId: 'app-1',
      displayName: name,
      servicePrincipalType: 'Application',
      accountEnabled: true,
    },
  ],
  deltaLinks: {
    application: 'https://graph.microsoft.com/v1.0/applications/delta?$deltatoken=a',
    servicePrincipal: 'https://graph.microsoft.com/v1.0/servicePrincipals/delta?$deltatoken=s',
  },
});

/** The kept snapshot with its objects read, as a warm load ends up with it. */
async function readWhole(key: string) {
  const kept = await readSnapshot(key);
  if (!kept) return undefined;
  const objects = await kept.objects();
  return objects && { savedAt: kept.savedAt, deltaLinks: kept.deltaLinks, ...objects };
}

const whole = (s: ObjectSnapshot) => ({
  savedAt: s.savedAt,
  deltaLinks: s.deltaLinks,
  applications: s.applications,
  servicePrincipals: s.servicePrincipals,
});

beforeEach(() => clearSnapshots());

describe('directory snapshots in IndexedDB', () => {
  it('keeps one snapshot per tenant and admin', async () => {
    const adele = snapshotKey('tenant-1', 'adele');
    const reese = snapshotKey('tenant-1', 'reese');
    await saveSnapshot(adele, snapshot('Adele sees this'));
    expect(await readWhole(adele)).toEqual(whole(snapshot('Adele sees this')));
    expect(await readSnapshot(reese)).toBeUndefined();
    expect(await readSnapshot(snapshotKey('tenant-2', 'adele'))).toBeUndefined();
  });

  it('replaces the snapshot on save, and forgets everything at sign-out', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('first'));
    await saveSnapshot(key, snapshot('second'));
    expect((await readWhole(key))?.applications[0].displayName).toBe('second');
    await clearSnapshots();
    expect(await readSnapshot(key)).toBeUndefined();
  });

  it('writes only the deltaLinks when Graph reported no change to the kept objects', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('kept'));
    const kept = (await readSnapshot(key))!;
    const moved = {
      application: 'https://graph.microsoft.com/v1.0/applications/delta?$deltatoken=a2',
      servicePrincipal: 'https://graph.microsoft.com/v1.0/servicePrincipals/delta?$deltatoken=s2',
    };
    // Objects passed here are not written: the kept ones (same generation) stay.
    await saveSnapshot(key, {
      ...snapshot('not written'),
      savedAt: 1_700_000_060_000,
      deltaLinks: moved,
      generation: kept.generation,
      objectsUnchanged: true,
    });
    const after = await readWhole(key);
    expect(after?.deltaLinks).toEqual(moved);
    expect(after?.savedAt).toBe(1_700_000_060_000);
    expect(after?.applications[0].displayName).toBe('kept');
  });

  it('gives no objects when they belong to other deltaLinks (a cold load, not a wrong one)', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('kept'));
    // "Unchanged" against a generation that is not the one kept: the objects do not match.
    await saveSnapshot(key, { ...snapshot('x'), generation: 'other', objectsUnchanged: true });
    const kept = await readSnapshot(key);
    expect(kept?.generation).toBe('other');
    expect(await kept?.objects()).toBeUndefined();
  });

  it('holds no token: only objects and deltaLinks', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('x'));
    const stored = JSON.stringify(await readWhole(key));
    expect(stored).not.toMatch(/eyJ|Bearer|access_token|refresh_token/);
  });
});
