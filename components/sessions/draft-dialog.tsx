'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { Button } from '@/components/ui/button';
import { CopyBlock } from '@/components/ui/copy-block';
import { Dialog } from '@/components/ui/dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice } from '@/components/ui/feedback';
import { toGraphRequestError } from '@/lib/graph/client';
import type { DraftConditionalAccessPolicy } from '@/lib/policy/conditional-access';
import {
  CONDITIONAL_ACCESS_WRITE_PERMISSIONS,
  graphCreateConditionalAccessRequest,
  powerShellCreateConditionalAccess,
} from './ca-snippets';
import { queryKeys } from '@/components/shared/query-keys';
import { useConditionalAccessWriter } from './use-conditional-access';

type Outcome =
  | { kind: 'created'; afterCheck: boolean }
  | { kind: 'not-created'; error: unknown }
  | { kind: 'unknown'; error: unknown }
  | { kind: 'failed'; error: unknown };

export const CA_CONSENT_EXPLANATION = `Creating a Conditional Access policy needs Microsoft Graph permissions the dashboard does not hold yet (${CONDITIONAL_ACCESS_WRITE_PERMISSIONS.join(', ')}), and a directory role such as Conditional Access Administrator. They are asked for only now; Microsoft may show a sign-in window to approve them.`;

/**
 * Preview, explicit confirmation, then ONE create in report-only state. Never retried blindly:
 * after an answer that leaves it unknown whether Graph created it, the draft is looked up by
 * display name before anything is offered again (GRAPH-CONTRACT.md, safe retries).
 */
export function DraftDialog({
  draft,
  onClose,
}: {
  draft: DraftConditionalAccessPolicy;
  onClose: () => void;
}) {
  const { settings, tokenSource } = useAuth();
  const writer = useConditionalAccessWriter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const cloud = {
    graphRoot: `${settings.cloud.resource}/v1.0`,
    powerShellEnvironment: settings.cloud.powerShellEnvironment,
  };

  const create = async () => {
    setBusy(true);
    try {
      await tokenSource(settings.scopes.conditionalAccessWrite);
      await writer.createConditionalAccessPolicy(draft);
      setOutcome({ kind: 'created', afterCheck: false });
    } catch (raw) {
      const error = toGraphRequestError(raw);
      if (!error.ambiguous) setOutcome({ kind: 'failed', error: raw });
      else {
        try {
          const found = await writer.findConditionalAccessPoliciesByDisplayName(draft.displayName);
          setOutcome(
            found.length > 0
              ? { kind: 'created', afterCheck: true }
              : { kind: 'not-created', error },
          );
        } catch {
          setOutcome({ kind: 'unknown', error });
        }
      }
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.conditionalAccessPolicies });
    }
  };

  return (
    <Dialog open onClose={onClose} title="Draft a report-only Conditional Access policy" wide>
      <div className="space-y-3 text-sm">
        <p>
          The policy is created in <strong>report-only</strong> state: Entra evaluates it and writes
          the result to the sign-in logs, but asks nobody to sign in. Switch it on in the Entra
          admin center once the logs show what you expect.
        </p>
        <Notice>{CA_CONSENT_EXPLANATION}</Notice>
        <CopyBlock label="Graph request" text={graphCreateConditionalAccessRequest(draft, cloud)} />
        <CopyBlock
          label="PowerShell (Microsoft Graph)"
          text={powerShellCreateConditionalAccess(draft, cloud)}
        />
        <div role="status" aria-live="polite">
          {outcome?.kind === 'created' && (
            <Notice tone="success">
              {outcome.afterCheck
                ? 'Graph’s answer was lost, but the policy exists: it was created (checked by name). Nothing more to do.'
                : 'Created in report-only state.'}
            </Notice>
          )}
          {outcome?.kind === 'not-created' && (
            <Notice tone="warning">
              Graph did not answer clearly, and no policy of this name exists (checked by name): it
              was not created. You can create it again.
            </Notice>
          )}
          {outcome?.kind === 'unknown' && (
            <Notice tone="warning">
              Graph did not answer clearly and the check by name failed too. Look for the policy in
              the Entra admin center before creating it again, so it is not made twice.
            </Notice>
          )}
        </div>
        {outcome?.kind === 'failed' && (
          <ErrorPanel error={outcome.error} title="The draft was not created" />
        )}
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose}>{outcome?.kind === 'created' ? 'Close' : 'Cancel'}</Button>
        {outcome?.kind !== 'created' && outcome?.kind !== 'unknown' && (
          <Button variant="primary" disabled={busy} onClick={create}>
            {busy ? 'Creating…' : 'Create in report-only state'}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
