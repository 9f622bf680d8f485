'use client';

import { useState } from 'react';
import { useGraphApi } from '@/components/shell/graph-provider';
import { useRefreshAfterWrite, useWrite } from '@/components/policies/use-policies';
import {
  bulkLink,
  bulkUnlink,
  setObjectPolicy,
  type LinkOutcome,
  type LinkTarget,
} from './link-operations';
import type { LinkRepair } from './link-report';

/** Runs a bulk link/unlink with progress, keeps the per-object results, retries only failures. */
export function useBulkLinks() {
  const api = useGraphApi();
  const write = useWrite();
  const refresh = useRefreshAfterWrite();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcomes, setOutcomes] = useState<LinkOutcome[]>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  // Merge: a retry or a repair replaces only the results of the objects it was run for.
  const merge = (results: LinkOutcome[]) =>
    setOutcomes((previous) =>
      previous
        ? previous.map((o) => results.find((r) => r.target.objectId === o.target.objectId) ?? o)
        : results,
    );

  const run = async (kind: 'link' | 'unlink', targets: LinkTarget[], policyId: string) => {
    setRunning(true);
    setError(undefined);
    setProgress({ done: 0, total: targets.length });
    try {
      const results = await write(() =>
        kind === 'link'
          ? bulkLink(api, targets, policyId, (done, total) => setProgress({ done, total }))
          : bulkUnlink(api, targets, policyId, (done, total) => setProgress({ done, total })),
      );
      merge(results);
      // The results are shown at once; the tenant is read again behind them.
      void refresh();
      return results;
    } catch (failure) {
      // Thrown only before anything was written (the first read, or consent): nothing changed.
      setError(failure);
      return undefined;
    } finally {
      setRunning(false);
    }
  };

  /** One object back to a wanted state, through the same read-first, read-back path. */
  const repair = async ({ target, policyId }: LinkRepair) => {
    setRunning(true);
    setError(undefined);
    try {
      merge([await write(() => setObjectPolicy(api, target, policyId))]);
      void refresh();
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  return {
    progress,
    outcomes,
    running,
    error,
    run,
    repair,
    reset: () => {
      setOutcomes(undefined);
      setProgress(undefined);
      setError(undefined);
    },
    failedTargets: () => (outcomes ?? []).filter((o) => o.status === 'failed').map((o) => o.target),
  };
}
