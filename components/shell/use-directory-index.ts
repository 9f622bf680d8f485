'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { loadDirectoryIndex, type IndexProgress } from '@/lib/graph/directory-index';
import type { DirectoryIndex } from '@/lib/policy/types';
import { useGraphApi } from './graph-provider';

export const DIRECTORY_KEY = ['directory-index'] as const;

/** After any write: the index (and what is derived from it) is read again. */
export function invalidateDirectory(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
}

/** The whole tenant, loaded once and cached; partial results are shown while pages arrive. */
export function useDirectoryIndex() {
  const api = useGraphApi();
  const [progress, setProgress] = useState<IndexProgress>();
  const [partial, setPartial] = useState<DirectoryIndex>();
  const query = useQuery({
    queryKey: DIRECTORY_KEY,
    queryFn: ({ signal }) =>
      loadDirectoryIndex(api, { signal, onProgress: setProgress, onPartial: setPartial }),
  });
  return {
    ...query,
    index: query.data ?? partial,
    isPartial: !query.data && Boolean(partial),
    progress,
  };
}

export function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return () => invalidateDirectory(queryClient);
}
