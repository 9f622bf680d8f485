'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { Link } from '@/components/ui/link';
import type { AuditSummary } from '@/lib/policy/audit';
import { formatLifetime } from '@/lib/policy/format';
import type { LinkSource } from '@/lib/policy/types';

const SET_BY: Record<LinkSource, string> = {
  servicePrincipal: 'policy on the service principal',
  organizationDefault: 'organization default',
  application: 'policy on the app object',
  builtIn: 'built-in default',
};

export type ExtendedRow = AuditSummary['extended'][number];

const column = createColumnHelper<ExtendedRow>();

export const extendedRowId = (row: ExtendedRow) => row.target.appId;
export const extendedSearchText = (row: ExtendedRow) =>
  `${row.target.displayName.toLowerCase()}\u0000${row.target.appId.toLowerCase()}\u0000${(row.effective.policyDisplayName ?? '').toLowerCase()}`;

/** Apps whose tokens live longer than the built-in 90 minutes. */
export const extendedColumns = [
  column.accessor((row) => row.target.displayName.toLowerCase(), {
    id: 'name',
    header: 'Application',
    meta: { width: 'minmax(10rem,2fr)' },
    cell: ({ row: { original: row } }) => (
      <Link
        className="tenant-text break-words hyphens-auto underline"
        href={`/applications/${row.target.appId}`}
      >
        {row.target.displayName}
      </Link>
    ),
  }),
  column.accessor((row) => row.effective.seconds ?? 0, {
    id: 'lifetime',
    header: 'Effective',
    meta: { width: 'minmax(7rem,1fr)' },
    cell: ({ row: { original: row } }) => formatLifetime(row.effective),
  }),
  column.accessor((row) => (row.effective.policyDisplayName ?? '').toLowerCase(), {
    id: 'setBy',
    header: 'Set by',
    meta: { width: 'minmax(10rem,2fr)' },
    cell: ({ row: { original: row } }) => (
      <span className="break-words">
        {row.effective.policyDisplayName ? (
          <span className="tenant-text">{row.effective.policyDisplayName}</span>
        ) : null}{' '}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          ({SET_BY[row.effective.source]})
        </span>
      </span>
    ),
  }),
];
