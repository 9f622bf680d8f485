'use client';

import { useMemo, useState } from 'react';
import { useWriteAccess, WRITE_CONSENT_EXPLANATION } from '@/components/auth/write-access';
import { ImpactTable } from '@/components/policies/impact-table';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { ApplicationObject, ObjectType, ServicePrincipalObject } from '@/lib/graph/types';
import { applyChange, diffImpact } from '@/lib/policy/audit';
import { formatLifetime } from '@/lib/policy/format';
import { buildPolicyContext, resolveEffectiveLifetime } from '@/lib/policy/resolve';
import { FIRST_PARTY_RESOURCES, LIFETIME_FOLLOWS_RESOURCE, linkability } from '@/lib/policy/rules';
import type { DirectoryTarget, TokenLifetimePolicy } from '@/lib/policy/types';
import { BulkLinkProgress } from './bulk-link-progress';
import type { LinkTarget } from '@/lib/graph/link-writes';
import { useBulkLinks } from './use-link-actions';
import { useDirectorySearch, type PickerKind } from './use-directory-search';

type Tab = PickerKind | 'firstParty';
const TABS: Record<Tab, string> = {
  servicePrincipal: 'Enterprise applications (service principals)',
  application: 'App registrations',
  firstParty: 'Microsoft first-party',
  managedIdentity: 'Managed identities',
};

interface Candidate {
  objectType: ObjectType;
  object: ApplicationObject | ServicePrincipalObject;
  target: DirectoryTarget;
}

export function LinkPicker({ policy }: { policy: TokenLifetimePolicy }) {
  const [tab, setTab] = useState<Tab>('servicePrincipal');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Map<string, Candidate>>(new Map());
  const [previewing, setPreviewing] = useState(false);
  const directory = useDirectoryIndex();
  const access = useWriteAccess();
  const bulk = useBulkLinks();
  const search = useDirectorySearch(
    tab === 'firstParty' ? 'servicePrincipal' : tab,
    text,
    tab !== 'firstParty',
  );

  const byAppId = useMemo(
    () => new Map((directory.index?.targets ?? []).map((t) => [t.appId, t])),
    [directory.index],
  );
  const context = useMemo(
    () => buildPolicyContext(directory.index?.policies ?? []),
    [directory.index],
  );
  const policyName = (id?: string) =>
    id ? (directory.index?.policies.find((p) => p.id === id)?.displayName ?? id) : undefined;

  const candidates: Candidate[] = useMemo(() => {
    if (tab === 'firstParty') {
      return FIRST_PARTY_RESOURCES.flatMap((r) => {
        const target = byAppId.get(r.appId);
        return target?.servicePrincipal
          ? [{ objectType: 'servicePrincipal' as const, object: target.servicePrincipal, target }]
          : [];
      });
    }
    const objectType: ObjectType = tab === 'application' ? 'application' : 'servicePrincipal';
    return (search.results ?? []).map((object) => ({
      objectType,
      object,
      target: byAppId.get(object.appId) ?? {
        appId: object.appId,
        displayName: object.displayName,
        [objectType]: object,
      },
    }));
  }, [tab, search.results, byAppId]);

  const chosen = useMemo(() => [...selected.values()], [selected]);
  const impact = useMemo(() => {
    if (!previewing || !directory.data) return undefined;
    return diffImpact(
      directory.data,
      applyChange(
        directory.data,
        chosen.map((c) => ({
          kind: 'link' as const,
          policyId: policy.id,
          objectType: c.objectType,
          objectId: c.object.id,
        })),
      ),
    );
  }, [previewing, directory.data, chosen, policy.id]);

  const toggle = (candidate: Candidate, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(candidate.object.id, candidate);
    else next.delete(candidate.object.id);
    setSelected(next);
    setPreviewing(false);
  };

  const currentPolicyId = (c: Candidate) =>
    c.objectType === 'application'
      ? c.target.applicationPolicyId
      : c.target.servicePrincipalPolicyId;
  const targets: LinkTarget[] = chosen.map((c) => ({
    objectType: c.objectType,
    objectId: c.object.id,
    displayName: c.object.displayName,
    appId: c.object.appId,
  }));

  // A run that failed as a whole stays on screen with its error: never back to the picker silently.
  if (bulk.outcomes || bulk.running || bulk.error !== undefined) {
    return (
      <BulkLinkProgress
        {...bulk}
        onRetryFailed={() => bulk.run('link', bulk.failedTargets(), policy.id)}
        onRetryAll={() => bulk.run('link', targets, policy.id)}
        onRepair={(repair) => void bulk.repair(repair)}
        errorTitle="Nothing was changed: the objects’ current policies could not be read first"
      />
    );
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Kind of object" className="flex flex-wrap gap-1">
        {(Object.keys(TABS) as Tab[]).map((key) => (
          <button
            key={key}
            role="tab"
            type="button"
            aria-selected={tab === key}
            onClick={() => setTab(key)}
            className={`rounded-md px-2.5 py-1 text-sm ${tab === key ? 'bg-blue-700 text-white' : 'border border-slate-300 dark:border-slate-600'}`}
          >
            {TABS[key]}
          </button>
        ))}
      </div>
      {tab !== 'firstParty' && (
        <label className="block text-sm">
          <span className="font-medium">
            Search by display name, or paste an appId or object id
          </span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
            placeholder="e.g. Orders"
          />
        </label>
      )}
      {search.error !== undefined && <ErrorPanel error={search.error} title="The search failed" />}
      <div
        className="max-h-80 overflow-auto rounded border border-slate-200 dark:border-slate-700"
        aria-busy={search.loading}
      >
        {search.loading && tab !== 'firstParty' && (
          <p className="p-2 text-sm" role="status">
            Searching…
          </p>
        )}
        <ul>
          {candidates.map((c) => {
            const verdict = linkability(c.target, c.objectType);
            const current = currentPolicyId(c);
            const effective = directory.index
              ? resolveEffectiveLifetime(c.target, context)
              : undefined;
            const id = `pick-${c.object.id}`;
            return (
              <li
                key={c.object.id}
                className="border-b border-slate-100 px-3 py-2 text-sm last:border-0 dark:border-slate-800"
                data-testid="picker-candidate"
              >
                <div className="flex items-start gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="mt-1"
                    disabled={!verdict.linkable}
                    checked={selected.has(c.object.id)}
                    onChange={(e) => toggle(c, e.target.checked)}
                  />
                  <label htmlFor={id} className="flex-1">
                    <span className="font-medium tenant-text">{c.object.displayName}</span>{' '}
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                      {c.object.appId}
                    </span>
                    <span className="block text-xs text-slate-600 dark:text-slate-300">
                      Now:{' '}
                      {current ? (
                        <>
                          policy “<span className="tenant-text">{policyName(current)}</span>”
                        </>
                      ) : (
                        'no policy on this object'
                      )}{' '}
                      · effective {effective ? formatLifetime(effective) : '…'}
                    </span>
                  </label>
                  {current === policy.id && <Badge tone="success">Already linked</Badge>}
                </div>
                {!verdict.linkable && (
                  <p
                    className="mt-1 text-xs text-red-800 dark:text-red-300"
                    data-testid="not-linkable-reason"
                  >
                    Not linkable: {verdict.reason}
                  </p>
                )}
                {verdict.linkable &&
                  verdict.warnings.map((w) => (
                    <p key={w} className="mt-1 text-xs text-amber-900 dark:text-amber-200">
                      {w}
                      {w === LIFETIME_FOLLOWS_RESOURCE && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="underline"
                            onClick={() => setTab('firstParty')}
                          >
                            Choose the resource’s service principal instead
                          </button>
                        </>
                      )}
                    </p>
                  ))}
              </li>
            );
          })}
        </ul>
        {!search.loading && candidates.length === 0 && (
          <p className="p-3 text-sm">No objects match. Try fewer letters, or paste the appId.</p>
        )}
      </div>

      {chosen.length > 0 && (
        <div className="space-y-2 text-sm">
          <p className="font-medium">{chosen.length} selected:</p>
          <ul className="list-disc pl-5">
            {chosen.map((c) => {
              const current = currentPolicyId(c);
              return (
                <li key={c.object.id}>
                  <span className="tenant-text">{c.object.displayName}</span>
                  {current && current !== policy.id && (
                    <strong>
                      {' '}
                      — replace “<span className="tenant-text">{policyName(current)}</span>” with “
                      <span className="tenant-text">{policy.displayName}</span>”
                    </strong>
                  )}
                </li>
              );
            })}
          </ul>
          {!previewing ? (
            <Button onClick={() => setPreviewing(true)}>Preview the effect</Button>
          ) : (
            <>
              <ImpactTable changes={impact} loading={directory.isPending} />
              {access.state !== 'granted' && (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {WRITE_CONSENT_EXPLANATION}
                </p>
              )}
              <Button variant="primary" onClick={() => bulk.run('link', targets, policy.id)}>
                Link {chosen.length} object{chosen.length === 1 ? '' : 's'}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
