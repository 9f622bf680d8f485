'use client';

import { Link } from '@/components/ui/link';
import { useMemo, useState } from 'react';
import { useWriteAccess, WRITE_CONSENT_EXPLANATION } from '@/components/auth/write-access';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice } from '@/components/ui/feedback';
import type { PolicyRef } from '@/lib/graph/organization-default';
import { applyChange, diffImpact, type ProposedChange } from '@/lib/policy/audit';
import { checkAccessTokenLifetime } from '@/lib/policy/lifetime';
import { parseDefinition } from '@/lib/policy/definition';
import { otherOrganizationDefault } from '@/lib/policy/rules';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { ConflictNotice } from './conflict-notice';
import { DefaultSwitchReport } from './default-switch-report';
import { DuplicateNameNotice } from './duplicate-name-notice';
import { ImpactTable } from '@/components/shared/impact-table';
import { LifetimeInput } from './lifetime-input';
import { CHECKING_MESSAGE } from './read-back';
import { checkDraft, definitionToWrite, draftFromPolicy, emptyDraft } from './policy-form-state';
import { useDraft } from './use-draft';
import { usePolicies } from '@/components/shared/use-policies';
import { usePolicyFormSave } from './use-policy-form-save';

const INPUT =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** Create (no policy) or edit (the policy as loaded when the form opened). */
export function PolicyForm({ baseline }: { baseline?: TokenLifetimePolicy }) {
  const access = useWriteAccess();
  const directory = useDirectoryIndex();
  const policies = usePolicies();
  const initial = useMemo(() => (baseline ? draftFromPolicy(baseline) : emptyDraft()), [baseline]);
  const { draft, restored, update, discard, saved } = useDraft(baseline?.id, initial);
  const [reviewing, setReviewing] = useState(false);

  const check = draft ? checkDraft(draft) : undefined;
  const stored = baseline ? parseDefinition(baseline.definition) : undefined;
  const retired = stored?.retiredProperties ?? [];
  const oneDay = stored?.findings.find((f) => f.code === 'one-day-not-writable');
  const previousDefault = otherOrganizationDefault(policies.data ?? [], baseline?.id);
  const { save, busy, checking, outcome, setOutcome, clearOutcome, rebase, defaultSwitch } =
    usePolicyFormSave({
      baseline,
      draft,
      previousDefault: previousDefault && {
        id: previousDefault.id,
        displayName: previousDefault.displayName,
      },
      saved,
    });

  const impact = useMemo(() => {
    if (!reviewing || !draft || !directory.data || !check?.lifetime.ok) return undefined;
    const seconds = check.lifetime.seconds;
    const changes: ProposedChange[] = baseline
      ? [{ kind: 'edit-lifetime', policyId: baseline.id, accessTokenLifetimeSeconds: seconds }]
      : [
          {
            kind: 'create',
            policy: {
              id: 'new-policy',
              displayName: draft.displayName,
              isOrganizationDefault: false,
              definition: definitionToWrite(draft),
            },
          },
          ...(draft.makeOrganizationDefault
            ? [{ kind: 'set-organization-default' as const, policyId: 'new-policy' }]
            : []),
        ];
    return diffImpact(directory.data, applyChange(directory.data, changes));
  }, [reviewing, draft, directory.data, check, baseline]);

  if (!draft || !check) return <p role="status">Loading the form…</p>;

  const denied = access.state === 'denied';

  return (
    <form
      className="max-w-3xl space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (check.canSave && !denied) setReviewing(true);
      }}
      noValidate
    >
      <h1 className="text-2xl font-semibold">
        {baseline ? (
          <>
            Edit <span className="tenant-text">{baseline.displayName}</span>
          </>
        ) : (
          'New token lifetime policy'
        )}
      </h1>
      {restored && (
        <Notice>
          Your unsaved changes were restored.{' '}
          <button type="button" className="underline" onClick={() => discard(initial)}>
            Discard them
          </button>
        </Notice>
      )}
      {denied && <Notice tone="warning">Read-only: {access.reason}</Notice>}

      <label className="block text-sm">
        <span className="font-medium">Display name (required)</span>
        <input
          value={draft.displayName}
          onChange={(e) => update({ displayName: e.target.value })}
          className={INPUT}
          aria-invalid={Boolean(check.nameError)}
          required
          maxLength={300}
        />
        {check.nameError && draft.displayName !== initial.displayName && (
          <span className="text-red-800 dark:text-red-300">{check.nameError}</span>
        )}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Description</span>
        <textarea
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
          className={INPUT}
          rows={2}
        />
        {check.descriptionError && (
          <span className="text-red-800 dark:text-red-300">{check.descriptionError}</span>
        )}
      </label>

      {oneDay && (
        <p
          role="note"
          data-testid="one-day-note"
          className="text-sm text-amber-900 dark:text-amber-200"
        >
          {oneDay.message}
        </p>
      )}
      <LifetimeInput
        value={draft.lifetimeText}
        onChange={(lifetimeText) => update({ lifetimeText })}
      />

      {retired.length > 0 && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.removeRetiredProperties}
            onChange={(e) => update({ removeRetiredProperties: e.target.checked })}
            className="mt-1"
          />
          <span>
            Remove retired properties ({retired.join(', ')}). They have had no effect since 30
            January 2021; Entra ignores them. Left unticked, they are kept as they are.
          </span>
        </label>
      )}
      {!baseline && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.makeOrganizationDefault}
            onChange={(e) => update({ makeOrganizationDefault: e.target.checked })}
            className="mt-1"
          />
          <span>
            Make it the organization default (applies tenant-wide)
            {previousDefault && (
              <>
                {' '}
                — replaces &quot;<span className="tenant-text">{previousDefault.displayName}</span>
                &quot;
              </>
            )}
          </span>
        </label>
      )}

      {access.state !== 'granted' && !denied && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{WRITE_CONSENT_EXPLANATION}</p>
      )}
      {checking && (
        <p role="status" className="text-sm font-medium">
          {CHECKING_MESSAGE}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <ErrorPanel error={outcome.error} title="Nothing was saved; your changes are still here" />
      )}
      {outcome?.kind === 'unknown' && (
        <ErrorPanel
          error={outcome.error}
          title="Outcome unknown: Graph gave no clear answer and the tenant could not be read back. Your changes are still here; check the policy list before saving again."
        />
      )}
      {outcome?.kind === 'created' && (
        <CreatedReport
          created={outcome.created}
          error={outcome.error}
          switchReport={
            defaultSwitch.outcome && (
              <DefaultSwitchReport
                outcome={defaultSwitch.outcome}
                busy={defaultSwitch.busy}
                onRepair={(action) =>
                  void defaultSwitch
                    .repair(action)
                    .catch((error: unknown) =>
                      setOutcome({ kind: 'created', created: outcome.created, error }),
                    )
                }
              />
            )
          }
        />
      )}
      {outcome?.kind === 'conflict' && (
        <ConflictNotice
          changes={outcome.changes}
          onSaveMine={() => {
            rebase(outcome.latest);
            void save(true);
          }}
          onLoadTheirs={() => {
            discard(draftFromPolicy(outcome.latest));
            rebase(outcome.latest);
            clearOutcome();
          }}
        />
      )}
      {outcome?.kind === 'maybe-created' && (
        <DuplicateNameNotice
          displayName={draft.displayName.trim()}
          existing={outcome.existing}
          error={outcome.error}
          onCreateAnyway={() => void save(true)}
        />
      )}

      <div className="flex gap-2">
        <Button
          type="submit"
          variant="primary"
          disabled={!check.canSave || denied || busy || outcome?.kind === 'created'}
          disabledReason={
            denied
              ? access.reason
              : outcome?.kind === 'created'
                ? 'The policy was created; open it to change it.'
                : 'Fix the highlighted fields first.'
          }
        >
          Review and save
        </Button>
        <Link
          href={baseline ? `/policies/${baseline.id}` : '/policies'}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-blue-800 dark:text-blue-300"
        >
          Cancel
        </Link>
      </div>

      <ConfirmDialog
        open={reviewing}
        title={baseline ? 'Review the change' : 'Review the new policy'}
        confirmLabel={
          baseline
            ? 'Save changes'
            : draft.makeOrganizationDefault
              ? 'Create as organization default'
              : 'Create policy'
        }
        busy={busy}
        onCancel={() => setReviewing(false)}
        onConfirm={async () => {
          setReviewing(false);
          await save();
        }}
      >
        <p>
          Access-token lifetime:{' '}
          <strong>
            {check.lifetime.ok
              ? `${checkAccessTokenLifetime(draft.lifetimeText).ok ? check.lifetime.canonical : ''}`
              : ''}
          </strong>
          .{' '}
          {draft.makeOrganizationDefault &&
            'This is a tenant-wide change: every app without a stronger link follows it.'}{' '}
          Tokens already issued keep their lifetime; new ones follow within seconds.
        </p>
        <ImpactTable changes={impact} loading={directory.isPending} />
      </ConfirmDialog>
    </form>
  );
}

/** The policy exists; what the tenant holds as organization default, and how to repair it. */
function CreatedReport({
  created,
  error,
  switchReport,
}: {
  created: PolicyRef;
  error?: unknown;
  switchReport?: React.ReactNode;
}) {
  const link = (
    <Link className="font-medium underline" data-allow-leave href={`/policies/${created.id}`}>
      Open “<span className="tenant-text">{created.displayName}</span>”
    </Link>
  );
  return (
    <div className="space-y-2" data-testid="created-report">
      <Notice tone="success">
        Policy “<span className="tenant-text">{created.displayName}</span>” was created. {link}
      </Notice>
      {switchReport}
      {error !== undefined && (
        <ErrorPanel error={error} title="Making it the organization default did not finish" />
      )}
    </div>
  );
}
