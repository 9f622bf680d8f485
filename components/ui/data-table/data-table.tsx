'use client';

import { createRow, flexRender, type Column, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { Skeleton } from '@/components/ui/feedback';
import type { DataTableModel } from './use-data-table';

const SELECT_TRACK = '2.5rem';

export interface DataTableProps<T> {
  model: DataTableModel<T>;
  /** The table's accessible name. */
  label: string;
  /** data-testid on each body row (what the e2e tests find rows by). */
  rowTestId?: string;
  /** For the selection checkboxes: "Select <name>". */
  rowLabel?: (row: T) => string;
  /** Only the rows in view are in the DOM: for lists that can reach 100,000 rows. */
  virtual?: { height: string; rowHeight: number; scrollLabel: string };
  /** Smallest width before the table scrolls sideways (e.g. "64rem"). */
  minWidth?: string;
  loading?: { label: string };
  /** Shown instead of the table (and its header) when there are no rows at all. */
  empty: ReactNode;
  /** Shown in the table when filters leave no row. */
  noMatch: string;
}

/** The one data table: sortable headers (aria-sort), optional selection and virtual rows. */
export function DataTable<T>({
  model,
  label,
  rowTestId,
  rowLabel,
  virtual,
  minWidth,
  loading,
  empty,
  noMatch,
}: DataTableProps<T>) {
  const { table, rows, positions, selection } = model;
  const columns = table.getVisibleLeafColumns();
  const template = [
    ...(selection ? [SELECT_TRACK] : []),
    ...columns.map((c) => c.columnDef.meta?.width ?? 'minmax(8rem,1fr)'),
  ].join(' ');
  const gridStyle: CSSProperties = { display: 'grid', gridTemplateColumns: template };

  // TanStack rows only for rows on screen, kept while the columns stay: a memoised row
  // re-renders only when it is selected or moves.
  const rowCache = useMemo(
    () => new WeakMap<object, Row<T>>(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new column set needs new cells
    [table, columns],
  );
  const rowAt = (n: number): Row<T> => {
    const original = rows[n];
    const key = original as object;
    let row = rowCache.get(key);
    if (!row) {
      row = createRow(table, model.getRowId(original), original, positions[n], 0);
      rowCache.set(key, row);
    }
    return row;
  };

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => virtual?.rowHeight ?? 40,
    // Each row drawn beyond the window costs layout and paint on every jump of the scrollbar.
    overscan: 1,
  });

  // A stable toggle: checking one row re-renders that row, not every row on screen.
  const latestSelection = useRef(selection);
  useEffect(() => {
    latestSelection.current = selection;
  });
  const toggleRow = useCallback((id: string, on: boolean) => {
    const current = latestSelection.current;
    if (!current) return;
    const next = new Set(current.selected);
    if (on) next.add(id);
    else next.delete(id);
    current.onChange(next);
  }, []);

  const selectAll = useRef<HTMLInputElement>(null);
  const selectedInView =
    selection && selection.selected.size > 0
      ? rows.reduce((n, row) => n + (selection.selected.has(model.getRowId(row)) ? 1 : 0), 0)
      : 0;
  useEffect(() => {
    if (selectAll.current)
      selectAll.current.indeterminate = selectedInView > 0 && selectedInView < rows.length;
  }, [selectedInView, rows.length]);

  if (loading)
    return (
      <div className="space-y-2" aria-busy="true">
        <Skeleton className="h-10" label={loading.label} />
        <Skeleton className="h-40" label={loading.label} />
      </div>
    );
  if (model.data.length === 0) return <>{empty}</>;

  const toggleAllInView = (on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const row of rows) {
      if (on) next.add(model.getRowId(row));
      else next.delete(model.getRowId(row));
    }
    selection.onChange(next);
  };

  const header = (
    <thead role="rowgroup" className="sticky top-0 z-10" style={{ display: 'grid' }}>
      <tr
        role="row"
        aria-rowindex={1}
        style={gridStyle}
        className="bg-slate-100 text-left text-xs uppercase tracking-wide dark:bg-slate-800"
      >
        {selection && (
          <th role="columnheader" scope="col" className="flex items-center px-2 py-2">
            <input
              ref={selectAll}
              type="checkbox"
              aria-label="Select all rows shown"
              checked={rows.length > 0 && selectedInView === rows.length}
              onChange={(e) => toggleAllInView(e.target.checked)}
            />
          </th>
        )}
        {columns.map((column) => (
          <HeaderCell key={column.id} column={column} table={table} model={model} />
        ))}
      </tr>
    </thead>
  );

  const virtualItems = virtual ? virtualizer.getVirtualItems() : [];
  const bodyRows = virtual
    ? virtualItems.map((item) => (
        <BodyRow
          // Keyed by screen slot, not by row: a window of n consecutive rows always holds the
          // slots 0…n-1, so a jump down the list updates text in place instead of building rows.
          key={item.index % virtualItems.length}
          row={rowAt(item.index)}
          columns={columns}
          rowIndex={item.index + 2}
          style={{
            ...gridStyle,
            position: 'absolute',
            left: 0,
            width: '100%',
            height: item.size,
            transform: `translateY(${item.start}px)`,
          }}
          onToggle={selection ? toggleRow : undefined}
          selected={selection?.selected.has(model.getRowId(rows[item.index])) ?? false}
          rowLabel={rowLabel}
          testId={rowTestId}
        />
      ))
    : rows.map((original, n) => (
        <BodyRow
          key={model.getRowId(original)}
          row={rowAt(n)}
          columns={columns}
          rowIndex={n + 2}
          style={gridStyle}
          onToggle={selection ? toggleRow : undefined}
          selected={selection?.selected.has(model.getRowId(original)) ?? false}
          rowLabel={rowLabel}
          testId={rowTestId}
        />
      ));

  const body = (
    <tbody
      role="rowgroup"
      style={
        virtual
          ? { display: 'grid', position: 'relative', height: virtualizer.getTotalSize() }
          : { display: 'grid' }
      }
    >
      {rows.length === 0 ? (
        <tr role="row" style={{ display: 'grid' }}>
          <td role="cell" className="p-4 text-sm" data-testid="table-no-match">
            {noMatch}
          </td>
        </tr>
      ) : (
        bodyRows
      )}
    </tbody>
  );

  const tableElement = (
    <table
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className="w-full text-sm"
      style={{ display: 'grid', minWidth }}
    >
      {header}
      {body}
    </table>
  );

  return virtual ? (
    <div
      ref={scroller}
      role="region"
      aria-label={virtual.scrollLabel}
      tabIndex={0}
      className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      style={{ height: virtual.height }}
    >
      {tableElement}
    </div>
  ) : (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      {tableElement}
    </div>
  );
}

function HeaderCell<T>({
  column,
  table,
  model,
}: {
  column: Column<T, unknown>;
  table: Table<T>;
  model: DataTableModel<T>;
}) {
  const headerContext = table
    .getFlatHeaders()
    .find((h) => h.column.id === column.id)
    ?.getContext();
  const content = headerContext ? flexRender(column.columnDef.header, headerContext) : column.id;
  if (!column.getCanSort())
    return (
      <th role="columnheader" scope="col" className="px-2 py-2 font-semibold">
        {content}
      </th>
    );
  const sorted =
    model.sort?.id === column.id ? (model.sort.desc ? 'descending' : 'ascending') : undefined;
  return (
    <th role="columnheader" scope="col" aria-sort={sorted ?? 'none'} className="px-2 py-2">
      <button
        type="button"
        className="inline-flex items-center gap-1 font-semibold uppercase hover:underline focus-visible:outline-2"
        onClick={() => model.setSort(column.id)}
      >
        {content}
        <span aria-hidden>
          {sorted === 'ascending' ? '↑' : sorted === 'descending' ? '↓' : '↕'}
        </span>
      </button>
    </th>
  );
}

interface BodyRowProps<T> {
  row: Row<T>;
  columns: Column<T, unknown>[];
  rowIndex: number;
  style: CSSProperties;
  onToggle?: (id: string, on: boolean) => void;
  selected: boolean;
  rowLabel?: (row: T) => string;
  testId?: string;
}

function BodyRowImpl<T>({
  row,
  rowIndex,
  style,
  onToggle,
  selected,
  rowLabel,
  testId,
}: BodyRowProps<T>) {
  // A recycled row (virtual lists key rows by screen slot) that now shows another row must not
  // keep the focus: a checkbox focused on one app would otherwise toggle another after a scroll.
  // The focus goes to the scrolling region, as it would if the row had left the page.
  const element = useRef<HTMLTableRowElement>(null);
  const shownId = useRef(row.id);
  useLayoutEffect(() => {
    if (shownId.current === row.id) return;
    shownId.current = row.id;
    const tr = element.current;
    if (tr?.contains(document.activeElement))
      tr.closest<HTMLElement>('[role="region"]')?.focus({ preventScroll: true });
  }, [row.id]);
  return (
    <tr
      ref={element}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={onToggle ? selected : undefined}
      data-testid={testId}
      style={style}
      className={`items-center border-t border-slate-100 dark:border-slate-800 ${selected ? 'bg-blue-50 dark:bg-slate-800' : ''}`}
    >
      {onToggle && (
        <td role="cell" className="flex items-center px-2 py-1">
          <input
            type="checkbox"
            aria-label={`Select ${rowLabel ? rowLabel(row.original) : row.id}`}
            checked={selected}
            onChange={(e) => onToggle(row.id, e.target.checked)}
          />
        </td>
      )}
      {row.getVisibleCells().map((cell) => (
        // A virtual row has a fixed height: what does not fit is clipped, never drawn over the next.
        <td
          role="cell"
          // By column: a recycled row keeps its cells and updates their content.
          key={cell.column.id}
          className={`min-w-0 px-2 py-1 ${style.position === 'absolute' ? 'overflow-hidden' : ''}`}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}

// Scrolling re-renders only the rows that moved in or out; the others keep their DOM.
const BodyRow = memo(BodyRowImpl, (a, b) => {
  const aTop = a.style.transform;
  const bTop = b.style.transform;
  return (
    a.row === b.row &&
    a.columns === b.columns &&
    a.rowIndex === b.rowIndex &&
    aTop === bTop &&
    a.style.height === b.style.height &&
    a.style.gridTemplateColumns === b.style.gridTemplateColumns &&
    a.selected === b.selected &&
    a.onToggle === b.onToggle
  );
}) as typeof BodyRowImpl;
