'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { linksRead } from '@/components/shared/cache-after-write';
import { useWrite } from '@/components/shared/use-write';
import { useGraphApi } from '@/components/shell/graph-provider';
import {
  bulkLink,
  bulkUnlink,
  setObjectPolicy,
  type LinkOutcome,
  type LinkTarget,
} from '@/lib/graph/link-writes';
import { undoBulkChange, type UndoOutcome, type UndoStep } from '@/lib/graph/undo-bulk';

/**
 * One object to hold a policy (or none): read first, replace, roll back, read back
 * (lib/graph/link-writes.ts). The cache is patched with what the object was read back to hold.
 */
export function useSetObjectPolicy() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { target: LinkTarget; policyId: string | null }) =>
      write(() => setObjectPolicy(api, args.target, args.policyId)),
    onSuccess: (outcome: LinkOutcome) => linksRead(queryClient, [outcome]),
  });
}

/** Link or unlink one policy on many objects through $batch; the cache gets each read-back. */
export function useBulkLinkMutation() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      kind: 'link' | 'unlink';
      targets: LinkTarget[];
      policyId: string;
      onProgress?: (done: number, total: number) => void;
    }) =>
      write(() =>
        args.kind === 'link'
          ? bulkLink(api, args.targets, args.policyId, args.onProgress)
          : bulkUnlink(api, args.targets, args.policyId, args.onProgress),
      ),
    onSuccess: (outcomes: LinkOutcome[]) => linksRead(queryClient, outcomes),
  });
}

/** Undo a bulk run: each object back to its earlier policy; the cache gets each read-back. */
export function useUndoBulkMutation() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { steps: UndoStep[]; onProgress?: (done: number, total: number) => void }) =>
      write(() => undoBulkChange(api, args.steps, args.onProgress)),
    onSuccess: (results: UndoOutcome[]) =>
      linksRead(
        queryClient,
        results.flatMap((r) => (r.status === 'done' ? [r.outcome] : [])),
      ),
  });
}
