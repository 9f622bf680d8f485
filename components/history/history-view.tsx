'use client';

import { Link } from '@/components/ui/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { EmptyState, Notice } from '@/components/ui/feedback';
import { GraphRequestError } from '@/lib/graph/errors';
import { AUDIT_RETENTION_DAYS, type ChangeKind } from '@/lib/history/activities';
import type { HistoryEntry } from '@/lib/history/entries';
import type { HistoryScope } from '@/lib/history/queries';
import { HISTORY_PERMISSIONS_EXPLANATION, useHistoryAccess } from './use-history-access';
import { useHistory } from './use-history';

const PERIODS = [1, 7, AUDIT_RETENTION_DAYS] as const;
const CHANGE_LABELS: Record<ChangeKind, string> = {
  created: 'Policy created',
  updated: 'Policy changed',
  deleted: 'Policy deleted',
  linked: 'Link added',
  unlinked: 'Link removed',
};
type ChangeFilter = 'all' | 'policies' | 'links';

const matches = (entry: HistoryEntry, filter: ChangeFilter, actor: string) =>
  (filter === 'all' ||
    (filter === 'links') === (entry.change === 'linked' || entry.change === 'unlinked')) &&
  (!actor ||
    `${entry.actor.name} ${entry.actor.detail ?? ''}`.toLowerCase().includes(actor.toLowerCase()));

/** Who changed which policy or link, when: tenant-wide, or for one policy or one app. */
export function HistoryView({ scope, title }: { scope: HistoryScope; title: string }) {
  const access = useHistoryAccess();
  const [days, setDays] = useState<number>(7);
  const [filter, setFilter] = useState<ChangeFilter>('all');
  const [actor, setActor] = useState('');
  const history = useHistory(scope, days, access.state === 'granted');
  const forbidden = history.error instanceof GraphRequestError && history.error.status === 403;

  return (
    <section className="space-y-4" aria-labelledby="history-title">
      <div>
        <h1 id="history-title" className="text-2xl font-semibold">
          {title}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          From Microsoft Entra’s directory audit log. Entra keeps audit entries for{' '}
          {AUDIT_RETENTION_DAYS} days: older changes cannot be shown.
        </p>
      </div>
      {access.state !== 'granted' ? (
        <div className="space-y-3">
          <Notice tone={access.state === 'missing' ? 'warning' : 'info'}>
            {access.state === 'missing'
              ? 'The audit log permissions were not granted (AuditLog.Read.All and Directory.Read.All are missing), so the history cannot be read. '
              : ''}
            {HISTORY_PERMISSIONS_EXPLANATION}
          </Notice>
          <Button
            variant="primary"
            onClick={() => access.request()}
            disabled={access.state === 'asking'}
          >
            Show the history
          </Button>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col">
              <span className="font-medium">Period</span>
              <select
                className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                value={days}
                onChange={(e) => setDays(Number(e.target.value))}
              >
                {PERIODS.map((d) => (
                  <option key={d} value={d}>
                    {d === 1 ? 'Last 24 hours' : `Last ${d} days`}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              <span className="font-medium">Changes</span>
              <select
                className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                value={filter}
                onChange={(e) => setFilter(e.target.value as ChangeFilter)}
              >
                <option value="all">All changes</option>
                <option value="policies">Policies only</option>
                <option value="links">Links only</option>
              </select>
            </label>
            <label className="flex flex-col">
              <span className="font-medium">Changed by</span>
              <input
                className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                value={actor}
                onChange={(e) => setActor(e.target.value)}
                placeholder="Name, sign-in or appId"
              />
            </label>
            <Button onClick={history.reload}>Refresh</Button>
          </div>
          {forbidden ? (
            <Notice tone="warning">
              Microsoft Graph refused to read the audit log (403): your account needs a directory
              role that may read audit logs (Reports Reader, Security Reader or Global Reader) in
              addition to the AuditLog.Read.All and Directory.Read.All permissions.
            </Notice>
          ) : history.error ? (
            <ErrorPanel
              error={history.error}
              title="Could not read the audit log"
              onRetry={history.reload}
            />
          ) : null}
          <HistoryTable entries={history.entries.filter((e) => matches(e, filter, actor))} />
          {history.loading && <p className="text-sm">Reading the audit log…</p>}
          {!history.complete && !history.loading && (
            <Button onClick={history.loadMore}>Load older changes</Button>
          )}
        </>
      )}
    </section>
  );
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0)
    return <EmptyState title="No changes in this period">Try a longer period.</EmptyState>;
  return (
    // On a phone the table scrolls in its own box; the page never scrolls sideways.
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="history-table">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th className="py-2 pr-3">When</th>
            <th className="py-2 pr-3">Changed by</th>
            <th className="py-2 pr-3">What</th>
            <th className="py-2 pr-3">Policy</th>
            <th className="py-2 pr-3">Application</th>
            <th className="py-2">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.id}
              className="border-b border-slate-100 align-top dark:border-slate-800"
              data-testid="history-entry"
            >
              <td className="py-2 pr-3 whitespace-nowrap">
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
              </td>
              <td className="py-2 pr-3">
                <span className="tenant-text">{e.actor.name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {e.actor.kind === 'app' ? 'app' : e.actor.kind === 'user' ? 'user' : ''}
                  {e.actor.detail ? ` · ${e.actor.detail}` : ''}
                </span>
              </td>
              <td className="py-2 pr-3">
                {CHANGE_LABELS[e.change]}
                {e.result !== 'success' && ` (${e.result})`}
              </td>
              <td className="py-2 pr-3 tenant-text">
                {e.policy &&
                  (e.change === 'deleted' ? (
                    e.policy.name
                  ) : (
                    <Link
                      className="underline"
                      href={`/policies/${encodeURIComponent(e.policy.id)}`}
                    >
                      {e.policy.name}
                    </Link>
                  ))}
              </td>
              <td className="py-2 pr-3 tenant-text">
                {e.object &&
                  `${e.object.name} (${e.object.type === 'application' ? 'application object' : 'service principal'})`}
              </td>
              <td className="py-2">
                <ul>
                  {e.details.map((d) => (
                    <li key={d.property}>
                      {d.property}: <span className="tenant-text">{d.from ?? '—'}</span> →{' '}
                      <span className="tenant-text">{d.to ?? '—'}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
