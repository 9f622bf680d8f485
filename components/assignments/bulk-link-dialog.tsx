'use client';

import { useMemo, useState } from 'react';
import { useWriteAccess, WRITE_CONSENT_EXPLANATION } from '@/components/auth/write-access';
import { ImpactTable } from '@/components/policies/impact-table';
import { usePolicies } from '@/components/policies/use-policies';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { applyChange, diffImpact } from '@/lib/policy/audit';
import { linkability } from '@/lib/policy/rules';
import type { DirectoryTarget } from '@/lib/policy/types';
import { BulkLinkProgress } from './bulk-link-progress';
import type { LinkTarget } from '@/lib/graph/link-writes';
import { useBulkLinks } from './use-link-actions';

interface Planned {
  target: DirectoryTarget;
  link?: LinkTarget;
  currentPolicyId?: string;
  reason?: string;
}

/**
 * Applications chosen in a list, linked to one policy: the policy the tokens are issued for sits on
 * the service principal, so that is what is linked (the application object only when there is no
 * service principal). Same preview, confirmation and per-object read back as "Link to…".
 */
export function BulkLinkDialog({
  targets,
  onClose,
}: {
  targets: DirectoryTarget[];
  onClose: (linked: boolean) => void;
}) {
  const policies = usePolicies();
  const directory = useDirectoryIndex();
  const access = useWriteAccess();
  const bulk = useBulkLinks();
  const [policyId, setPolicyId] = useState('');

  const planned: Planned[] = useMemo(
    () =>
      targets.map((target) => {
        const objectType = target.servicePrincipal ? 'servicePrincipal' : 'application';
        const object = target.servicePrincipal ?? target.application;
        const verdict = linkability(target, objectType);
        if (!verdict.linkable || !object)
          return { target, reason: verdict.linkable ? undefined : verdict.reason };
        return {
          target,
          link: {
            objectType,
            objectId: object.id,
            displayName: object.displayName,
            appId: target.appId,
          },
          currentPolicyId:
            objectType === 'servicePrincipal'
              ? target.servicePrincipalPolicyId
              : target.applicationPolicyId,
        };
      }),
    [targets],
  );
  const linkable = planned.filter((p) => p.link);
  const skipped = planned.filter((p) => !p.link);
  const links = linkable.map((p) => p.link!);
  const policy = policies.data?.find((p) => p.id === policyId);
  const nameOf = (id: string) => policies.data?.find((p) => p.id === id)?.displayName ?? id;

  const impact = useMemo(() => {
    if (!policyId || !directory.data) return undefined;
    return diffImpact(
      directory.data,
      applyChange(
        directory.data,
        links.map((l) => ({
          kind: 'link' as const,
          policyId,
          objectType: l.objectType,
          objectId: l.objectId,
        })),
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- links follow planned
  }, [policyId, directory.data, planned]);

  const ran = bulk.outcomes !== undefined || bulk.running || bulk.error !== undefined;
  const denied = access.state === 'denied';
  const whyNot = denied
    ? access.reason
    : !policy
      ? 'Choose a policy first.'
      : links.length === 0
        ? 'None of the selected applications can hold a token lifetime policy.'
        : undefined;

  return (
    <Dialog
      open
      onClose={() => onClose(bulk.outcomes !== undefined)}
      title={`Link ${targets.length} selected application${targets.length === 1 ? '' : 's'} to a policy`}
      wide
    >
      {ran ? (
        <div className="space-y-3">
          <BulkLinkProgress
            {...bulk}
            onRetryFailed={() => bulk.run('link', bulk.failedTargets(), policyId)}
            onRetryAll={() => bulk.run('link', links, policyId)}
            onRepair={(repair) => void bulk.repair(repair)}
            errorTitle="Nothing was changed: the objects’ current policies could not be read first"
          />
        </div>
      ) : (
        <div className="space-y-4 text-sm">
          <label className="block">
            <span className="font-medium">Policy to link</span>
            <select
              value={policyId}
              onChange={(e) => setPolicyId(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
            >
              <option value="">Choose a policy…</option>
              {(policies.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
          <div>
            <p className="font-medium">
              {links.length} object{links.length === 1 ? '' : 's'} will be linked:
            </p>
            <ul
              className="mt-1 max-h-48 list-disc overflow-auto rounded border border-slate-200 py-1 pl-6 dark:border-slate-700"
              data-testid="bulk-link-objects"
              tabIndex={0}
              aria-label="Objects to link"
            >
              {linkable.map(({ link, currentPolicyId }) => (
                <li key={link!.objectId} className="break-words">
                  <span className="tenant-text">{link!.displayName}</span>{' '}
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    (
                    {link!.objectType === 'servicePrincipal'
                      ? 'service principal'
                      : 'application object'}
                    )
                  </span>
                  {policy && currentPolicyId && currentPolicyId !== policy.id && (
                    <strong>
                      {' '}
                      — replace “<span className="tenant-text">{nameOf(currentPolicyId)}</span>”
                    </strong>
                  )}
                </li>
              ))}
            </ul>
          </div>
          {skipped.length > 0 && (
            <div data-testid="bulk-link-skipped">
              <p className="font-medium">Not linked ({skipped.length}):</p>
              <ul
                className="mt-1 max-h-32 list-disc overflow-auto pl-6"
                tabIndex={0}
                aria-label="Objects not linked"
              >
                {skipped.map(({ target, reason }) => (
                  <li key={target.appId} className="break-words">
                    <span className="tenant-text">{target.displayName}</span>: {reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {policy && <ImpactTable changes={impact} loading={!directory.data} />}
          {policy && access.state !== 'granted' && !denied && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {WRITE_CONSENT_EXPLANATION}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="primary"
              disabled={whyNot !== undefined}
              disabledReason={whyNot}
              onClick={() => void bulk.run('link', links, policyId)}
            >
              Link {links.length} object{links.length === 1 ? '' : 's'}
            </Button>
            <Button variant="ghost" onClick={() => onClose(false)}>
              Cancel
            </Button>
            {whyNot && (
              <span aria-hidden className="text-xs text-slate-600 dark:text-slate-400">
                {whyNot}
              </span>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
