'use client';

import { useMemo, useState } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { ImpactTable } from '@/components/shared/impact-table';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import {
  DataTableFacetedFilter,
  DataTableSearch,
} from '@/components/ui/data-table/data-table-faceted-filter';
import { useDataTable, type DataTableSort } from '@/components/ui/data-table/use-data-table';
import { EmptyState } from '@/components/ui/feedback';
import type { LinkedObject } from '@/lib/graph/types';
import { applyChange, diffImpact } from '@/lib/policy/audit';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { BulkLinkProgress } from './bulk-link-progress';
import {
  linkedObjectColumns,
  linkedObjectSearchText,
  OBJECT_KIND_LABELS,
} from './linked-object-columns';
import { useBulkLinks } from './use-link-actions';
import { BUILT_IN_RANGE_TEXT } from '@/lib/policy/messages';

const objectId = (o: LinkedObject) => o.id;

/** The objects a policy is linked to (appliesTo), with selection and bulk unlink. */
export function LinkedObjectsTable({
  policy,
  linked,
}: {
  policy: TokenLifetimePolicy;
  linked: LinkedObject[];
}) {
  const access = useWriteAccess();
  const directory = useDirectoryIndex();
  const bulk = useBulkLinks();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [sort, setSort] = useState<DataTableSort>({ id: 'name', desc: false });
  const model = useDataTable({
    data: linked,
    columns: linkedObjectColumns,
    getRowId: objectId,
    search: { text, keyOf: linkedObjectSearchText },
    filters: { kind },
    sort,
    onSortChange: setSort,
    selection: { selected, onChange: setSelected },
  });
  // Only objects still linked: after an unlink the list is read again without them.
  const chosen = useMemo(() => linked.filter((o) => selected.has(o.id)), [linked, selected]);
  const impact = useMemo(() => {
    if (!confirming || !directory.data) return undefined;
    return diffImpact(
      directory.data,
      applyChange(
        directory.data,
        chosen.map((o) => ({
          kind: 'unlink' as const,
          policyId: policy.id,
          objectType: o.objectType,
          objectId: o.id,
        })),
      ),
    );
  }, [confirming, directory.data, chosen, policy.id]);

  const progress = (
    <BulkLinkProgress
      {...bulk}
      onRetryFailed={() => bulk.run('unlink', bulk.failedTargets(), policy.id)}
      onRepair={(repair) => void bulk.repair(repair)}
    />
  );
  if (linked.length === 0) {
    return (
      <div className="space-y-3">
        <EmptyState title="Linked to nothing">
          This policy changes no token until it is linked to an application or a service principal
          {policy.isOrganizationDefault
            ? ' (as the organization default it applies tenant-wide)'
            : ''}
          .
        </EmptyState>
        {bulk.outcomes && progress}
      </div>
    );
  }
  const denied = access.state === 'denied';
  return (
    <div className="space-y-3">
      {linked.length > 5 && (
        <div className="flex flex-wrap items-end gap-3 text-sm" role="search">
          <DataTableSearch label="Find a linked object" value={text} onChange={setText} />
          <DataTableFacetedFilter
            model={model}
            columnId="kind"
            label="Kind"
            value={kind}
            options={OBJECT_KIND_LABELS}
            onChange={setKind}
          />
        </div>
      )}
      <DataTable
        model={model}
        label={`Objects linked to ${policy.displayName}`}
        rowTestId="linked-row"
        rowLabel={(o) => o.displayName}
        minWidth="36rem"
        empty={null}
        noMatch="No linked object matches."
      />
      <Button
        disabled={chosen.length === 0 || denied || bulk.running}
        disabledReason={denied ? access.reason : 'Select objects first.'}
        onClick={() => setConfirming(true)}
      >
        Unlink selected ({chosen.length})
      </Button>
      {progress}
      <ConfirmDialog
        open={confirming}
        title={`Unlink "${policy.displayName}" from ${chosen.length} object${chosen.length === 1 ? '' : 's'}?`}
        confirmLabel="Unlink"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          await bulk.run(
            'unlink',
            chosen.map((o) => ({
              objectType: o.objectType,
              objectId: o.id,
              displayName: o.displayName,
              appId: o.appId,
            })),
            policy.id,
          );
          setSelected(new Set());
        }}
      >
        <p>
          Their tokens fall back to the next source (organization default, application link or the
          built-in {BUILT_IN_RANGE_TEXT}) within seconds. Tokens already issued keep their lifetime.
        </p>
        <ul
          className="max-h-48 list-disc overflow-auto rounded border border-slate-200 py-1 pl-6 dark:border-slate-700"
          data-testid="unlink-objects"
          tabIndex={0}
          aria-label="Objects to unlink"
        >
          {chosen.map((o) => (
            <li key={o.id} className="tenant-text break-words">
              {o.displayName}{' '}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                ({OBJECT_KIND_LABELS[o.objectType].toLowerCase()})
              </span>
            </li>
          ))}
        </ul>
        <ImpactTable changes={impact} loading={!directory.data} />
      </ConfirmDialog>
    </div>
  );
}
