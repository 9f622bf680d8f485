'use client';

import { Link } from '@/components/ui/link';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice, ProgressBar } from '@/components/ui/feedback';
import { useUrlState } from '@/components/ui/use-url-state';
import { download, objectsToCsv } from '@/lib/export/csv';
import type { AuditSummary } from '@/lib/policy/audit';
import { formatLifetime } from '@/lib/policy/format';
import { ClientList } from './client-list';
import { reachExportRows, type ReachResourceRow } from './reach-rows';
import { REACH_CONSENT_EXPLANATION, useReach } from './use-reach';

/**
 * Audit II: for every API whose tokens live longer than the built-in 90 minutes, the clients that
 * can obtain such tokens — application permissions and delegated grants, privileged first.
 */
export function ReachSection({ extended }: { extended: AuditSummary['extended'] }) {
  const { params, setParams } = useUrlState();
  const withServicePrincipal = extended.filter((e) => e.target.servicePrincipal);
  const withoutServicePrincipal = extended.length - withServicePrincipal.length;
  const ids = useMemo(
    () => withServicePrincipal.map((e) => e.target.servicePrincipal!.id),
    [withServicePrincipal],
  );
  const reach = useReach(ids);
  const rows: ReachResourceRow[] = withServicePrincipal.map(({ target, effective }) => {
    const id = target.servicePrincipal!.id;
    return {
      target,
      effective,
      servicePrincipalId: id,
      reach: reach.data?.reach.get(id),
      readout: reach.data?.readouts.get(id),
    };
  });
  const selected = params.get('resource');
  const unreadable = rows.filter(
    (r) => r.readout?.unreadable.grants ?? r.readout?.unreadable.assignments,
  );

  const exportReach = (format: 'csv' | 'json') => {
    const stamp = new Date().toISOString().slice(0, 10);
    const clients = reachExportRows(rows);
    if (format === 'csv')
      return download(`token-reach-${stamp}.csv`, objectsToCsv(clients), 'text/csv;charset=utf-8');
    const data = {
      generated: new Date().toISOString(),
      resources: rows.map((r) => ({
        resource: r.target.displayName,
        appId: r.target.appId,
        effectiveLifetime: formatLifetime(r.effective),
        clients: r.reach?.distinctClients ?? null,
        applicationClients: r.reach?.applicationClients ?? null,
        delegatedClients: r.reach?.delegatedClients ?? null,
        privilegedClients: r.reach?.privilegedClients ?? null,
        notReadable: Object.values(r.readout?.unreadable ?? {}).map((u) => u.why),
      })),
      clients,
    };
    download(`token-reach-${stamp}.json`, JSON.stringify(data, null, 2), 'application/json');
  };

  return (
    <section aria-labelledby="reach-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="reach-heading" className="text-lg font-semibold">
            Who receives these tokens
          </h2>
          <p className="max-w-3xl text-sm text-slate-700 dark:text-slate-300">
            A lifetime policy on an API lengthens every token issued <em>for</em> that API, to every
            client that may ask for one: apps holding its application permissions (no user behind
            them) and apps holding delegated grants (acting for signed-in users).
          </p>
        </div>
        {reach.data && (
          <div className="flex gap-2">
            <Button onClick={() => exportReach('csv')}>Export clients CSV</Button>
            <Button onClick={() => exportReach('json')}>Export clients JSON</Button>
          </div>
        )}
      </div>

      {!reach.opened ? (
        <div className="space-y-2">
          <Notice>{REACH_CONSENT_EXPLANATION}</Notice>
          <Button variant="primary" onClick={reach.open}>
            Show who receives these tokens
          </Button>
        </div>
      ) : reach.isError ? (
        <ErrorPanel
          error={reach.error}
          title="Could not read who receives these tokens"
          onRetry={() => reach.refetch()}
        />
      ) : !reach.data ? (
        <ProgressBar
          value={reach.progress?.done ?? 0}
          max={reach.progress?.total ?? Math.max(1, ids.length * 3)}
          label={`Reading the clients of ${ids.length} APIs`}
        />
      ) : (
        <>
          {reach.data.consentRefused && (
            <Notice tone="warning">
              The extra read permission (Directory.Read.All) was not granted. Application
              permissions are shown; delegated grants could not be read.
            </Notice>
          )}
          {unreadable.length > 0 && (
            <Notice tone="warning">
              <span data-testid="reach-unreadable">
                Not readable for {unreadable.length} of {rows.length} APIs:{' '}
                {[
                  ...new Set(
                    unreadable.flatMap((r) =>
                      Object.values(r.readout!.unreadable).map((u) => u.why),
                    ),
                  ),
                ].join(' ')}
              </span>{' '}
              {unreadable[0].readout?.unreadable.grants?.requestId && (
                <span className="font-mono text-xs">
                  (request id {unreadable[0].readout.unreadable.grants.requestId})
                </span>
              )}
            </Notice>
          )}
          <table className="w-full text-left text-sm" data-testid="reach-table">
            <caption className="sr-only">
              Clients per API with an extended or maximum lifetime
            </caption>
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-1 pr-3 font-medium">API (resource)</th>
                <th className="py-1 pr-3 font-medium">Token lifetime</th>
                <th className="py-1 pr-3 font-medium">Application permissions</th>
                <th className="py-1 pr-3 font-medium">Delegated grants</th>
                <th className="py-1 pr-3 font-medium">Privileged clients</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const open = selected === row.target.appId;
                return [
                  <tr
                    key={row.target.appId}
                    className="border-t border-slate-200 dark:border-slate-800"
                    data-testid="reach-row"
                  >
                    <td className="py-1 pr-3">
                      <Link
                        className="tenant-text underline"
                        href={`/applications/${row.target.appId}`}
                      >
                        {row.target.displayName}
                      </Link>
                    </td>
                    <td className="py-1 pr-3">{formatLifetime(row.effective)}</td>
                    <td className="py-1 pr-3 tabular-nums">
                      {row.readout?.unreadable.assignments
                        ? 'not readable'
                        : row.reach?.applicationClients}
                    </td>
                    <td className="py-1 pr-3 tabular-nums">
                      {row.readout?.unreadable.grants
                        ? 'not readable'
                        : row.reach?.delegatedClients}
                    </td>
                    <td className="py-1 pr-3 tabular-nums" data-testid="privileged-count">
                      {row.reach?.privilegedClients}
                    </td>
                    <td className="py-1">
                      <Button
                        aria-expanded={open}
                        aria-label={`${open ? 'Hide' : 'Show'} the clients of ${row.target.displayName}`}
                        onClick={() => setParams({ resource: open ? undefined : row.target.appId })}
                      >
                        {open ? 'Hide' : 'Clients'}
                      </Button>
                    </td>
                  </tr>,
                  open && (
                    <tr key={`${row.target.appId}-clients`} data-testid="reach-drilldown">
                      <td colSpan={6} className="bg-slate-50 p-3 dark:bg-slate-900">
                        <ClientList
                          clients={row.reach?.clients ?? []}
                          label={`Clients of ${row.target.displayName}`}
                        />
                        {(row.reach?.assignedUsersAndGroups ?? 0) > 0 && (
                          <p className="mt-2 text-xs">
                            Also {row.reach!.assignedUsersAndGroups} user(s) or group(s) assigned an
                            app role of this API itself.
                          </p>
                        )}
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </>
      )}
      {withoutServicePrincipal > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {withoutServicePrincipal} app registration(s) with an extended lifetime have no service
          principal in this tenant: no token is issued for them here.
        </p>
      )}
    </section>
  );
}
