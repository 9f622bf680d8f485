'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/feedback';
import type { LinkedObject } from '@/lib/graph/types';
import { FIRST_PARTY_RESOURCES } from '@/lib/policy/rules';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { BulkLinkProgress } from './bulk-link-progress';
import { useBulkLinks } from './use-link-actions';

const FIRST_PARTY = new Set<string>(FIRST_PARTY_RESOURCES.map((r) => r.appId));

/** The objects a policy is linked to (appliesTo), with selection and bulk unlink. */
export function LinkedObjectsTable({
  policy,
  linked,
}: {
  policy: TokenLifetimePolicy;
  linked: LinkedObject[];
}) {
  const access = useWriteAccess();
  const bulk = useBulkLinks();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const chosen = linked.filter((o) => selected.has(o.id));
  const toTargets = (objects: LinkedObject[]) =>
    objects.map((o) => ({
      objectType: o.objectType,
      objectId: o.id,
      displayName: o.displayName,
      appId: o.appId,
    }));

  if (linked.length === 0 && !bulk.outcomes) {
    return (
      <EmptyState title="Linked to nothing">
        This policy changes no token until it is linked to an application or a service principal
        {policy.isOrganizationDefault
          ? ' (as the organization default it applies tenant-wide)'
          : ''}
        .
      </EmptyState>
    );
  }
  const denied = access.state === 'denied';
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Objects linked to {policy.displayName}</caption>
          <thead className="bg-slate-100 text-xs dark:bg-slate-800">
            <tr>
              <th scope="col" className="w-8 px-2 py-1">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={linked.length > 0 && selected.size === linked.length}
                  onChange={(e) =>
                    setSelected(new Set(e.target.checked ? linked.map((o) => o.id) : []))
                  }
                />
              </th>
              <th scope="col" className="px-2 py-1">
                Name
              </th>
              <th scope="col" className="px-2 py-1">
                Kind
              </th>
              <th scope="col" className="px-2 py-1">
                App id
              </th>
            </tr>
          </thead>
          <tbody>
            {linked.map((o) => (
              <tr
                key={o.id}
                className="border-t border-slate-200 dark:border-slate-800"
                data-testid="linked-row"
              >
                <td className="px-2 py-1">
                  <input
                    type="checkbox"
                    aria-label={`Select ${o.displayName}`}
                    checked={selected.has(o.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(o.id);
                      else next.delete(o.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td className="px-2 py-1">
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
                </td>
                <td className="px-2 py-1">
                  {o.objectType === 'application' ? 'Application object' : 'Service principal'}
                </td>
                <td className="px-2 py-1 font-mono text-xs">{o.appId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button
        disabled={chosen.length === 0 || denied || bulk.running}
        disabledReason={denied ? access.reason : 'Select objects first.'}
        onClick={() => setConfirming(true)}
      >
        Unlink selected ({chosen.length})
      </Button>
      <BulkLinkProgress
        {...bulk}
        onRetryFailed={() => bulk.run('unlink', bulk.failedTargets(), policy.id)}
        onRepair={(repair) => void bulk.repair(repair)}
      />
      <ConfirmDialog
        open={confirming}
        title={`Unlink "${policy.displayName}" from ${chosen.length} object${chosen.length === 1 ? '' : 's'}?`}
        confirmLabel="Unlink"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          await bulk.run('unlink', toTargets(chosen), policy.id);
          setSelected(new Set());
        }}
      >
        <p>
          Their tokens fall back to the next source (organization default, application link or the
          built-in 60–90 minutes) within seconds. Tokens already issued keep their lifetime.
        </p>
        <ul className="list-disc pl-5">
          {chosen.slice(0, 10).map((o) => (
            <li key={o.id} className="tenant-text">
              {o.displayName}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
