'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useGraphApi } from '@/components/shell/graph-provider';
import { GraphRequestError } from '@/lib/graph/errors';
import type { PolicyRef } from '@/lib/graph/organization-default';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { describeDefaultSwitch } from './organization-default';
import {
  changesSince,
  definitionToWrite,
  type PolicyDraft,
  type ServerChange,
} from './policy-form-state';
import { useDefaultSwitch } from './use-organization-default';
import { useCreatePolicy, useUpdatePolicy } from './use-save-policy';

export type SaveOutcome =
  | { kind: 'conflict'; latest: TokenLifetimePolicy; changes: ServerChange[] }
  | { kind: 'maybe-created'; existing: TokenLifetimePolicy[]; error: GraphRequestError }
  | { kind: 'error'; error: unknown }
  /** Graph gave no clear answer and the tenant could not be read back either. */
  | { kind: 'unknown'; error: unknown; readError: unknown }
  /** The policy exists; making it the organization default did not (fully) work. */
  | { kind: 'created'; created: PolicyRef; error?: unknown };

/**
 * What "Save" does in the policy form: an edit is checked for changes made elsewhere since the
 * form opened, then saved on top of the definition as it is now; a create is never sent twice
 * and may go on to switch the organization default. Ends on the policy's page, or with an outcome
 * the form shows (conflict, same name, unknown …).
 */
export function usePolicyFormSave({
  baseline,
  draft,
  previousDefault,
  saved,
}: {
  /** The policy as loaded when the form opened (none: a new policy). */
  baseline?: TokenLifetimePolicy;
  draft: PolicyDraft | undefined;
  /** The organization default the admin sees now, other than this policy. */
  previousDefault?: PolicyRef;
  /** The draft has done its work: forget it. */
  saved: () => void;
}) {
  const api = useGraphApi();
  const router = useRouter();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const defaultSwitch = useDefaultSwitch();
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  // What "changed since you opened it" compares with: the policy as the admin last saw it.
  const [base, setBase] = useState(baseline);

  const finish = (policyId: string) => {
    saved();
    router.push(`/policies/${policyId}`);
  };
  const onChecking = () => setChecking(true);

  const saveEdit = async (force: boolean) => {
    if (!baseline || !base || !draft) return;
    const latest = await api.getPolicy(baseline.id);
    const changes = changesSince(base, latest);
    if (changes.length > 0 && !force) {
      setOutcome({ kind: 'conflict', latest, changes });
      return;
    }
    const result = await update.mutateAsync({
      policyId: baseline.id,
      patch: {
        displayName: draft.displayName.trim(),
        description: draft.description.trim() || null,
        // Built on the definition as it is NOW on the server, so no one else's property is lost.
        definition: definitionToWrite(draft, latest.definition),
      },
      onChecking,
    });
    if (result.state === 'unknown')
      setOutcome({ kind: 'unknown', error: result.error, readError: result.readError });
    else if (result.state === 'not-done') setOutcome({ kind: 'error', error: result.error });
    else finish(baseline.id);
  };

  const makeDefault = async (created: PolicyRef) => {
    // The policy exists now: the draft has done its work, whatever happens to the default.
    saved();
    try {
      const switched = await defaultSwitch.run(created, previousDefault);
      if (describeDefaultSwitch(switched).tone === 'success') return finish(created.id);
      setOutcome({ kind: 'created', created });
    } catch (error) {
      setOutcome({ kind: 'created', created, error });
    }
  };

  const saveCreate = async (allowSameName: boolean) => {
    if (!draft) return;
    const displayName = draft.displayName.trim();
    const result = await create.mutateAsync({
      input: {
        displayName,
        description: draft.description.trim() || null,
        definition: definitionToWrite(draft),
        isOrganizationDefault: false,
      },
      allowSameName,
      onChecking,
    });
    switch (result.state) {
      case 'name-taken':
        return setOutcome({
          kind: 'maybe-created',
          existing: result.existing,
          error: new GraphRequestError({
            status: 409,
            code: 'DuplicateName',
            message: `A policy named "${displayName}" already exists.`,
          }),
        });
      case 'maybe-created':
        return setOutcome({
          kind: 'maybe-created',
          existing: result.existing,
          error:
            result.error instanceof GraphRequestError
              ? result.error
              : new GraphRequestError({
                  status: 0,
                  code: 'NoAnswer',
                  message: String(result.error),
                }),
        });
      case 'not-created':
        return setOutcome({ kind: 'error', error: result.error });
      case 'unknown':
        return setOutcome({ kind: 'unknown', error: result.error, readError: result.readError });
      case 'created': {
        const created = { id: result.policy.id, displayName: result.policy.displayName };
        if (draft.makeOrganizationDefault) return makeDefault(created);
        return finish(created.id);
      }
    }
  };

  /** `force`: save over a change made elsewhere, or create despite a policy of the same name. */
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
      setChecking(false);
    }
  };

  return {
    save,
    busy,
    checking,
    outcome,
    clearOutcome: () => setOutcome(undefined),
    setOutcome,
    /** The admin took the other side's version as the new starting point. */
    rebase: (latest: TokenLifetimePolicy) => setBase(latest),
    defaultSwitch,
  };
}
