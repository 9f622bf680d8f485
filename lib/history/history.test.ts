import { describe, expect, it } from 'vitest';
import { readHistoryEntry, type DirectoryAudit } from './entries';
import { historyQueries, mergeStreams } from './queries';

const definition = (t: string) =>
  JSON.stringify([JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: t } })]);

// The shape of Microsoft's example response (microsoft-graph-docs-contrib directoryaudit-list.md).
const update: DirectoryAudit = {
  id: 'Directory_1',
  category: 'Policy',
  activityDisplayName: 'Update policy',
  activityDateTime: '2026-11-27T10:00:00Z',
  result: 'success',
  initiatedBy: {
    user: { id: 'u1', displayName: 'Adele Admin', userPrincipalName: 'admin@contoso.demo' },
    app: null,
  },
  targetResources: [
    {
      id: 'p1',
      displayName: 'Contoso 2h',
      type: 'Policy',
      modifiedProperties: [
        {
          displayName: 'Definition',
          oldValue: definition('02:00:00'),
          newValue: definition('00:90:00'),
        },
        { displayName: 'IsOrganizationDefault', oldValue: 'false', newValue: 'true' },
      ],
    },
  ],
};

describe('readHistoryEntry', () => {
  it('reads who, when and old → new lifetime (canonical) from modifiedProperties', () => {
    expect(readHistoryEntry(update)).toMatchObject({
      change: 'updated',
      actor: { kind: 'user', name: 'Adele Admin', detail: 'admin@contoso.demo' },
      policy: { id: 'p1', name: 'Contoso 2h' },
      details: [
        { property: 'Lifetime', from: '02:00:00', to: '01:30:00' },
        { property: 'Organization default', from: 'false', to: 'true' },
      ],
    });
  });

  it('reads a link added by an app, naming the object and the policy', () => {
    const entry = readHistoryEntry({
      id: 'Directory_2',
      category: 'ApplicationManagement',
      activityDisplayName: 'Add policy to service principal',
      activityDateTime: '2026-11-27T10:00:00Z',
      initiatedBy: { user: null, app: { appId: 'a1', displayName: 'demo-automation' } },
      targetResources: [
        { id: 'sp1', displayName: 'Orders API', type: 'ServicePrincipal', modifiedProperties: [] },
        { id: 'p1', displayName: 'Contoso 2h', type: 'Policy', modifiedProperties: [] },
      ],
    });
    expect(entry).toMatchObject({
      change: 'linked',
      actor: { kind: 'app', name: 'demo-automation' },
      object: { id: 'sp1', type: 'servicePrincipal' },
      policy: { id: 'p1' },
    });
  });

  it('reads values Core Directory wraps in a collection, and "[]" as no value', () => {
    // Entra's Core Directory entries write e.g. DisplayName as ["name"], a flag as [false] and an
    // absent old value as [] (as in its "Add service principal" entries).
    const entry = readHistoryEntry({
      ...update,
      activityDisplayName: 'Add policy',
      targetResources: [
        {
          id: 'p2',
          displayName: 'New 4h',
          type: 'Policy',
          modifiedProperties: [
            { displayName: 'DisplayName', oldValue: '[]', newValue: '["New 4h"]' },
            { displayName: 'IsOrganizationDefault', oldValue: '[]', newValue: '[false]' },
          ],
        },
      ],
    });
    expect(entry?.details).toEqual([
      { property: 'Name', from: null, to: 'New 4h' },
      { property: 'Organization default', from: null, to: 'false' },
    ]);
  });

  it('ignores other activities, even with a similar name in another category', () => {
    expect(
      readHistoryEntry({ ...update, activityDisplayName: 'Add member to group' }),
    ).toBeUndefined();
    expect(
      readHistoryEntry({
        ...update,
        category: 'PolicyManagement',
        activityDisplayName: 'Delete policy',
      }),
    ).toBeUndefined();
  });
});

describe('historyQueries', () => {
  it('tenant-wide: one query per documented activity, no `or` (not documented for directoryAudits)', () => {
    const queries = historyQueries({ kind: 'tenant' }, new Date('2026-11-01T00:00:00.123Z'));
    expect(queries).toHaveLength(7);
    const filter = decodeURIComponent(new URL(queries[0], 'http://x').searchParams.get('$filter')!);
    expect(filter).toBe(
      "category eq 'Policy' and activityDisplayName eq 'Add policy' and activityDateTime ge 2026-11-01T00:00:00Z",
    );
    for (const q of queries) expect(decodeURIComponent(q)).not.toMatch(/ or /);
  });
  it('per app: one query per object id, quotes doubled', () => {
    const queries = historyQueries({ kind: 'app', objectIds: ["o'1", 'o2'] }, new Date(0));
    expect(new URL(queries[0], 'http://x').searchParams.get('$filter')).toMatch(
      /^targetResources\/any\(t: t\/id eq 'o''1'\)/,
    );
  });
});

describe('mergeStreams', () => {
  const e = (id: string, at: string) => ({ id, activityDateTime: at });
  it('shows only what is certain: nothing older than the oldest entry of a stream with more pages', () => {
    const merged = mergeStreams([
      [{ entries: [e('a', '10'), e('b', '08')], nextLink: 'more' }],
      [{ entries: [e('c', '09'), e('d', '05')] }],
    ]);
    expect(merged.entries.map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(merged.complete).toBe(false);
  });
  it('is complete when no stream has more pages', () => {
    const merged = mergeStreams([[{ entries: [e('a', '10')] }], [{ entries: [e('d', '05')] }]]);
    expect(merged).toEqual({ entries: [e('a', '10'), e('d', '05')], complete: true });
  });
});
