'use client';

import { useState } from 'react';
import { usePolicies } from '@/components/shared/use-policies';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { ProgressBar } from '@/components/ui/feedback';
import type { LinkOutcome } from '@/lib/graph/link-writes';
import { describeLinkOutcome } from './link-report';
import {
  restored,
  retrySteps,
  undoSteps,
  type UndoOutcome,
  type UndoStep,
} from '@/lib/graph/undo-bulk';
import { useUndoBulkMutation } from './use-link-mutations';
import { GraphErrorLine } from '@/components/ui/graph-error-line';

/** "Undo" after a bulk run: each object back to the policy it held before, with its outcome. */
export function UndoBulkChange({
  outcomes,
  disabled,
}: {
  outcomes: LinkOutcome[];
  /** The bulk run (or a retry of it) is still writing. */
  disabled: boolean;
}) {
  const undo = useUndoBulkMutation();
  const policies = usePolicies();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<UndoOutcome[]>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const nameOf = (id: string) => policies.data?.find((p) => p.id === id)?.displayName ?? id;
  const quoted = (id: string | null) => (id ? `“${nameOf(id)}”` : 'no policy');

  const steps = undoSteps(outcomes);
  if (steps.length === 0 && !results) return null;

  const run = async (chosen: UndoStep[]) => {
    setRunning(true);
    setError(undefined);
    setProgress({ done: 0, total: chosen.length });
    try {
      const fresh = await undo.mutateAsync({
        steps: chosen,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      // A retry replaces only the results of the objects it was run for.
      setResults((previous) =>
        previous
          ? previous.map(
              (r) => fresh.find((f) => f.step.target.objectId === r.step.target.objectId) ?? r,
            )
          : fresh,
      );
    } catch (failure) {
      // Thrown before any write (the first read, or consent): nothing was changed.
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  const again = results ? retrySteps(results) : [];
  const back = results?.filter(restored).length ?? 0;
  return (
    <section aria-label="Undo" className="space-y-2" data-testid="undo-bulk">
      {!results && (
        <>
          <Button disabled={disabled || running} onClick={() => void run(steps)}>
            Undo: restore the previous policy of {steps.length} object
            {steps.length === 1 ? '' : 's'}
          </Button>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Each object gets back what it held before this change; one changed since by someone else
            is left as it is.
          </p>
        </>
      )}
      {running && progress && (
        <ProgressBar
          value={progress.done}
          max={progress.total}
          label={`Restored ${progress.done} of ${progress.total} objects`}
        />
      )}
      {error !== undefined && <ErrorPanel error={error} title="Nothing was undone" />}
      {results && (
        <>
          <p role="status" className="text-sm font-medium" data-testid="undo-summary">
            Undo: {back} of {results.length} back as before.
          </p>
          <ul className="max-h-72 overflow-auto rounded border border-slate-200 text-sm dark:border-slate-700">
            {results.map((r) => (
              <li
                key={r.step.target.objectId}
                data-testid="undo-outcome"
                className="border-b border-slate-100 px-2 py-1 last:border-0 dark:border-slate-800"
              >
                <span className="tenant-text">{r.step.target.displayName}</span>:{' '}
                {r.status === 'changed-since'
                  ? `changed since (now has ${quoted(r.holds)}); left as it is`
                  : r.status === 'unreadable'
                    ? 'its current policy could not be read; nothing was changed'
                    : restored(r)
                      ? `back to ${quoted(r.step.restore)}`
                      : describeLinkOutcome(r.outcome, nameOf).text}
                {r.status === 'done' && r.outcome.error && !restored(r) && (
                  <GraphErrorLine
                    error={r.outcome.error}
                    className="block text-xs text-red-800 dark:text-red-300"
                  />
                )}
              </li>
            ))}
          </ul>
          {again.length > 0 && (
            <Button variant="primary" disabled={running} onClick={() => void run(again)}>
              Retry the undo for {again.length}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
