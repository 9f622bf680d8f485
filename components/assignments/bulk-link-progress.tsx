'use client';

import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { ProgressBar } from '@/components/ui/feedback';
import type { LinkOutcome } from './link-operations';

const LABELS: Record<LinkOutcome['status'], string> = {
  linked: 'Linked',
  'already-linked': 'Already linked (skipped)',
  replaced: 'Replaced the previous policy',
  unlinked: 'Unlinked',
  'not-linked': 'Was not linked',
  failed: 'Failed',
};

export function BulkLinkProgress({
  progress,
  outcomes,
  running,
  error,
  onRetryFailed,
}: {
  progress?: { done: number; total: number };
  outcomes?: LinkOutcome[];
  running: boolean;
  error?: unknown;
  onRetryFailed: () => void;
}) {
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
      {error !== undefined && <ErrorPanel error={error} title="The change could not be made" />}
      {outcomes && (
        <>
          <p role="status" className="text-sm font-medium" data-testid="bulk-summary">
            {outcomes.length - failed.length} of {outcomes.length} done
            {failed.length ? `, ${failed.length} failed` : ''}.
          </p>
          <ul className="max-h-60 overflow-auto rounded border border-slate-200 text-sm dark:border-slate-700">
            {outcomes.map((o) => (
              <li
                key={o.target.objectId}
                className="flex flex-wrap justify-between gap-2 border-b border-slate-100 px-2 py-1 last:border-0 dark:border-slate-800"
              >
                <span className="tenant-text">{o.target.displayName}</span>
                <span className={o.status === 'failed' ? 'text-red-800 dark:text-red-300' : ''}>
                  {LABELS[o.status]}
                  {o.error &&
                    `: ${o.error.code} — ${o.error.message}${o.error.requestId ? ` (request id ${o.error.requestId})` : ''}`}
                </span>
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <Button variant="primary" disabled={running} onClick={onRetryFailed}>
              Retry the {failed.length} failed
            </Button>
          )}
        </>
      )}
    </div>
  );
}
