'use client';

import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readSnapshot, saveSnapshot, snapshotKey } from '@/lib/cache/directory-snapshots';
import { loadDirectoryIndex, type IndexProgress } from '@/lib/graph/directory-index';
import type { DirectoryIndex } from '@/lib/policy/types';
import { queryKeys } from '@/components/shared/query-keys';
import { useGraphApi } from './graph-provider';

/**
 * The whole tenant, loaded once and cached (a write patches it: components/shared/cache-after-write.ts); partial results are shown while pages arrive. The
 * objects are kept in IndexedDB for the admin's next visit, which then reads only what changed
 * (delta queries); policies and links are read again every time.
 */
export function useDirectoryIndex() {
  const api = useGraphApi();
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  const keptAs = account ? snapshotKey(account.tenantId, account.localAccountId) : undefined;
  const [progress, setProgress] = useState<IndexProgress>();
  const [partial, setPartial] = useState<DirectoryIndex>();
  const query = useQuery({
    queryKey: queryKeys.directoryIndex,
    queryFn: ({ signal }) =>
      loadDirectoryIndex(api, {
        signal,
        onProgress: setProgress,
        onPartial: setPartial,
        previous: keptAs ? readSnapshot(keptAs) : undefined,
        // Storing 150,000 objects clones them on the main thread: after the view is shown.
        onSnapshot: (snapshot) => {
          if (keptAs) setTimeout(() => void saveSnapshot(keptAs, snapshot), 1000);
        },
      }),
  });
  return {
    ...query,
    index: query.data ?? partial,
    isPartial: !query.data && Boolean(partial),
    progress,
    /** When Graph last confirmed what is shown. */
    asOf: query.data ? new Date(query.dataUpdatedAt) : undefined,
    /** Reads what changed since (delta), and policies and links again. */
    refresh: () => query.refetch(),
  };
}
