// Running a plan's steps one at a time, and stopping cleanly on Ctrl-C: a step in flight is never
// cut off (a half-sent write is worse than a finished one); it finishes and is reported, no later
// step starts, and the summary says which steps were done, which failed and which were not run.
import { applyStep, type CreatedPolicies, type StepOutcome } from '../../lib/desired-state/apply';
import { describeStep } from '../../lib/desired-state/describe';
import type { PlanStep } from '../../lib/desired-state/plan';
import type { GraphApi } from '../../lib/graph/client';
import { printable } from '../output';

export type StepResult = StepOutcome | { status: 'skipped' | 'not-run'; message: string };

export interface StepsRun {
  results: Map<string, StepResult>;
  /** True when Ctrl-C (SIGINT) or SIGTERM stopped the run before its last step. */
  interrupted: boolean;
}

const LABEL: Record<StepResult['status'], string> = {
  done: 'done',
  stale: 'stale',
  failed: 'failed',
  skipped: 'skipped',
  'not-run': 'not run',
};

export function resultLine(step: PlanStep, result: StepResult): string {
  const detail =
    result.status === 'done' ? (result.note ?? '') : 'message' in result ? result.message : '';
  return `[${LABEL[result.status]}] ${printable(describeStep(step))}${detail ? ` — ${printable(detail)}` : ''}`;
}

/**
 * Runs the steps in order. `stopSignal` is raised by the caller's signal handler; it is read only
 * between steps, so the step in flight always completes (each step has its own Graph timeouts).
 */
export async function runSteps(
  api: GraphApi,
  steps: PlanStep[],
  tell: (line: string) => void,
  stopSignal: { stopped: boolean },
): Promise<StepsRun> {
  const results = new Map<string, StepResult>();
  const created: CreatedPolicies = new Map();
  for (const [index, step] of steps.entries()) {
    if (stopSignal.stopped) {
      results.set(step.id, { status: 'not-run', message: 'not run: stopped by Ctrl-C' });
      continue;
    }
    const blocked = step.dependsOn.find((d) => results.get(d)?.status !== 'done');
    if (!blocked) tell(`Applying ${index + 1}/${steps.length}: ${printable(describeStep(step))}…`);
    const outcome: StepResult = blocked
      ? { status: 'skipped', message: 'Skipped: a step it needs did not succeed.' }
      : await applyStep(api, step, created);
    results.set(step.id, outcome);
    tell(resultLine(step, outcome));
  }
  return { results, interrupted: steps.some((s) => results.get(s.id)?.status === 'not-run') };
}

/** The closing summary: counts, and every step that did not get done, by name. */
export function summaryLines(steps: PlanStep[], run: StepsRun): string[] {
  const count = (status: StepResult['status']) =>
    steps.filter((s) => run.results.get(s.id)?.status === status).length;
  const lines = [
    `${run.interrupted ? 'Stopped by Ctrl-C after the step in flight finished' : 'Finished'}: ${count('done')} done, ${count('failed') + count('stale')} failed, ${count('skipped')} skipped, ${count('not-run')} not run (of ${steps.length}).`,
  ];
  for (const step of steps) {
    const result = run.results.get(step.id);
    if (result && result.status !== 'done') lines.push(`  ${resultLine(step, result)}`);
  }
  return lines;
}

/**
 * While `run` lasts, SIGINT and SIGTERM only raise the stop flag (said once); Node's default (exit
 * at once) would cut a write off in the middle. A second Ctrl-C changes nothing: the step in flight
 * still finishes, bounded by its request timeouts.
 */
export async function withStopOnSignal<T>(
  tell: (line: string) => void,
  run: (stopSignal: { stopped: boolean }) => Promise<T>,
): Promise<T> {
  const stopSignal = { stopped: false };
  const onSignal = () => {
    if (!stopSignal.stopped)
      tell('Ctrl-C: stopping after the step in flight (it is never cut off half-way)…');
    stopSignal.stopped = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(stopSignal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
