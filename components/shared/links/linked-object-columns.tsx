'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import type { LinkedObject } from '@/lib/graph/types';
import { FIRST_PARTY_RESOURCES } from '@/lib/policy/rules';

const FIRST_PARTY = new Set<string>(FIRST_PARTY_RESOURCES.map((r) => r.appId));

export const OBJECT_KIND_LABELS = {
  application: 'Application object',
  servicePrincipal: 'Service principal',
} as const;

const column = createColumnHelper<LinkedObject>();

export const linkedObjectSearchText = (o: LinkedObject) =>
  `${o.displayName.toLowerCase()}\u0000${o.appId.toLowerCase()}`;

/** The objects a policy is linked to (its appliesTo). */
export const linkedObjectColumns = [
  column.accessor((o) => o.displayName.toLowerCase(), {
    id: 'name',
    header: 'Name',
    meta: { width: 'minmax(10rem,2fr)' },
    cell: ({ row: { original: o } }) => (
      <div className="break-words hyphens-auto">
        <Link
          href={`/applications/${o.appId}`}
          className="tenant-text underline-offset-2 hover:underline"
        >
          {o.displayName}
        </Link>
        {FIRST_PARTY.has(o.appId) && (
          <span className="ml-2">
            <Badge tone="info">Microsoft first-party</Badge>
          </span>
        )}
      </div>
    ),
  }),
  column.accessor((o) => o.objectType, {
    id: 'kind',
    header: 'Kind',
    meta: { width: 'minmax(8rem,1fr)', filter: 'equals' },
    cell: ({ row: { original: o } }) => OBJECT_KIND_LABELS[o.objectType],
  }),
  column.accessor((o) => o.appId, {
    id: 'appId',
    header: 'App id',
    enableSorting: false,
    meta: { width: 'minmax(10rem,1.5fr)' },
    cell: ({ row: { original: o } }) => (
      <span className="font-mono text-xs break-all">{o.appId}</span>
    ),
  }),
];
