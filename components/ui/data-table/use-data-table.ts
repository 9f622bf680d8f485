'use client';

import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type Table,
} from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { isInactive, keptRows, sortOrder, type FilterKind, type SortKey } from './row-pipeline';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the merged interface must keep TanStack's type parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's CSS grid track, e.g. "minmax(12rem,2fr)" or "8rem". */
    width?: string;
    /** How a filter on this column matches: equal value (facets, flags) or text within. */
    filter?: FilterKind;
    /** The header's text when the header is not a plain string (a screen reader's name for it). */
    label?: string;
  }
}

export interface DataTableSort {
  id: string;
  desc: boolean;
}

export interface DataTableSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

export interface UseDataTableOptions<T> {
  data: readonly T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column has its own value type, as in TanStack's own examples
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** The text filter: what was typed, and each row's lower-case text it is searched in. */
  search?: { text: string; keyOf: (row: T) => string };
  /** Column filters by column id; '' or false means off. */
  filters?: Record<string, string | boolean | undefined>;
  sort?: DataTableSort;
  onSortChange?: (sort: DataTableSort) => void;
  /** Columns that exist for filtering only (e.g. the apps a policy is linked to). */
  hiddenColumns?: readonly string[];
  selection?: DataTableSelection;
}

export interface DataTableModel<T> {
  table: Table<T>;
  /** Every row, as given. */
  data: readonly T[];
  /** The rows the filters keep, in sort order. */
  rows: T[];
  /** Each row's position in data, for the row objects TanStack renders cells from. */
  positions: number[];
  sort?: DataTableSort;
  setSort: (id: string) => void;
  selection?: DataTableSelection;
  getRowId: (row: T) => string;
  /** The value each row has in a column (its accessor), for facets and counts. */
  keysOf: (columnId: string) => unknown[];
}

const NO_ROWS: never[] = [];

/**
 * TanStack Table as the column model (definitions, headers, cells, sort state), with filtering and
 * sorting done once here on keys made per row (row-pipeline.ts explains why not its row models).
 */
export function useDataTable<T>({
  data,
  columns,
  getRowId,
  search,
  filters = {},
  sort,
  onSortChange,
  hiddenColumns = [],
  selection,
}: UseDataTableOptions<T>): DataTableModel<T> {
  const hidden = hiddenColumns.join('\u0000');
  // One object per set of hidden columns: TanStack recomputes its column list when it changes.
  const columnVisibility = useMemo(
    () =>
      Object.fromEntries(
        hidden
          .split('\u0000')
          .filter(Boolean)
          .map((id) => [id, false]),
      ),
    [hidden],
  );
  const table = useReactTable<T>({
    // Rows are created only for what is on screen (data-table.tsx); TanStack keeps the columns.
    data: NO_ROWS as T[],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => getRowId(row),
    manualFiltering: true,
    manualSorting: true,
    enableMultiSort: false,
    state: {
      sorting: sort ? [sort] : [],
      columnVisibility,
    },
  });

  const accessor = useCallback(
    (columnId: string) => {
      const column = columns.find((c) => c.id === columnId);
      if (!column || !('accessorFn' in column) || !column.accessorFn)
        throw new Error(`Data table column "${columnId}" needs an id and an accessorFn`);
      return column.accessorFn;
    },
    [columns],
  );
  const keysOf = useCallback(
    (columnId: string) => {
      const read = accessor(columnId);
      return data.map((row, index) => read(row, index));
    },
    [accessor, data],
  );

  // Made once per list: typing in the search box compares these, never the rows' names again.
  const searchKeys = useMemo(
    () => (search ? data.map((row) => search.keyOf(row)) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyOf is the same function per view; the keys change with the data
    [data, search === undefined],
  );
  // Sorted once per sort order; filters keep that order, so typing never sorts 100,000 rows again.
  const order = useMemo(
    () => (sort ? sortOrder(keysOf(sort.id) as SortKey[], sort.desc) : undefined),
    [keysOf, sort?.id, sort?.desc], // eslint-disable-line react-hooks/exhaustive-deps -- sort is rebuilt per render from the URL; its fields are what matter
  );
  const activeFilterIds = Object.keys(filters)
    .filter((id) => !isInactive(filters[id]))
    .sort()
    .join('\u0000');
  const filterKeys = useMemo(
    () =>
      new Map(
        activeFilterIds
          .split('\u0000')
          .filter(Boolean)
          .map((id) => [id, keysOf(id)]),
      ),
    [activeFilterIds, keysOf],
  );
  const filterValues = JSON.stringify(filters);
  // Every row in this sort order, made when first needed and kept while the order stands: clearing
  // a search or a filter gives it back at once instead of walking and copying 100,000 rows again.
  const unfiltered = useMemo(() => {
    let kept: { positions: number[]; rows: T[] } | undefined;
    return () => {
      if (!kept) {
        const all = keptRows(data.length, [], order);
        kept = { positions: all, rows: all.map((i) => data[i]) };
      }
      return kept;
    };
  }, [data, order]);
  const { positions, rows } = useMemo(() => {
    const active = [...filterKeys].map(([id, keys]) => ({
      kind: columns.find((c) => c.id === id)?.meta?.filter ?? ('equals' as const),
      keys,
      value: filters[id] as string | boolean,
    }));
    if (search && searchKeys && !isInactive(search.text))
      active.push({ kind: 'includes', keys: searchKeys, value: search.text });
    if (!active.length) return unfiltered();
    const kept = keptRows(data.length, active, order);
    return { positions: kept, rows: kept.map((i) => data[i]) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters and search are compared by value
  }, [data, filterKeys, filterValues, search?.text, searchKeys, order, columns, unfiltered]);

  const setSort = useCallback(
    (id: string) => onSortChange?.({ id, desc: sort?.id === id && !sort.desc }),
    [onSortChange, sort?.id, sort?.desc],
  );

  return { table, data, rows, positions, sort, setSort, selection, getRowId, keysOf };
}
