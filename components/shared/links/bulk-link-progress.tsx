'use client';

import { usePolicies } from '@/components/shared/use-policies';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { ProgressBar } from '@/components/ui/feedback';
import type { LinkOutcome } from '@/lib/graph/link-writes';
import { describeLinkOutcome, type LinkRepair } from './link-report';
import { UndoBulkChange } from './undo-bulk-change';
import { GraphErrorLine } from '@/components/ui/graph-error-line';

const LABELS: Record<LinkOutcome['status'], string> = {
  linked: 'Linked',
  'already-linked': 'Already linked (skipped)',
  replaced: 'Replaced the previous policy',
  unlinked: 'Unlinked',
  'not-linked': 'Was not linked',
  'changed-elsewhere': 'Changed elsewhere (left alone)',
  failed: 'Failed',
};

export function BulkLinkProgress({
  progress,
  outcomes,
  running,
  error,
  onRetryFailed,
  onRetryAll,
  onRepair,
  errorTitle = 'Nothing was changed',
}: {
  progress?: { done: number; total: number };
  outcomes?: LinkOutcome[];
  running: boolean;
  error?: unknown;
  onRetryFailed: () => void;
  /** When the whole run failed before writing anything. */
  onRetryAll?: () => void;
  onRepair: (repair: LinkRepair) => void;
  /** The run throws only before it writes (the first read, or consent): say what did not happen. */
  errorTitle?: string;
}) {
  const policies = usePolicies();
  const nameOf = (id: string) => policies.data?.find((p) => p.id === id)?.displayName ?? id;
  const failed = outcomes?.filter((o) => o.status === 'failed') ?? [];
  return (
    <div className="space-y-3" data-testid="bulk-progress">
      {progress && running && (
        <ProgressBar
          value={progress.done}
          max={progress.total}
          label={`Sent ${progress.done} of ${progress.total} requests`}
        />
      )}
      {error !== undefined && (
        <>
          <ErrorPanel error={error} title={errorTitle} />
          {onRetryAll && !outcomes && (
            <Button variant="primary" disabled={running} onClick={onRetryAll}>
              Try again
            </Button>
          )}
        </>
      )}
      {outcomes && (
        <>
          <p role="status" className="text-sm font-medium" data-testid="bulk-summary">
            {outcomes.length - failed.length} of {outcomes.length} done
            {failed.length ? `, ${failed.length} failed` : ''}.
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Each object below was read back from the tenant after the change.
          </p>
          <ul className="max-h-72 overflow-auto rounded border border-slate-200 text-sm dark:border-slate-700">
            {outcomes.map((o) => {
              const { text, repairs } = describeLinkOutcome(o, nameOf);
              return (
                <li
                  key={o.target.objectId}
                  data-testid="bulk-outcome"
                  className="border-b border-slate-100 px-2 py-1 last:border-0 dark:border-slate-800"
                >
                  <div className="flex flex-wrap justify-between gap-2">
                    <span className="tenant-text" data-testid="bulk-outcome-state">
                      {o.target.displayName}: {text}
                    </span>
                    <span className={o.status === 'failed' ? 'text-red-800 dark:text-red-300' : ''}>
                      {LABELS[o.status]}
                    </span>
                  </div>
                  {o.status === 'failed' && o.error && (
                    <p className="text-xs text-red-800 dark:text-red-300">
                      <GraphErrorLine error={o.error} />
                    </p>
                  )}
                  {o.restoreError && (
                    <p className="text-xs text-red-800 dark:text-red-300">
                      <GraphErrorLine
                        error={o.restoreError}
                        prefix="Putting the previous policy back failed too: "
                      />
                    </p>
                  )}
                  {repairs.length > 0 && (
                    <div className="mt-1 flex flex-wrap gap-2">
                      {repairs.map((repair) => (
                        <Button
                          key={repair.label}
                          disabled={running}
                          onClick={() => onRepair(repair)}
                        >
                          {repair.label}
                        </Button>
                      ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {failed.length > 0 && (
            <Button variant="primary" disabled={running} onClick={onRetryFailed}>
              Retry the {failed.length} failed
            </Button>
          )}
          <UndoBulkChange outcomes={outcomes} disabled={running} />
        </>
      )}
    </div>
  );
}
