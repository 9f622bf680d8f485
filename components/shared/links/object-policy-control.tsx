'use client';

import { useMemo, useState } from 'react';
import { useWriteAccess, WRITE_CONSENT_EXPLANATION } from '@/components/auth/write-access';
import { ImpactTable } from '@/components/shared/impact-table';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice } from '@/components/ui/feedback';
import type { ObjectType } from '@/lib/graph/types';
import { applyChange, diffImpact, type ProposedChange } from '@/lib/policy/audit';
import { linkability } from '@/lib/policy/rules';
import type { DirectoryTarget } from '@/lib/policy/types';
import type { LinkOutcome } from '@/lib/graph/link-writes';
import { describeLinkOutcome, type LinkRepair } from './link-report';
import { useSetObjectPolicy } from './use-link-mutations';
import { GraphErrorLine } from '@/components/ui/graph-error-line';

const LABEL: Record<ObjectType, string> = {
  application: 'application object',
  servicePrincipal: 'service principal',
};

/** "Token lifetime policy: [choose | none]" for one object, with preview, guards and replace. */
export function ObjectPolicyControl({
  target,
  objectType,
  initialChoice,
}: {
  target: DirectoryTarget;
  objectType: ObjectType;
  initialChoice?: string;
}) {
  const directory = useDirectoryIndex();
  const setPolicy = useSetObjectPolicy();
  const access = useWriteAccess();
  const object = objectType === 'application' ? target.application : target.servicePrincipal;
  const current =
    objectType === 'application' ? target.applicationPolicyId : target.servicePrincipalPolicyId;
  const [choice, setChoice] = useState(initialChoice ?? current ?? '');
  // After a write the index is patched with the read-back: follow the object's new link, keep the notice.
  const [seenCurrent, setSeenCurrent] = useState(current);
  if (current !== seenCurrent) {
    setSeenCurrent(current);
    setChoice(current ?? '');
  }
  const busy = setPolicy.isPending;
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [broken, setBroken] = useState<LinkOutcome>();
  const verdict = linkability(target, objectType);
  const policies = directory.index?.policies ?? [];
  const name = (id?: string) => policies.find((p) => p.id === id)?.displayName ?? id;

  const impact = useMemo(() => {
    if (!directory.data || !object || choice === (current ?? '')) return undefined;
    const changes: ProposedChange[] = [];
    if (current)
      changes.push({ kind: 'unlink', policyId: current, objectType, objectId: object.id });
    if (choice) changes.push({ kind: 'link', policyId: choice, objectType, objectId: object.id });
    return diffImpact(directory.data, applyChange(directory.data, changes));
  }, [directory.data, object, choice, current, objectType]);

  if (!object) return null;
  const id = `policy-for-${objectType}`;
  /** Make the object hold `policyId` (null: none); the result is what the tenant was read back to hold. */
  const change = async (policyId: string | null, done: (outcome: LinkOutcome) => string) => {
    setFailure(undefined);
    setDone(undefined);
    setBroken(undefined);
    try {
      const outcome = await setPolicy.mutateAsync({
        target: {
          objectType,
          objectId: object.id,
          displayName: object.displayName,
          appId: object.appId,
        },
        policyId,
      });
      if (outcome.status === 'failed') setBroken(outcome);
      else setDone(done(outcome));
    } catch (error) {
      setFailure(error);
    }
  };
  const apply = () =>
    change(choice || null, (outcome) =>
      choice
        ? outcome.previousPolicyId
          ? `Replaced “${name(outcome.previousPolicyId)}” with “${name(choice)}”.`
          : `Linked “${name(choice)}”.`
        : `Unlinked “${name(current)}”.`,
    );
  const repair = (action: LinkRepair) =>
    change(action.policyId, (outcome) =>
      outcome.nowPolicyId
        ? `Repaired: the ${LABEL[objectType]} now has “${name(outcome.nowPolicyId)}”.`
        : `Repaired: the ${LABEL[objectType]} now has no policy.`,
    );
  const brokenReport = broken && describeLinkOutcome(broken, (id) => name(id) ?? id);

  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid={`control-${objectType}`}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Token lifetime policy on the {LABEL[objectType]}
      </label>
      {!verdict.linkable ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="not-linkable-reason">
          {current ? `Linked: “${name(current)}”. ` : ''}Not linkable: {verdict.reason}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap gap-2">
            <select
              id={id}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              disabled={access.state === 'denied'}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">None</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
            <Button
              variant="primary"
              disabled={busy || choice === (current ?? '') || access.state === 'denied'}
              disabledReason={
                access.state === 'denied'
                  ? access.reason
                  : busy
                    ? 'Saving the change…'
                    : current
                      ? `“${name(current)}” is already linked here: choose another policy to replace it, or None to unlink it.`
                      : 'No policy is linked here: choose one to link it.'
              }
              onClick={apply}
            >
              {choice && current && choice !== current
                ? `Replace “${name(current)}” with “${name(choice)}”`
                : choice
                  ? 'Link'
                  : 'Unlink'}
            </Button>
          </div>
          {verdict.warnings.map((w) => (
            <p key={w} className="text-xs text-amber-900 dark:text-amber-200">
              {w}
            </p>
          ))}
          {impact && <ImpactTable changes={impact} />}
          {impact && access.state !== 'granted' && access.state !== 'denied' && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {WRITE_CONSENT_EXPLANATION}
            </p>
          )}
        </>
      )}
      {done && <Notice tone="success">{done}</Notice>}
      {broken && brokenReport && (
        <div
          role="alert"
          data-testid="link-change-report"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-medium">
            <span className="tenant-text">{object.displayName}</span>: {brokenReport.text}
          </p>
          {broken.error && (
            <p className="mt-1 text-xs">
              <GraphErrorLine error={broken.error} prefix="Graph said: " />
            </p>
          )}
          {broken.restoreError && (
            <p className="mt-1 text-xs">
              <GraphErrorLine
                error={broken.restoreError}
                prefix="Putting the previous policy back failed too: "
              />
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            {brokenReport.repairs.map((action) => (
              <Button key={action.label} disabled={busy} onClick={() => void repair(action)}>
                {action.label}
              </Button>
            ))}
          </div>
        </div>
      )}
      {failure !== undefined && <ErrorPanel error={failure} title="The link was not changed" />}
    </div>
  );
}
