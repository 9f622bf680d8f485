'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import type { PrecedenceRuleId } from '@/lib/policy/types';
import { KIND_LABELS, SOURCE_LABELS, type EffectiveRow } from './effective-rows';

const column = createColumnHelper<EffectiveRow>();

/** What the Applications view shows per app; sort keys are made once per row (effective-rows.ts). */
export function applicationColumns(rule: PrecedenceRuleId) {
  return [
    column.accessor((row) => row.nameKey, {
      id: 'name',
      header: 'Application',
      meta: { width: 'minmax(12rem,2fr)' },
      cell: ({ row: { original: row } }) => (
        <Link
          href={`/applications/${row.appId}?rule=${rule}`}
          title={row.displayName}
          className="block truncate font-medium text-blue-800 hover:underline dark:text-blue-300"
        >
          <span className="tenant-text">{row.displayName}</span>
        </Link>
      ),
    }),
    column.accessor((row) => row.kind, {
      id: 'kind',
      header: 'Kind',
      meta: { width: '11rem', filter: 'equals' },
      cell: ({ row: { original: row } }) => (
        <span className="block truncate text-xs">{KIND_LABELS[row.kind]}</span>
      ),
    }),
    column.accessor((row) => row.servicePrincipalPolicy ?? '', {
      id: 'servicePrincipalPolicy',
      header: 'Policy on SP',
      enableSorting: false,
      meta: { width: 'minmax(8rem,1fr)' },
      cell: ({ row: { original: row } }) => (
        <span className="tenant-text block truncate text-xs" title={row.servicePrincipalPolicy}>
          {row.servicePrincipalPolicy ?? '—'}
        </span>
      ),
    }),
    column.accessor((row) => row.applicationPolicy ?? '', {
      id: 'applicationPolicy',
      header: 'Policy on app object',
      enableSorting: false,
      meta: { width: 'minmax(8rem,1fr)' },
      cell: ({ row: { original: row } }) => (
        <span className="tenant-text block truncate text-xs" title={row.applicationPolicy}>
          {row.applicationPolicy ?? '—'}
        </span>
      ),
    }),
    column.accessor((row) => row.sortSeconds, {
      id: 'lifetime',
      header: 'Effective',
      meta: { width: '11rem' },
      cell: ({ row: { original: row } }) => <span className="font-medium">{row.lifetimeText}</span>,
    }),
    column.accessor((row) => row.source, {
      id: 'source',
      header: 'Set by',
      meta: { width: 'minmax(9rem,1fr)', filter: 'equals' },
      cell: ({ row: { original: row } }) => (
        <span className="block truncate text-xs" title={SOURCE_LABELS[row.source]}>
          {SOURCE_LABELS[row.source]}
          {row.disagree && (
            <span className="ml-1" data-testid="disagree-flag">
              <Badge
                tone="warning"
                title="The two precedence rules give different answers for this app"
              >
                Rules disagree
              </Badge>
            </span>
          )}
        </span>
      ),
    }),
    column.accessor((row) => row.auditClass, {
      id: 'class',
      header: 'Audit',
      enableSorting: false,
      meta: { width: '8rem', filter: 'equals' },
      cell: ({ row: { original: row } }) => (
        <Badge
          tone={
            row.auditClass === 'maximum' || row.auditClass === 'extended'
              ? 'warning'
              : row.auditClass === 'shortened'
                ? 'info'
                : 'neutral'
          }
        >
          {row.auditClass.replace(/-/g, ' ')}
        </Badge>
      ),
    }),
    // For the "rules disagree only" box; not shown (the flag sits in "Set by").
    column.accessor((row) => row.disagree, {
      id: 'disagree',
      header: 'Rules disagree',
      enableSorting: false,
      meta: { filter: 'equals' },
    }),
  ];
}

/** Lower-case text the search box matches: the name and the appId. */
export const applicationSearchText = (row: EffectiveRow) =>
  `${row.nameKey}\u0000${row.appId.toLowerCase()}`;
