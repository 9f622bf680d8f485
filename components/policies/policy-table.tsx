'use client';

import { DataTable } from '@/components/ui/data-table/data-table';
import { useDataTable } from '@/components/ui/data-table/use-data-table';
import type { UrlValues } from '@/components/ui/url-fields';
import { policyColumns, policySearchText } from './policy-columns';
import type { PolicySummary } from './policy-summary';
import type { POLICIES_URL } from './policy-urls';

type PolicyListValues = UrlValues<typeof POLICIES_URL>;

const policyId = (row: PolicySummary) => row.policy.id;

/** The policies as a table: filtered and sorted as the URL says. */
export function PolicyTable({
  summaries,
  values,
  setValues,
}: {
  summaries: PolicySummary[];
  values: PolicyListValues;
  setValues: (changes: Partial<PolicyListValues>) => void;
}) {
  const model = useDataTable({
    data: summaries,
    columns: policyColumns,
    getRowId: policyId,
    search: { text: values.q, keyOf: policySearchText },
    filters: { finding: values.finding, app: values.app },
    sort: { id: values.sort, desc: values.dir === 'desc' },
    onSortChange: ({ id, desc }) =>
      setValues({ sort: id as PolicyListValues['sort'], dir: desc ? 'desc' : '' }),
    hiddenColumns: ['app'],
  });
  return (
    <DataTable
      model={model}
      label="Token lifetime policies"
      rowTestId="policy-row"
      minWidth="52rem"
      empty={null}
      noMatch="No policy matches these filters."
    />
  );
}
