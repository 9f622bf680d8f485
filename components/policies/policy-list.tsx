'use client';

import { Link } from '@/components/ui/link';
import { useMemo } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import dynamic from 'next/dynamic';
import {
  DataTableFacetedFilter,
  DataTableSearch,
} from '@/components/ui/data-table/data-table-faceted-filter';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useUrlValues } from '@/components/ui/use-url-state';
import { EmptyState, Skeleton } from '@/components/ui/feedback';
import { POLICIES_URL } from './policy-urls';
import { FINDING_FILTERS, summarizePolicies } from './policy-summary';
import { usePolicies } from '@/components/shared/use-policies';
import { BUILT_IN_RANGE_TEXT } from '@/lib/policy/messages';

// The table code (TanStack Table) loads after the page's first paint: the route stays within
// its first-load JavaScript budget.
const PolicyTable = dynamic(() => import('./policy-table').then((m) => m.PolicyTable), {
  ssr: false,
  loading: () => <Skeleton className="h-40" label="Loading the policy table" />,
});

export function PolicyList() {
  const policies = usePolicies();
  const directory = useDirectoryIndex();
  const access = useWriteAccess();
  const { values, setValues } = useUrlValues(POLICIES_URL);
  const summaries = useMemo(
    () => summarizePolicies(policies.data ?? [], directory.data),
    [policies.data, directory.data],
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

  // "New policy" is there from the start: creating one does not wait for the list.
  const toolbar = (count: string) => (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm" role="status" data-testid="policy-count">
        {count}
      </p>
      {newPolicy}
    </div>
  );

  if (policies.isPending)
    return (
      <div className="space-y-4">
        {toolbar('Loading the policies…')}
        <Skeleton className="h-64" label="Loading policies" />
      </div>
    );
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
      {toolbar(`${policies.data.length} ${policies.data.length === 1 ? 'policy' : 'policies'}`)}

      {policies.data.length === 0 ? (
        <EmptyState title="No token lifetime policies yet">
          <p>
            A token lifetime policy sets how long access, ID and SAML tokens last for the apps it is
            linked to (10 minutes to 23:59:59; without one, Entra gives {BUILT_IN_RANGE_TEXT}).
            Create one, then link it to the service principal of the API whose tokens should last
            longer or shorter.
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
          <div className="flex flex-wrap items-end gap-3 text-sm" role="search">
            <DataTableSearch
              label="Filter by name or description"
              value={values.q}
              onChange={(q) => setValues({ q })}
              width="w-64"
            />
            <DataTableSearch
              label="Linked to app (name or appId)"
              value={values.app}
              onChange={(app) => setValues({ app })}
              width="w-64"
            />
            <DataTableFacetedFilter
              columnId="finding"
              label="Findings"
              value={values.finding}
              options={FINDING_FILTERS}
              emptyLabel="All policies"
              onChange={(finding) => setValues({ finding: finding as (typeof values)['finding'] })}
            />
            {directory.isPending && (
              <span className="text-xs text-slate-600 dark:text-slate-400">Counting links…</span>
            )}
          </div>
          {values.app && directory.isPending && (
            <p className="text-sm" role="status">
              The tenant’s links are still loading: the “linked to app” filter shows every policy as
              unlinked until then.
            </p>
          )}
          <PolicyTable summaries={summaries} values={values} setValues={setValues} />
        </>
      )}
    </div>
  );
}
