'use client';

import { Button } from '@/components/ui/button';
import { GraphRequestError } from '@/lib/graph/errors';
import type { DefaultSwitchOutcome } from '@/lib/graph/organization-default';
import { describeDefaultSwitch, type DefaultRepair } from './organization-default';
import { GraphErrorLine } from '@/components/ui/graph-error-line';

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
          <GraphErrorLine error={graph} prefix="Graph said: " />
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
