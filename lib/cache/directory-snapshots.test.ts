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

beforeEach(() => clearSnapshots());

describe('directory snapshots in IndexedDB', () => {
  it('keeps one snapshot per tenant and admin', async () => {
    const adele = snapshotKey('tenant-1', 'adele');
    const reese = snapshotKey('tenant-1', 'reese');
    await saveSnapshot(adele, snapshot('Adele sees this'));
    expect(await readSnapshot(adele)).toEqual(snapshot('Adele sees this'));
    expect(await readSnapshot(reese)).toBeUndefined();
    expect(await readSnapshot(snapshotKey('tenant-2', 'adele'))).toBeUndefined();
  });

  it('replaces the snapshot on save, and forgets everything at sign-out', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('first'));
    await saveSnapshot(key, snapshot('second'));
    expect((await readSnapshot(key))?.applications[0].displayName).toBe('second');
    await clearSnapshots();
    expect(await readSnapshot(key)).toBeUndefined();
  });

  it('holds no token: only objects and deltaLinks', async () => {
    const key = snapshotKey('tenant-1', 'adele');
    await saveSnapshot(key, snapshot('x'));
    const stored = JSON.stringify(await readSnapshot(key));
    expect(stored).not.toMatch(/eyJ|Bearer|access_token|refresh_token/);
  });
});
