'use client';

import { useMemo, useState } from 'react';
import { BulkLinkDialog } from '@/components/shared/links/bulk-link-dialog';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import {
  DataTableFacetedFilter,
  DataTableSearch,
} from '@/components/ui/data-table/data-table-faceted-filter';
import { useDataTable } from '@/components/ui/data-table/use-data-table';
import { EmptyState, ProgressBar } from '@/components/ui/feedback';
import { useUrlValues } from '@/components/ui/use-url-state';
import { AUDIT_CLASS_LABELS } from '@/lib/policy/classify';
import { applicationColumns, applicationSearchText } from './application-columns';
import { APPLICATIONS_URL } from './application-filters';
import { DirectoryFreshness } from './directory-freshness';
import { effectiveRows, KIND_LABELS, SOURCE_LABELS, type EffectiveRow } from './effective-rows';
import { exportRows } from './export-rows';
import { PrecedenceRuleSelect } from './precedence-rule-select';
import { DirectoryLoadError } from '@/components/shell/directory-load-error';
import { countText } from '@/lib/plain-format';

const rowId = (row: EffectiveRow) => row.appId;

export function ApplicationsView() {
  const directory = useDirectoryIndex();
  const { values, setValues } = useUrlValues(APPLICATIONS_URL);
  const { rule } = values;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [linking, setLinking] = useState(false);

  const allRows = useMemo(
    () => (directory.index ? effectiveRows(directory.index, rule) : []),
    [directory.index, rule],
  );
  const columns = useMemo(() => applicationColumns(rule), [rule]);
  const model = useDataTable({
    data: allRows,
    columns,
    getRowId: rowId,
    search: { text: values.q, keyOf: applicationSearchText },
    filters: {
      kind: values.kind,
      class: values.class,
      source: values.source,
      disagree: values.disagree,
    },
    sort: { id: values.sort, desc: values.dir === 'desc' },
    onSortChange: ({ id, desc }) =>
      setValues({
        sort: id as (typeof values)['sort'],
        dir: desc ? 'desc' : '',
      }),
    hiddenColumns: ['disagree'],
    selection: { selected, onChange: setSelected },
  });
  const { rows } = model;
  const selectedRows = useMemo(
    () => allRows.filter((row) => selected.has(row.appId)),
    [allRows, selected],
  );

  if (directory.isError)
    return (
      <DirectoryLoadError directory={directory} title="Could not load the tenant’s applications" />
    );
  const progress = directory.progress;
  const loading = !directory.index;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3 text-sm" role="search">
        <DataTableSearch
          label="Search name or appId"
          value={values.q}
          onChange={(q) => setValues({ q })}
        />
        <DataTableFacetedFilter
          model={model}
          columnId="kind"
          label="Kind"
          value={values.kind}
          options={KIND_LABELS}
          onChange={(kind) => setValues({ kind: kind as (typeof values)['kind'] })}
        />
        <DataTableFacetedFilter
          model={model}
          columnId="class"
          label="Audit class"
          value={values.class}
          options={AUDIT_CLASS_LABELS}
          onChange={(c) => setValues({ class: c as (typeof values)['class'] })}
        />
        <DataTableFacetedFilter
          model={model}
          columnId="source"
          label="Set by"
          value={values.source}
          options={SOURCE_LABELS}
          onChange={(source) => setValues({ source: source as (typeof values)['source'] })}
        />
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={values.disagree}
            onChange={(e) => setValues({ disagree: e.target.checked })}
          />
          Rules disagree only
        </label>
        <PrecedenceRuleSelect
          value={rule}
          onChange={(r) => setValues({ rule: r })}
          labelClassName="block font-medium"
        />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p
          className="text-sm"
          role="status"
          data-testid="row-count"
          data-state={!directory.data ? 'loading' : directory.isFetching ? 'refreshing' : 'ready'}
        >
          {loading
            ? 'Loading the applications…'
            : `${countText(rows.length)} of ${countText(allRows.length)} applications${directory.isPartial ? ' (still loading)' : ''}`}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {selected.size > 0 && (
            <>
              <Button variant="primary" onClick={() => setLinking(true)}>
                Link {selected.size} selected to a policy…
              </Button>
              <Button variant="ghost" onClick={() => setSelected(new Set())}>
                Clear selection
              </Button>
            </>
          )}
          <Button onClick={() => exportRows(rows, 'csv')} disabled={rows.length === 0}>
            Export CSV
          </Button>
          <Button onClick={() => exportRows(rows, 'json')} disabled={rows.length === 0}>
            Export JSON
          </Button>
          <DirectoryFreshness
            asOf={directory.asOf}
            refreshing={directory.isFetching}
            onRefresh={() => void directory.refresh()}
          />
        </div>
      </div>

      <div className="relative">
        <DataTable
          model={model}
          label="Applications and their effective access-token lifetime"
          rowTestId="app-row"
          rowLabel={(row) => row.displayName}
          virtual={{ height: '60vh', rowHeight: 44, scrollLabel: 'Application rows' }}
          minWidth="66rem"
          loading={loading ? { label: 'Loading the applications' } : undefined}
          empty={
            <EmptyState title="No applications in this tenant">
              Neither app registrations nor service principals were found.
            </EmptyState>
          }
          noMatch="No application matches these filters."
        />
        {/* Over the foot of the table, not above it: the rows that have arrived show while the
            rest load, and the bar leaving moves none of them (it was a layout shift on every
            load). Pointer events pass through, so the rows under it still scroll. */}
        {!directory.data && (
          <div className="pointer-events-none absolute inset-x-0 bottom-0 rounded-b-lg border-t border-slate-200 bg-white/95 p-2 dark:border-slate-700 dark:bg-slate-900/95">
            <ProgressBar
              value={(progress?.applications ?? 0) + (progress?.servicePrincipals ?? 0)}
              label={`Loading the tenant: ${countText(progress?.policies ?? 0)} policies, ${countText(progress?.applications ?? 0)} applications, ${countText(progress?.servicePrincipals ?? 0)} service principals`}
            />
          </div>
        )}
      </div>
      {linking && (
        <BulkLinkDialog
          targets={selectedRows.map((row) => row.target)}
          onClose={(linked) => {
            setLinking(false);
            if (linked) setSelected(new Set());
          }}
        />
      )}
    </div>
  );
}
