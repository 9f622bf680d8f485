// The $filter queries the history sends. Microsoft documents `and` between clauses, eq on category
// and activityDisplayName, ge on activityDateTime and targetResources/any(t: t/id eq '…')
// (directoryaudit-list.md, resources/directoryaudit.md), but not `or`: so a tenant-wide history is
// one query per activity name, merged here, and a per-object history one query per object id.
import { POLICY_ACTIVITIES } from './activities';

export type HistoryScope =
  { kind: 'tenant' } | { kind: 'policy'; policyId: string } | { kind: 'app'; objectIds: string[] };

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Whole seconds, UTC, Z: the literal form the docs' examples use. */
export const odataDateTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function historyQueries(scope: HistoryScope, since: Date, pageSize = 50): string[] {
  const time = `activityDateTime ge ${odataDateTime(since)}`;
  const filters =
    scope.kind === 'tenant'
      ? POLICY_ACTIVITIES.map(
          (a) =>
            `category eq ${quote(a.category)} and activityDisplayName eq ${quote(a.name)} and ${time}`,
        )
      : (scope.kind === 'policy' ? [scope.policyId] : scope.objectIds).map(
          (id) => `targetResources/any(t: t/id eq ${quote(id)}) and ${time}`,
        );
  return filters.map(
    (filter) =>
      `/auditLogs/directoryAudits?$filter=${encodeURIComponent(filter)}&$top=${pageSize}&$orderby=${encodeURIComponent('activityDateTime desc')}`,
  );
}

export interface StreamPage<T extends { id: string; activityDateTime: string }> {
  entries: T[];
  nextLink?: string;
}

/**
 * Several newest-first streams as one newest-first list, without gaps: an entry is shown only if
 * it is newer than the oldest entry loaded from every stream that has more pages (anything older
 * may still be waiting in one of those pages).
 */
export function mergeStreams<T extends { id: string; activityDateTime: string }>(
  streams: StreamPage<T>[][],
): { entries: T[]; complete: boolean } {
  const all = new Map<string, T>();
  let cutoff = '';
  let complete = true;
  for (const pages of streams) {
    for (const page of pages) for (const e of page.entries) all.set(e.id, e);
    const last = pages[pages.length - 1];
    if (last?.nextLink) {
      complete = false;
      const oldest = last.entries[last.entries.length - 1]?.activityDateTime ?? '';
      if (oldest > cutoff) cutoff = oldest;
    }
  }
  const entries = [...all.values()]
    .filter((e) => e.activityDateTime >= cutoff)
    .sort((a, b) => b.activityDateTime.localeCompare(a.activityDateTime));
  return { entries, complete };
}
