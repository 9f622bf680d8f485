'use client';

import { Link } from '@/components/ui/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import { ObjectPolicyControl } from '@/components/shared/links/object-policy-control';
import { ImpactTable } from '@/components/shared/impact-table';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Notice, Skeleton } from '@/components/ui/feedback';
import { applyChange, diffImpact } from '@/lib/policy/audit';
import { buildDefinition } from '@/lib/policy/definition';
import { formatLifetime } from '@/lib/policy/format';
import { checkAccessTokenLifetime } from '@/lib/policy/lifetime';
import {
  buildPolicyContext,
  PRECEDENCE_RULES,
  resolveEffectiveLifetime,
} from '@/lib/policy/resolve';
import type { DirectoryTarget, PrecedenceRuleId } from '@/lib/policy/types';
import { KIND_LABELS, kindOf, SOURCE_LABELS } from './effective-rows';
import { PrecedenceRuleSelect } from './precedence-rule-select';
import { DirectoryLoadError } from '@/components/shell/directory-load-error';

const OUTCOME_TONE = {
  won: 'success',
  outranked: 'neutral',
  absent: 'neutral',
  ignored: 'warning',
} as const;

export function ApplicationDetail({
  appId,
  reach,
}: {
  appId: string;
  /** Who receives this app's tokens (the reach feature), composed in by the page. */
  reach: (target: DirectoryTarget) => ReactNode;
}) {
  const directory = useDirectoryIndex();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const rule = (params.get('rule') ?? 'graph-reference') as PrecedenceRuleId;
  const target = directory.index?.targets.find((t) => t.appId === appId);
  const context = useMemo(
    () => buildPolicyContext(directory.index?.policies ?? []),
    [directory.index],
  );

  if (directory.isError) return <DirectoryLoadError directory={directory} />;
  if (!target) {
    if (!directory.data) return <Skeleton className="h-64" label="Loading the application" />;
    return (
      <Notice tone="warning">
        No application or service principal with appId {appId} in this tenant. It may have been
        deleted.
      </Notice>
    );
  }
  const effective = resolveEffectiveLifetime(target, context, rule);
  const other = PRECEDENCE_RULES[effective.otherRule.rule];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/applications" className="underline">
          Applications
        </Link>{' '}
        / <span className="tenant-text">{target.displayName}</span>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tenant-text">{target.displayName}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {KIND_LABELS[kindOf(target)]} · appId <span className="font-mono">{appId}</span> ·{' '}
          <Link
            className="text-blue-800 underline dark:text-blue-300"
            href={`/history?app=${[target.application?.id, target.servicePrincipal?.id]
              .filter(Boolean)
              .map((id) => encodeURIComponent(String(id)))
              .join(',')}&name=${encodeURIComponent(target.displayName)}`}
          >
            Change history
          </Link>
        </p>
      </header>

      <section
        aria-labelledby="effective-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="effective-heading" className="text-lg font-semibold">
            Effective access-token lifetime:{' '}
            <span data-testid="effective-lifetime">{formatLifetime(effective)}</span>
          </h2>
          <PrecedenceRuleSelect
            value={rule}
            onChange={(r) => router.replace(`${pathname}?rule=${r}`, { scroll: false })}
            labelClassName="mr-2"
          />
        </div>
        <p className="mt-1 text-sm" data-testid="effective-source">
          Set by: {SOURCE_LABELS[effective.source]}
          {effective.policyDisplayName && (
            <>
              {' '}
              “
              <Link className="tenant-text underline" href={`/policies/${effective.policyId}`}>
                {effective.policyDisplayName}
              </Link>
              ”
            </>
          )}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {PRECEDENCE_RULES[rule].citation}
        </p>
        {effective.rulesDisagree && (
          <div className="mt-3" data-testid="rules-disagree">
            <Notice tone="warning">
              The sources disagree here: under “{other.name}” this app would get{' '}
              {formatLifetime(effective.otherRule)}, set by the{' '}
              {SOURCE_LABELS[effective.otherRule.source].toLowerCase()}. Microsoft’s documents give
              both orders; test with a real token (Token inspector) to see which your tenant
              applies.
            </Notice>
          </div>
        )}
        <ol className="mt-4 space-y-2">
          {effective.steps.map((step, i) => (
            <li key={step.source} className="flex gap-3 text-sm" data-testid="explanation-step">
              <span className="w-5 text-right text-slate-500 dark:text-slate-400">{i + 1}.</span>
              <div>
                <span className="font-medium">{SOURCE_LABELS[step.source]}</span>{' '}
                <Badge tone={OUTCOME_TONE[step.outcome]}>{step.outcome}</Badge>
                <p className="text-slate-700 dark:text-slate-300 tenant-text">{step.reason}</p>
              </div>
            </li>
          ))}
        </ol>
        {effective.caveats.length > 0 && (
          <ul className="mt-4 space-y-1 text-sm" aria-label="Caveats">
            {effective.caveats.map((c) => (
              <li key={c.code} className="text-amber-900 dark:text-amber-200">
                ⚠ {c.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="links-heading" className="space-y-3">
        <h2 id="links-heading" className="text-lg font-semibold">
          Links
        </h2>
        <ObjectPolicyControl
          target={target}
          objectType="servicePrincipal"
          initialChoice={params.get('link') ?? undefined}
        />
        <ObjectPolicyControl target={target} objectType="application" />
      </section>

      {reach(target)}

      <WhatIf appId={appId} />
    </div>
  );
}

/** Try a new lifetime for the policy that wins here, or another policy, before doing anything. */
function WhatIf({ appId }: { appId: string }) {
  const directory = useDirectoryIndex();
  const [lifetime, setLifetime] = useState('');
  const index = directory.data;
  const target = index?.targets.find((t) => t.appId === appId);
  const check = checkAccessTokenLifetime(lifetime);
  const changes = useMemo(() => {
    if (!index || !target?.servicePrincipal || !check.ok) return undefined;
    const policy = {
      id: 'what-if',
      displayName: `What if (${check.canonical})`,
      isOrganizationDefault: false,
      definition: buildDefinition({ accessTokenLifetimeSeconds: check.seconds }),
    };
    const after = applyChange(index, [
      { kind: 'create', policy },
      {
        kind: 'link',
        policyId: 'what-if',
        objectType: 'servicePrincipal',
        objectId: target.servicePrincipal.id,
      },
    ]);
    return diffImpact(index, after);
  }, [index, target, check]);
  if (!target?.servicePrincipal) return null;
  return (
    <section aria-labelledby="whatif-heading" className="space-y-2">
      <h2 id="whatif-heading" className="text-lg font-semibold">
        What if
      </h2>
      <label className="block text-sm">
        A policy of this lifetime were linked to the service principal (e.g. 3h, 08:00:00):
        <input
          value={lifetime}
          onChange={(e) => setLifetime(e.target.value)}
          className="ml-2 w-32 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      {lifetime && !check.ok && (
        <p className="text-sm text-red-800 dark:text-red-300">{check.error}</p>
      )}
      {changes && <ImpactTable changes={changes} />}
      {changes && (
        <p className="text-sm">
          To do it: choose or create a policy of that lifetime and link it above, or open{' '}
          <Link className="underline" href="/policies/new">
            New policy
          </Link>
          .
        </p>
      )}
    </section>
  );
}
