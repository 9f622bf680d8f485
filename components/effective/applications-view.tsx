'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useMemo, useRef } from 'react';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useUrlState } from '@/components/ui/use-url-state';
import { ProgressBar } from '@/components/ui/feedback';
import { AUDIT_CLASS_LABELS, type AuditClass } from '@/lib/policy/classify';
import { PRECEDENCE_RULES } from '@/lib/policy/resolve';
import type { LinkSource, PrecedenceRuleId } from '@/lib/policy/types';
import {
  effectiveRows,
  filterRows,
  KIND_LABELS,
  SOURCE_LABELS,
  type EffectiveRow,
  type TargetKind,
} from './effective-rows';
import { DirectoryFreshness } from './directory-freshness';
import { exportRows } from './export-rows';

type SortKey = 'name' | 'lifetime' | 'kind' | 'source';
const COLUMNS =
  'grid-cols-[minmax(12rem,2fr)_11rem_minmax(8rem,1fr)_minmax(8rem,1fr)_11rem_minmax(9rem,1fr)_8rem]';

export function ApplicationsView() {
  const directory = useDirectoryIndex();
  const { params, setParams: setParam } = useUrlState();
  const rule = (params.get('rule') ?? 'graph-reference') as PrecedenceRuleId;
  const filters = {
    text: params.get('q') ?? '',
    kind: (params.get('kind') ?? '') as TargetKind | '',
    auditClass: (params.get('class') ?? '') as AuditClass | '',
    source: (params.get('source') ?? '') as LinkSource | '',
    disagreeOnly: params.get('disagree') === '1',
  };
  const sort = (params.get('sort') ?? 'name') as SortKey;
  const descending = params.get('dir') === 'desc';

  const allRows = useMemo(
    () => (directory.index ? effectiveRows(directory.index, rule) : []),
    [directory.index, rule],
  );
  // Sorted once per sort order; filtering keeps that order, so typing in the search box never
  // sorts 100,000 rows again.
  const sortedRows = useMemo(() => {
    const key = (row: EffectiveRow): string | number =>
      sort === 'lifetime'
        ? row.sortSeconds
        : sort === 'kind'
          ? row.kind
          : sort === 'source'
            ? row.source
            : row.nameKey;
    const direction = descending ? -1 : 1;
    return [...allRows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
  }, [allRows, sort, descending]);
  const rows = useMemo(
    () => filterRows(sortedRows, filters),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters are derived from params
    [sortedRows, params],
  );

  const scroller = useRef<HTMLDivElement>(null);
  // Only the rows in view are in the DOM: smooth at 10,000+ applications.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 10,
  });

  if (directory.isError)
    return (
      <ErrorPanel
        error={directory.error}
        title="Could not load the tenant’s applications"
        onRetry={() => directory.refetch()}
      />
    );
  const progress = directory.progress;
  const header = (key: SortKey | undefined, label: string) =>
    key ? (
      <div
        role="columnheader"
        aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}
        className="px-2 py-2"
      >
        <button
          type="button"
          className="font-semibold uppercase"
          onClick={() =>
            setParam({ sort: key, dir: sort === key && !descending ? 'desc' : undefined })
          }
        >
          {label} {sort === key ? (descending ? '↓' : '↑') : ''}
        </button>
      </div>
    ) : (
      <div role="columnheader" className="px-2 py-2 font-semibold">
        {label}
      </div>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Applications</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The access-token lifetime that applies to tokens <em>for</em> each app (as a resource),
            and what set it.
          </p>
        </div>
        <div className="flex gap-2">
          <Button onClick={() => exportRows(rows, 'csv')} disabled={rows.length === 0}>
            Export CSV
          </Button>
          <Button onClick={() => exportRows(rows, 'json')} disabled={rows.length === 0}>
            Export JSON
          </Button>
        </div>
      </div>
      {!directory.data && (
        <ProgressBar
          value={(progress?.applications ?? 0) + (progress?.servicePrincipals ?? 0)}
          label={`Loading the tenant: ${progress?.policies ?? 0} policies, ${progress?.applications ?? 0} applications, ${progress?.servicePrincipals ?? 0} service principals`}
        />
      )}
      <div className="flex flex-wrap items-end gap-3 text-sm" role="search">
        <label>
          <span className="block font-medium">Search name or appId</span>
          <input
            type="search"
            value={filters.text}
            onChange={(e) => setParam({ q: e.target.value })}
            className="mt-1 w-56 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <Select
          label="Kind"
          value={filters.kind}
          options={KIND_LABELS}
          onChange={(v) => setParam({ kind: v })}
        />
        <Select
          label="Audit class"
          value={filters.auditClass}
          options={AUDIT_CLASS_LABELS}
          onChange={(v) => setParam({ class: v })}
        />
        <Select
          label="Set by"
          value={filters.source}
          options={SOURCE_LABELS}
          onChange={(v) => setParam({ source: v })}
        />
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={filters.disagreeOnly}
            onChange={(e) => setParam({ disagree: e.target.checked ? '1' : undefined })}
          />
          Rules disagree only
        </label>
        <Select
          label="Precedence rule"
          value={rule === 'graph-reference' ? '' : rule}
          options={{ 'current-article': PRECEDENCE_RULES['current-article'].name }}
          emptyLabel={PRECEDENCE_RULES['graph-reference'].name}
          onChange={(v) => setParam({ rule: v })}
        />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p
          className="text-sm"
          role="status"
          data-testid="row-count"
          data-state={!directory.data ? 'loading' : directory.isFetching ? 'refreshing' : 'ready'}
        >
          {rows.length.toLocaleString()} of {allRows.length.toLocaleString()} applications
          {directory.isPartial ? ' (still loading)' : ''}
        </p>
        <DirectoryFreshness
          asOf={directory.asOf}
          refreshing={directory.isFetching}
          onRefresh={() => void directory.refresh()}
        />
      </div>

      <div
        role="table"
        aria-label="Applications and their effective access-token lifetime"
        aria-rowcount={rows.length + 1}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-[64rem]">
          <div role="rowgroup">
            <div
              role="row"
              aria-rowindex={1}
              className={`grid ${COLUMNS} bg-slate-100 text-xs uppercase tracking-wide dark:bg-slate-800`}
            >
              {header('name', 'Application')}
              {header('kind', 'Kind')}
              {header(undefined, 'Policy on SP')}
              {header(undefined, 'Policy on app object')}
              {header('lifetime', 'Effective')}
              {header('source', 'Set by')}
              {header(undefined, 'Audit')}
            </div>
          </div>
          <div
            ref={scroller}
            role="rowgroup"
            className="relative h-[60vh] overflow-y-auto"
            tabIndex={0}
            aria-label="Application rows"
          >
            <div style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                return (
                  <div
                    key={row.appId}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-testid="app-row"
                    className={`absolute left-0 grid w-full ${COLUMNS} items-center border-t border-slate-100 dark:border-slate-800`}
                    style={{ top: item.start, height: item.size }}
                  >
                    <div role="cell" className="truncate px-2">
                      <Link
                        href={`/applications/${row.appId}?rule=${rule}`}
                        className="font-medium text-blue-800 hover:underline dark:text-blue-300"
                      >
                        <span className="tenant-text">{row.displayName}</span>
                      </Link>
                    </div>
                    <div role="cell" className="truncate px-2 text-xs">
                      {KIND_LABELS[row.kind]}
                    </div>
                    <div role="cell" className="truncate px-2 text-xs tenant-text">
                      {row.servicePrincipalPolicy ?? '—'}
                    </div>
                    <div role="cell" className="truncate px-2 text-xs tenant-text">
                      {row.applicationPolicy ?? '—'}
                    </div>
                    <div role="cell" className="px-2 font-medium">
                      {row.lifetimeText}
                    </div>
                    <div role="cell" className="truncate px-2 text-xs">
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
                    </div>
                    <div role="cell" className="px-2">
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
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  emptyLabel = 'All',
}: {
  label: string;
  value: string;
  options: Record<string, string>;
  onChange: (value: string) => void;
  emptyLabel?: string;
}) {
  return (
    <label>
      <span className="block font-medium">{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="">{emptyLabel}</option>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
