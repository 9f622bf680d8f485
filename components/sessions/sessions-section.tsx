'use client';

import { Link } from '@/components/ui/link';
import { useMemo, useState } from 'react';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/feedback';
import { GraphRequestError } from '@/lib/graph/errors';
import {
  draftSignInFrequencyPolicy,
  formatSignInFrequency,
  governsApplication,
  replacementSignInFrequency,
  retiredSessionSettings,
  sessionGoverningPolicies,
  STATE_LABELS,
  type ConditionalAccessState,
  type DraftConditionalAccessPolicy,
  type SessionGoverningPolicy,
} from '@/lib/policy/conditional-access';
import { isManagedIdentity } from '@/lib/policy/rules';
import { DraftDialog } from './draft-dialog';
import { SessionTerms } from './session-terms';
import { useConditionalAccessPolicies } from './use-conditional-access';

const STATE_TONE = {
  enabled: 'success',
  enabledForReportingButNotEnforced: 'info',
  disabled: 'neutral',
} as const;

/** Sessions after the retirement of refresh and session token settings (30 January 2021). */
export function SessionsSection() {
  const directory = useDirectoryIndex();
  const index = directory.data;
  const legacy = useMemo(
    () => (index?.policies ?? []).filter((p) => retiredSessionSettings(p).length > 0),
    [index],
  );
  const conditionalAccess = useConditionalAccessPolicies(legacy.length > 0);
  const governing = useMemo(
    () => sessionGoverningPolicies(conditionalAccess.data ?? []),
    [conditionalAccess.data],
  );
  const [draft, setDraft] = useState<DraftConditionalAccessPolicy>();
  if (!index || legacy.length === 0) return null;

  return (
    <section aria-labelledby="sessions-heading" className="space-y-3" data-testid="sessions">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Sessions since 2021: what replaced the retired settings
      </h2>
      <SessionTerms />

      <h3 className="font-semibold">Conditional Access policies that govern sessions today</h3>
      {conditionalAccess.isError ? (
        <ConditionalAccessUnreadable error={conditionalAccess.error} />
      ) : !conditionalAccess.data ? (
        <Skeleton className="h-16" label="Reading Conditional Access policies" />
      ) : governing.length === 0 ? (
        <p className="text-sm">
          No Conditional Access policy sets a sign-in frequency or persistent browser session:
          Entra’s defaults apply (a rolling 90-day window).
        </p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="governing-list">
          {governing.map((g) => (
            <li key={g.policy.id}>
              <span className="tenant-text font-medium">{g.policy.displayName}</span>{' '}
              <Badge tone={STATE_TONE[g.policy.state as ConditionalAccessState] ?? 'neutral'}>
                {STATE_LABELS[g.policy.state as ConditionalAccessState] ?? g.policy.state}
              </Badge>{' '}
              — {describeControls(g)}; {describeTargets(g)}
            </li>
          ))}
        </ul>
      )}

      <h3 className="font-semibold">Policies that still carry retired settings</h3>
      <ul className="space-y-3" data-testid="legacy-list">
        {legacy.map((policy) => {
          const settings = retiredSessionSettings(policy);
          const replacement = replacementSignInFrequency(policy);
          const linkedApps = index.targets
            .filter(
              (t) =>
                (t.applicationPolicyId === policy.id || t.servicePrincipalPolicyId === policy.id) &&
                !isManagedIdentity(t.servicePrincipal),
            )
            .map((t) => t.appId);
          const applications = policy.isOrganizationDefault ? [] : linkedApps;
          const governingHere = governing.filter((g) =>
            applications.length === 0
              ? g.targets.allApplications
              : applications.some((appId) => governsApplication(g, appId)),
          );
          return (
            <li
              key={policy.id}
              className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
              data-testid="legacy-policy"
            >
              <p>
                “
                <Link className="tenant-text underline" href={`/policies/${policy.id}`}>
                  {policy.displayName}
                </Link>
                ” still carries{' '}
                {settings.map((s, i) => (
                  <span key={s.property}>
                    {i > 0 && ', '}
                    <code>{s.property}</code> (<span className="tenant-text">{s.raw}</span>)
                  </span>
                ))}
                . Entra has ignored them since 30 January 2021.
              </p>
              <p className="mt-1">
                Governing sessions of its {applications.length || 'all'} app(s) today:{' '}
                {governingHere.length === 0
                  ? 'no Conditional Access policy (Entra’s defaults).'
                  : governingHere.map((g, i) => (
                      <span key={g.policy.id}>
                        {i > 0 && '; '}
                        <span className="tenant-text">{g.policy.displayName}</span> (
                        {STATE_LABELS[g.policy.state as ConditionalAccessState] ?? g.policy.state})
                      </span>
                    ))}
              </p>
              {replacement ? (
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <span data-testid="replacement">
                    Equivalent today: sign-in frequency{' '}
                    {formatSignInFrequency(replacement.frequency)} (from {replacement.from.property}{' '}
                    {replacement.from.raw}
                    {replacement.exact ? '' : ', rounded up'}).
                  </span>
                  <Button
                    onClick={() =>
                      setDraft(
                        draftSignInFrequencyPolicy({
                          displayName: `Sign-in every ${formatSignInFrequency(replacement.frequency)} (replaces “${policy.displayName}”)`,
                          frequency: replacement.frequency,
                          applications,
                        }),
                      )
                    }
                  >
                    Draft a report-only Conditional Access policy
                  </Button>
                </div>
              ) : (
                <p className="mt-2">
                  Every MaxAge… value is “until-revoked”: nothing to replace, Entra’s defaults are
                  as lenient. Remove the retired properties when you next edit the policy.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {draft && <DraftDialog draft={draft} onClose={() => setDraft(undefined)} />}
    </section>
  );
}

function describeControls(g: SessionGoverningPolicy): string {
  const parts: string[] = [];
  if (g.signInFrequency)
    parts.push(
      g.signInFrequency === 'everyTime'
        ? 'sign-in every time'
        : `sign-in frequency ${formatSignInFrequency(g.signInFrequency)}`,
    );
  if (g.persistentBrowser) parts.push(`persistent browser session: ${g.persistentBrowser}`);
  return parts.join(', ');
}

function describeTargets(g: SessionGoverningPolicy): string {
  const excluded = g.targets.excluded.length ? `, ${g.targets.excluded.length} excluded` : '';
  if (g.targets.allApplications) return `all apps${excluded}`;
  return `${g.targets.included.length} app(s)${excluded}`;
}

function ConditionalAccessUnreadable({ error }: { error: unknown }) {
  if (error instanceof GraphRequestError && error.status === 403)
    return (
      <p className="text-sm" role="alert" data-testid="ca-unreadable">
        Conditional Access policies are not readable with your account: Graph answered 403 (request
        id {error.requestId ?? 'n/a'}). Reading them needs Policy.Read.All and a directory role such
        as Global Reader, Security Reader or Conditional Access Administrator.
      </p>
    );
  return <ErrorPanel error={error} title="Could not read Conditional Access policies" />;
}
