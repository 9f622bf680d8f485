'use client';

import { useMemo } from 'react';
import { countValues } from './row-pipeline';
import type { DataTableModel } from './use-data-table';
import { countText } from '@/lib/plain-format';

const FIELD =
  'mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** A filter on one column's values, each option with how many rows have it. */
export function DataTableFacetedFilter<T>({
  model,
  columnId,
  label,
  options,
  value,
  onChange,
  emptyLabel = 'All',
}: {
  /** Given, each option shows how many rows have it. */
  model?: DataTableModel<T>;
  columnId: string;
  label: string;
  options: Record<string, string>;
  value: string;
  onChange: (value: string) => void;
  emptyLabel?: string;
}) {
  const keysOf = model?.keysOf;
  const byValue = useMemo(
    () => (keysOf ? countValues(keysOf(columnId)) : undefined),
    [keysOf, columnId],
  );
  return (
    <label>
      <span className="block font-medium">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={FIELD}>
        <option value="">{emptyLabel}</option>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {byValue ? `${text} (${countText(byValue.get(key) ?? 0)})` : text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The table's text filter. */
export function DataTableSearch({
  label,
  value,
  onChange,
  width = 'w-56',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  width?: string;
}) {
  return (
    <label>
      <span className="block font-medium">{label}</span>
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${FIELD} ${width} max-w-full`}
      />
    </label>
  );
}
