'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useGraphApi } from '@/components/shell/graph-provider';
import type { AuditLogPage } from '@/lib/graph/audit-log';
import { readHistoryEntry, type HistoryEntry } from '@/lib/history/entries';
import { historyQueries, mergeStreams, type HistoryScope } from '@/lib/history/queries';

/** Pages of every query of a history scope, newest first, merged without gaps. */
export function useHistory(scope: HistoryScope, days: number, enabled: boolean) {
  const api = useGraphApi();
  const scopeKey = JSON.stringify(scope);
  const [streams, setStreams] = useState<AuditLogPage[][]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const since = new Date(Date.now() - days * 86400_000);
    const queries = historyQueries(JSON.parse(scopeKey) as HistoryScope, since);
    setLoading(true);
    setError(undefined);
    Promise.all(queries.map((q) => api.listDirectoryAudits(q)))
      .then((pages) => !cancelled && setStreams(pages.map((p) => [p])))
      .catch((e: unknown) => !cancelled && setError(e))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [api, scopeKey, days, enabled, version]);

  const loadMore = useCallback(async () => {
    setLoading(true);
    try {
      const next = await Promise.all(
        streams.map(async (pages) => {
          const link = pages[pages.length - 1]?.nextLink;
          return link ? [...pages, await api.listDirectoryAudits(link)] : pages;
        }),
      );
      setStreams(next);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [api, streams]);

  const merged = useMemo(() => {
    const { entries, complete } = mergeStreams(streams);
    return {
      entries: entries.flatMap((e): HistoryEntry[] => {
        const read = readHistoryEntry(e);
        return read ? [read] : [];
      }),
      complete,
    };
  }, [streams]);

  return {
    ...merged,
    loading,
    error,
    loadMore,
    reload: () => setVersion((v) => v + 1),
  };
}
