'use client';

import { useMemo, useState } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/feedback';
import { describeStep, isTenantWide } from '@/lib/desired-state/describe';
import { impactOf, missingPrerequisites, type PlanStep } from '@/lib/desired-state/plan';
import { formatLifetime } from '@/lib/policy/format';
import type { DirectoryIndex } from '@/lib/policy/types';
import type { StepRun } from './use-apply';
import { useApply } from './use-apply';

const STATUS_TEXT: Record<StepRun['status'], string> = {
  waiting: 'Waiting',
  running: 'Applying…',
  done: 'Done',
  stale: 'Not applied: the tenant changed',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** The drift as steps: choose, preview the impact, apply with progress, per-step results, retry. */
export function PlanView({
  steps,
  index,
  apply,
}: {
  steps: PlanStep[];
  index: DirectoryIndex;
  apply: ReturnType<typeof useApply>;
}) {
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const writeAccess = useWriteAccess();
  const chosenSteps = steps.filter((s) => !unchosen.has(s.id));
  const chosen = new Set(chosenSteps.map((s) => s.id));
  const missing = missingPrerequisites(steps, chosen);
  const impact = useMemo(() => impactOf(chosenSteps, index), [chosenSteps, index]);
  const tenantWide = chosenSteps.filter(isTenantWide);
  const run = apply.run;

  const toggle = (id: string, on: boolean) =>
    setUnchosen((prev) => {
      const next = new Set(prev);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const go = () => {
    setConfirming(false);
    void apply.start(chosenSteps);
  };

  return (
    <section aria-labelledby="plan-title" className="space-y-4">
      <h2 id="plan-title" className="text-lg font-semibold">
        Plan: {steps.length} {steps.length === 1 ? 'change' : 'changes'} to match the baseline
      </h2>
      <ol className="space-y-1 text-sm" data-testid="plan-steps">
        {steps.map((step) => (
          <li key={step.id} data-testid="plan-step" className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`step-${step.id}`}
              checked={chosen.has(step.id)}
              onChange={(e) => toggle(step.id, e.target.checked)}
              disabled={run?.running}
            />
            <label htmlFor={`step-${step.id}`} className="tenant-text">
              {describeStep(step)}
              {isTenantWide(step) && (
                <strong className="ml-1 text-amber-800 dark:text-amber-300">tenant-wide</strong>
              )}
            </label>
            {missing.has(step.id) && (
              <span className="text-red-800 dark:text-red-300">
                needs:{' '}
                {missing
                  .get(step.id)
                  ?.map((id) => describeStep(steps.find((s) => s.id === id) ?? step))
                  .join(', ')}
              </span>
            )}
          </li>
        ))}
      </ol>
      <div>
        <h3 className="font-semibold">Impact preview</h3>
        {impact.length === 0 ? (
          <p className="text-sm">No application’s effective access-token lifetime changes.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="plan-impact">
              <thead>
                <tr>
                  <th className="pr-3">Application</th>
                  <th className="pr-3">From</th>
                  <th>To</th>
                </tr>
              </thead>
              <tbody>
                {impact.map((c) => (
                  <tr key={c.appId}>
                    <td className="pr-3 tenant-text">{c.displayName}</td>
                    <td className="pr-3">{formatLifetime(c.from)}</td>
                    <td>{formatLifetime(c.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={
            chosenSteps.length === 0 ||
            missing.size > 0 ||
            run?.running ||
            writeAccess.state === 'denied'
          }
          disabledReason={
            writeAccess.state === 'denied'
              ? writeAccess.reason
              : missing.size > 0
                ? 'Some chosen steps need a step that is not chosen.'
                : chosenSteps.length === 0
                  ? 'Choose at least one step.'
                  : undefined
          }
          onClick={() => (tenantWide.length > 0 ? setConfirming(true) : go())}
        >
          Apply {chosenSteps.length} {chosenSteps.length === 1 ? 'change' : 'changes'}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Confirm a tenant-wide change"
        confirmLabel="Apply, including the tenant-wide change"
        onConfirm={go}
        onCancel={() => setConfirming(false)}
      >
        <p>These steps change the lifetime of every application that has no policy of its own:</p>
        <ul className="list-disc pl-5">
          {tenantWide.map((s) => (
            <li key={s.id} className="tenant-text">
              {describeStep(s)}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

export function RunResults({
  run,
  onRetry,
}: {
  run: NonNullable<ReturnType<typeof useApply>['run']>;
  onRetry: () => void;
}) {
  const done = run.steps.filter((s) => run.results[s.id]?.status === 'done').length;
  const failed = run.steps.filter((s) =>
    ['failed', 'skipped', 'stale'].includes(run.results[s.id]?.status ?? ''),
  );
  return (
    <div className="space-y-2" data-testid="apply-results">
      <p role="status" data-testid="apply-summary">
        {run.running ? 'Applying: ' : ''}
        {done} of {run.steps.length} applied.
      </p>
      <ul className="space-y-1 text-sm">
        {run.steps.map((s) => {
          const r = run.results[s.id];
          return (
            <li key={s.id} data-testid="apply-result">
              <span className="tenant-text">{describeStep(s)}</span>:{' '}
              <strong>{r ? STATUS_TEXT[r.status] : ''}</strong>
              {r && 'message' in r && r.message ? ` — ${r.message}` : ''}
              {r && 'note' in r && r.note ? ` — ${r.note}` : ''}
            </li>
          );
        })}
      </ul>
      {!run.running && failed.length > 0 && (
        <Notice tone="warning">
          {failed.length} {failed.length === 1 ? 'step was' : 'steps were'} not applied. Retry
          re-reads the tenant before each write.{' '}
          <button type="button" className="underline" onClick={onRetry}>
            Retry the steps not applied
          </button>
        </Notice>
      )}
    </div>
  );
}
