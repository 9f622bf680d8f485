'use client';

import { useState } from 'react';
import type { LinkOutcome, LinkTarget } from '@/lib/graph/link-writes';
import type { LinkRepair } from './link-report';
import { useBulkLinkMutation, useSetObjectPolicy } from './use-link-mutations';

/** Runs a bulk link/unlink with progress, keeps the per-object results, retries only failures. */
export function useBulkLinks() {
  const bulk = useBulkLinkMutation();
  const single = useSetObjectPolicy();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcomes, setOutcomes] = useState<LinkOutcome[]>();
  const [error, setError] = useState<unknown>();

  // Merge: a retry or a repair replaces only the results of the objects it was run for.
  const merge = (results: LinkOutcome[]) =>
    setOutcomes((previous) =>
      previous
        ? previous.map((o) => results.find((r) => r.target.objectId === o.target.objectId) ?? o)
        : results,
    );

  const run = async (kind: 'link' | 'unlink', targets: LinkTarget[], policyId: string) => {
    setError(undefined);
    setProgress({ done: 0, total: targets.length });
    try {
      const results = await bulk.mutateAsync({
        kind,
        targets,
        policyId,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      merge(results);
      return results;
    } catch (failure) {
      // Thrown only before anything was written (the first read, or consent): nothing changed.
      setError(failure);
      return undefined;
    }
  };

  /** One object back to a wanted state, through the same read-first, read-back path. */
  const repair = async ({ target, policyId }: LinkRepair) => {
    setError(undefined);
    try {
      merge([await single.mutateAsync({ target, policyId })]);
    } catch (failure) {
      setError(failure);
    }
  };

  return {
    progress,
    outcomes,
    running: bulk.isPending || single.isPending,
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
