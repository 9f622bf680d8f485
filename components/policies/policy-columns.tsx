'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import type { PolicySummary } from './policy-summary';

const column = createColumnHelper<PolicySummary>();

export const policySearchText = (row: PolicySummary) =>
  `${row.policy.displayName.toLowerCase()}\u0000${(row.policy.description ?? '').toLowerCase()}`;

export const policyColumns = [
  column.accessor((row) => row.policy.displayName.toLowerCase(), {
    id: 'name',
    header: 'Name',
    meta: { width: 'minmax(12rem,2fr)' },
    cell: ({ row: { original: row } }) => (
      <div className="break-words hyphens-auto">
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
      </div>
    ),
  }),
  column.accessor((row) => row.lifetimeSeconds ?? -1, {
    id: 'lifetime',
    header: 'Lifetime',
    meta: { width: 'minmax(9rem,1fr)' },
    cell: ({ row: { original: row } }) => (
      <span>
        {row.lifetimeText}
        <span className="ml-2 font-mono text-xs text-slate-600 dark:text-slate-400">
          {row.timeSpan}
        </span>
      </span>
    ),
  }),
  column.accessor((row) => (row.applications ?? 0) + (row.servicePrincipals ?? 0), {
    id: 'links',
    header: 'Links',
    meta: { width: 'minmax(8rem,1fr)' },
    cell: ({ row: { original: row } }) =>
      row.applications === undefined
        ? '…'
        : `${row.applications} app${row.applications === 1 ? '' : 's'}, ${row.servicePrincipals} SP${row.servicePrincipals === 1 ? '' : 's'}`,
  }),
  column.accessor((row) => row.categories, {
    id: 'finding',
    header: 'Findings',
    enableSorting: false,
    meta: { width: 'minmax(9rem,1.5fr)', filter: 'has' },
    cell: ({ row: { original: row } }) => (
      <div className="flex flex-wrap gap-1">
        {row.findings.length === 0 && (
          <span className="text-slate-500 dark:text-slate-400">None</span>
        )}
        {row.findings.map((f, i) => (
          <Badge
            key={i}
            tone={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'info'}
            title={f.message}
          >
            {f.code === 'retired-property' ? `Retired: ${f.property}` : f.code.replace(/-/g, ' ')}
          </Badge>
        ))}
      </div>
    ),
  }),
  column.accessor((row) => row.policy.description ?? '', {
    id: 'description',
    header: 'Description',
    enableSorting: false,
    meta: { width: 'minmax(10rem,2fr)' },
    cell: ({ row: { original: row } }) => (
      <span
        className="tenant-text line-clamp-2 break-words text-slate-700 dark:text-slate-300"
        title={row.policy.description ?? undefined}
      >
        {row.policy.description}
      </span>
    ),
  }),
  // For the "linked to app" filter; not shown.
  column.accessor((row) => row.linkedAppsText, {
    id: 'app',
    header: 'Linked apps',
    enableSorting: false,
    meta: { filter: 'includes' },
  }),
];
