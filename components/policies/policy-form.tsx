'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useWriteAccess, WRITE_CONSENT_EXPLANATION } from '@/components/auth/write-access';
import { useGraphApi } from '@/components/shell/graph-provider';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice } from '@/components/ui/feedback';
import { GraphRequestError } from '@/lib/graph/errors';
import { applyChange, diffImpact, type ProposedChange } from '@/lib/policy/audit';
import { checkAccessTokenLifetime } from '@/lib/policy/lifetime';
import { parseDefinition } from '@/lib/policy/definition';
import { otherOrganizationDefault } from '@/lib/policy/rules';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { ImpactTable } from './impact-table';
import { LifetimeInput } from './lifetime-input';
import { DefaultSwitchReport, useDefaultSwitch } from './default-switch-report';
import { describeDefaultSwitch, type PolicyRef } from './organization-default';
import { CHECKING_MESSAGE, writeAndCheck } from './read-back';
import {
  changesSince,
  checkDraft,
  definitionToWrite,
  draftFromPolicy,
  emptyDraft,
  type ServerChange,
} from './policy-form-state';
import { useDraft } from './use-draft';
import { usePolicies, useRefreshAfterWrite, useWrite } from './use-policies';

type Outcome =
  | { kind: 'conflict'; latest: TokenLifetimePolicy; changes: ServerChange[] }
  | { kind: 'maybe-created'; existing: TokenLifetimePolicy[]; error: GraphRequestError }
  | { kind: 'error'; error: unknown }
  /** Graph gave no clear answer and the tenant could not be read back either. */
  | { kind: 'unknown'; error: unknown; readError: unknown }
  /** The policy exists; making it the organization default did not (fully) work. */
  | { kind: 'created'; created: PolicyRef; error?: unknown };

const INPUT =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** Create (no policy) or edit (the policy as loaded when the form opened). */
export function PolicyForm({ baseline }: { baseline?: TokenLifetimePolicy }) {
  const api = useGraphApi();
  const router = useRouter();
  const access = useWriteAccess();
  const write = useWrite();
  const refresh = useRefreshAfterWrite();
  const directory = useDirectoryIndex();
  const policies = usePolicies();
  const initial = useMemo(() => (baseline ? draftFromPolicy(baseline) : emptyDraft()), [baseline]);
  const { draft, restored, update, discard, saved } = useDraft(baseline?.id, initial);
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [base, setBase] = useState(baseline);
  const [checking, setChecking] = useState(false);
  const defaultSwitch = useDefaultSwitch();

  const check = draft ? checkDraft(draft) : undefined;
  const stored = baseline ? parseDefinition(baseline.definition) : undefined;
  const retired = stored?.retiredProperties ?? [];
  const oneDay = stored?.findings.find((f) => f.code === 'one-day-not-writable');
  const previousDefault = otherOrganizationDefault(policies.data ?? [], baseline?.id);

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

  const finish = async (policyId: string) => {
    saved();
    await refresh();
    router.push(`/policies/${policyId}`);
  };

  /** Look the result up while the admin is told so (a write without a clear answer may have happened). */
  const lookingUp = async <T,>(read: () => Promise<T>): Promise<T> => {
    setChecking(true);
    try {
      return await read();
    } finally {
      setChecking(false);
    }
  };

  const saveEdit = async (force = false) => {
    if (!baseline || !base) return;
    const latest = await api.getPolicy(baseline.id);
    const changes = changesSince(base, latest);
    if (changes.length > 0 && !force) {
      setOutcome({ kind: 'conflict', latest, changes });
      return;
    }
    const patch = {
      displayName: draft.displayName.trim(),
      description: draft.description.trim() || null,
      // Built on the definition as it is NOW on the server, so no one else's property is lost.
      definition: definitionToWrite(draft, latest.definition),
    };
    const result = await write(() =>
      writeAndCheck(
        () => api.updatePolicy(baseline.id, patch),
        () =>
          lookingUp(async () => {
            const now = await api.getPolicy(baseline.id);
            return (
              now.displayName === patch.displayName &&
              (now.description ?? null) === patch.description &&
              JSON.stringify(now.definition) === JSON.stringify(patch.definition)
            );
          }),
      ),
    );
    if (result.state === 'unknown') {
      setOutcome({ kind: 'unknown', error: result.error, readError: result.readError });
      return;
    }
    if (result.state === 'not-done') {
      setOutcome({ kind: 'error', error: result.error });
      return;
    }
    await finish(baseline.id);
  };

  const makeDefault = async (created: PolicyRef) => {
    // The policy exists now: the draft has done its work, whatever happens to the default.
    saved();
    try {
      const switched = await defaultSwitch.run(
        created,
        previousDefault && { id: previousDefault.id, displayName: previousDefault.displayName },
      );
      if (describeDefaultSwitch(switched).tone === 'success') return finish(created.id);
      setOutcome({ kind: 'created', created });
    } catch (error) {
      setOutcome({ kind: 'created', created, error });
    }
  };

  const saveCreate = async (confirmedNoDuplicate = false) => {
    const displayName = draft.displayName.trim();
    if (!confirmedNoDuplicate) {
      const sameName = await api.findPoliciesByDisplayName(displayName);
      if (sameName.length > 0) {
        setOutcome({
          kind: 'maybe-created',
          existing: sameName,
          error: new GraphRequestError({
            status: 409,
            code: 'DuplicateName',
            message: `A policy named "${displayName}" already exists.`,
          }),
        });
        return;
      }
    }
    let created: TokenLifetimePolicy;
    try {
      created = await write(() =>
        api.createPolicy({
          displayName,
          description: draft.description.trim() || null,
          definition: definitionToWrite(draft),
          isOrganizationDefault: false,
        }),
      );
    } catch (error) {
      // A create is never retried blindly: the request may have reached Graph. Look first.
      if (!(error instanceof GraphRequestError && (error.ambiguous || error.status === 429)))
        throw error;
      let existing: TokenLifetimePolicy[];
      try {
        existing = await lookingUp(() => api.findPoliciesByDisplayName(displayName));
      } catch (readError) {
        setOutcome({ kind: 'unknown', error, readError });
        return;
      }
      if (existing.length === 0) {
        setOutcome({ kind: 'error', error });
        return;
      }
      // There was none before this request (checked above): this request created it.
      if (confirmedNoDuplicate || existing.length > 1) {
        setOutcome({ kind: 'maybe-created', existing, error });
        return;
      }
      created = existing[0];
    }
    if (draft.makeOrganizationDefault)
      return makeDefault({ id: created.id, displayName: created.displayName });
    await finish(created.id);
  };

  const save = async (force = false) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      if (baseline) await saveEdit(force);
      else await saveCreate(force);
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

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
        <div
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm dark:bg-amber-950"
        >
          <p className="font-semibold">This policy changed since you opened it.</p>
          <ul className="mt-2 list-disc pl-5">
            {outcome.changes.map((c) => (
              <li key={c.field}>
                {c.field}: <code className="tenant-text">{c.before}</code> →{' '}
                <code className="tenant-text">{c.after}</code>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex gap-2">
            <Button
              variant="primary"
              onClick={() => {
                setBase(outcome.latest);
                void save(true);
              }}
            >
              Save mine over theirs
            </Button>
            <Button
              onClick={() => {
                discard(draftFromPolicy(outcome.latest));
                setBase(outcome.latest);
                setOutcome(undefined);
              }}
            >
              Discard mine and load theirs
            </Button>
          </div>
        </div>
      )}
      {outcome?.kind === 'maybe-created' && (
        <div
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm dark:bg-amber-950"
        >
          <p className="font-semibold">
            A policy named &quot;{draft.displayName.trim()}&quot; already exists.
          </p>
          <p className="mt-1">
            {outcome.error.code === 'DuplicateName'
              ? 'Creating another would make two policies with the same name.'
              : `The create request failed without a clear answer (${outcome.error.code}${outcome.error.requestId ? `, request id ${outcome.error.requestId}` : ''}), and the policy exists now: it was probably created.`}
          </p>
          <div className="mt-3 flex gap-2">
            <Link
              className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white"
              data-allow-leave
              href={`/policies/${outcome.existing[0].id}`}
            >
              Open the existing policy
            </Link>
            <Button onClick={() => void save(true)}>Create another one anyway</Button>
          </div>
        </div>
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
