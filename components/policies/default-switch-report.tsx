'use client';

import { useState } from 'react';
import { useGraphApi } from '@/components/shell/graph-provider';
import { Button } from '@/components/ui/button';
import { GraphRequestError } from '@/lib/graph/errors';
import {
  describeDefaultSwitch,
  readOrganizationDefaults,
  switchOrganizationDefault,
  type DefaultRepair,
  type DefaultSwitchOutcome,
  type PolicyRef,
} from './organization-default';
import { useRefreshAfterWrite, useWrite } from './use-policies';

/** Runs a default switch (and its repairs) and keeps what the tenant was read back to hold. */
export function useDefaultSwitch() {
  const api = useGraphApi();
  const write = useWrite();
  const refresh = useRefreshAfterWrite();
  const [outcome, setOutcome] = useState<DefaultSwitchOutcome>();
  const [busy, setBusy] = useState(false);

  const run = async (wanted: PolicyRef, expectedPrevious: PolicyRef | undefined) => {
    setBusy(true);
    try {
      const result = await write(() => switchOrganizationDefault(api, wanted, expectedPrevious));
      setOutcome(result);
      await refresh();
      return result;
    } finally {
      setBusy(false);
    }
  };

  const repair = async (action: DefaultRepair) => {
    if (!outcome) return;
    if (action.kind === 'make-default') return run(action.policy, outcome.defaultsNow?.[0]);
    setBusy(true);
    try {
      const defaultsNow = await readOrganizationDefaults(api);
      setOutcome({ ...outcome, defaultsNow, readBackError: undefined });
      await refresh();
    } catch (readBackError) {
      setOutcome({ ...outcome, readBackError });
    } finally {
      setBusy(false);
    }
  };

  return { outcome, busy, run, repair, reset: () => setOutcome(undefined) };
}

const TONES = {
  success:
    'border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  danger:
    'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

/** What the tenant holds after a default switch, and one-click repairs that go the same safe way. */
export function DefaultSwitchReport({
  outcome,
  busy,
  onRepair,
  children,
}: {
  outcome: DefaultSwitchOutcome;
  busy: boolean;
  onRepair: (action: DefaultRepair) => void;
  /** Said first, e.g. that the policy was created. */
  children?: React.ReactNode;
}) {
  const report = describeDefaultSwitch(outcome);
  const graph = report.error instanceof GraphRequestError ? report.error : undefined;
  return (
    <div
      role={report.tone === 'success' ? 'status' : 'alert'}
      data-testid="default-switch-report"
      className={`rounded-md border p-3 text-sm ${TONES[report.tone]}`}
    >
      {children}
      <p className="font-medium tenant-text" data-testid="default-switch-state">
        {report.message}
      </p>
      {graph && (
        <p className="mt-1 text-xs">
          Graph said: {graph.code} — <span className="tenant-text">{graph.message}</span>
          {graph.requestId ? ` (request id ${graph.requestId})` : ''}
        </p>
      )}
      {report.repairs.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {report.repairs.map((repair) => (
            <Button key={repair.label} disabled={busy} onClick={() => onRepair(repair)}>
              {repair.label}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
