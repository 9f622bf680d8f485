'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useUrlState } from '@/components/ui/use-url-state';
import { EmptyState, Skeleton } from '@/components/ui/feedback';
import {
  FINDING_FILTERS,
  sortAndFilter,
  summarizePolicies,
  type FindingFilter,
  type PolicySort,
} from './policy-summary';
import { usePolicies } from './use-policies';

const SORTS: Record<PolicySort, string> = { name: 'Name', lifetime: 'Lifetime', links: 'Links' };

export function PolicyList() {
  const policies = usePolicies();
  const directory = useDirectoryIndex();
  const access = useWriteAccess();
  const { params, setParams: setParam } = useUrlState();
  const text = params.get('q') ?? '';
  const finding = (params.get('finding') ?? '') as FindingFilter | '';
  const sort = (params.get('sort') ?? 'name') as PolicySort;
  const descending = params.get('dir') === 'desc';

  const rows = useMemo(
    () =>
      sortAndFilter(summarizePolicies(policies.data ?? [], directory.data), {
        text,
        finding,
        sort,
        descending,
      }),
    [policies.data, directory.data, text, finding, sort, descending],
  );

  const newPolicy =
    access.state === 'denied' ? (
      <span className="text-sm text-slate-600 dark:text-slate-400" title={access.reason}>
        Read-only: {access.reason}
      </span>
    ) : (
      <Link
        href="/policies/new"
        className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
      >
        New policy
      </Link>
    );

  if (policies.isPending) return <Skeleton className="h-64" label="Loading policies" />;
  if (policies.isError)
    return (
      <ErrorPanel
        error={policies.error}
        title="Could not load the token lifetime policies"
        onRetry={() => policies.refetch()}
      />
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Token lifetime policies</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {policies.data.length} {policies.data.length === 1 ? 'policy' : 'policies'}. Only
            AccessTokenLifetime still has an effect (10 minutes to 23:59:59).
          </p>
        </div>
        {newPolicy}
      </div>

      {policies.data.length === 0 ? (
        <EmptyState title="No token lifetime policies yet">
          <p>
            A token lifetime policy sets how long access, ID and SAML tokens last for the apps it is
            linked to (10 minutes to 23:59:59; without one, Entra gives 60–90 minutes). Create one,
            then link it to the service principal of the API whose tokens should last longer or
            shorter.
          </p>
          {access.state !== 'denied' && (
            <Link
              href="/policies/new"
              className="mt-3 inline-block font-medium text-blue-700 underline dark:text-blue-300"
            >
              Create a policy
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3" role="search">
            <label className="text-sm">
              <span className="block font-medium">Filter by name or description</span>
              <input
                type="search"
                value={text}
                onChange={(event) => setParam({ q: event.target.value })}
                className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <label className="text-sm">
              <span className="block font-medium">Findings</span>
              <select
                value={finding}
                onChange={(event) => setParam({ finding: event.target.value })}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              >
                <option value="">All policies</option>
                {Object.entries(FINDING_FILTERS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {directory.isPending && (
              <span className="text-xs text-slate-600 dark:text-slate-400">Counting links…</span>
            )}
          </div>

          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Token lifetime policies</caption>
              <thead className="bg-slate-100 text-xs uppercase tracking-wide dark:bg-slate-800">
                <tr>
                  {(['name', 'lifetime', 'links'] as PolicySort[]).map((key) => (
                    <th
                      key={key}
                      scope="col"
                      className="px-3 py-2"
                      aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <button
                        type="button"
                        className="font-semibold uppercase"
                        onClick={() =>
                          setParam({
                            sort: key,
                            dir: sort === key && !descending ? 'desc' : undefined,
                          })
                        }
                      >
                        {SORTS[key]} {sort === key ? (descending ? '↓' : '↑') : ''}
                      </button>
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2">
                    Findings
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Description
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.policy.id}
                    className="border-t border-slate-200 align-top dark:border-slate-800"
                    data-testid="policy-row"
                  >
                    <td className="px-3 py-2">
                      <Link
                        href={`/policies/${row.policy.id}`}
                        className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                      >
                        <span className="tenant-text">{row.policy.displayName}</span>
                      </Link>
                      {row.policy.isOrganizationDefault && (
                        <span className="ml-2">
                          <Badge tone="accent">Organization default</Badge>
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {row.lifetimeText}
                      <span className="ml-2 font-mono text-xs text-slate-600 dark:text-slate-400">
                        {row.timeSpan}
                      </span>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {row.applications === undefined
                        ? '…'
                        : `${row.applications} app${row.applications === 1 ? '' : 's'}, ${row.servicePrincipals} SP${row.servicePrincipals === 1 ? '' : 's'}`}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-1">
                        {row.findings.length === 0 && (
                          <span className="text-slate-500 dark:text-slate-400">None</span>
                        )}
                        {row.findings.map((f, i) => (
                          <Badge
                            key={i}
                            tone={
                              f.severity === 'error'
                                ? 'danger'
                                : f.severity === 'warning'
                                  ? 'warning'
                                  : 'info'
                            }
                            title={f.message}
                          >
                            {f.code === 'retired-property'
                              ? `Retired: ${f.property}`
                              : f.code.replace(/-/g, ' ')}
                          </Badge>
                        ))}
                      </div>
                    </td>
                    <td className="max-w-xs px-3 py-2 text-slate-700 dark:text-slate-300">
                      <span className="tenant-text line-clamp-2">{row.policy.description}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="p-4 text-sm">No policy matches these filters.</p>}
          </div>
        </>
      )}
    </div>
  );
}
