'use client';

import { useState } from 'react';
import { DataTable } from '@/components/ui/data-table/data-table';
import { DataTableSearch } from '@/components/ui/data-table/data-table-faceted-filter';
import { useDataTable, type DataTableSort } from '@/components/ui/data-table/use-data-table';
import {
  extendedColumns,
  extendedRowId,
  extendedSearchText,
  type ExtendedRow,
} from './audit-columns';

/** Apps with extended or maximum lifetimes: all of them, longest first, virtual when many. */
export function ExtendedTable({ rows }: { rows: ExtendedRow[] }) {
  const [text, setText] = useState('');
  const [sort, setSort] = useState<DataTableSort>({ id: 'lifetime', desc: true });
  const model = useDataTable({
    data: rows,
    columns: extendedColumns,
    getRowId: extendedRowId,
    search: { text, keyOf: extendedSearchText },
    sort,
    onSortChange: setSort,
  });
  return (
    <section aria-labelledby="extended-heading" className="space-y-2">
      <h2 id="extended-heading" className="text-lg font-semibold">
        Extended or maximum lifetimes ({rows.length})
      </h2>
      {rows.length > 10 && (
        <div className="text-sm" role="search">
          <DataTableSearch label="Find an application or policy" value={text} onChange={setText} />
        </div>
      )}
      <div data-testid="extended-list">
        <DataTable
          model={model}
          label="Applications with extended or maximum lifetimes"
          rowTestId="extended-row"
          minWidth="32rem"
          virtual={
            rows.length > 200
              ? { height: '24rem', rowHeight: 40, scrollLabel: 'Extended lifetime rows' }
              : undefined
          }
          empty={<p className="text-sm">No application runs with an extended lifetime.</p>}
          noMatch="No application matches."
        />
      </div>
    </section>
  );
}
