// Undo a bulk link, unlink or replace: each object gets back the policy it held before the run
// (the per-object report read it first). Every restore goes through setObjectPolicy, the same
// read-first, read-back path as a repair; an object changed since the run (another admin, another
// tab) is left alone rather than overwritten.
import { asGraphRequestError } from './errors';
import {
  setObjectPolicy,
  type LinkOutcome,
  type LinkTarget,
  type LinkWritesApi,
} from './link-writes';
import { readLinkedPolicyIds } from './links';

export interface UndoStep {
  target: LinkTarget;
  /** What the object held before the bulk run (null: no policy): what the undo puts back. */
  restore: string | null;
  /** What the run left it holding, as read back (undefined: could not be read). */
  leftAs: string | null | undefined;
}

export type UndoOutcome =
  | { step: UndoStep; status: 'done'; outcome: LinkOutcome }
  /** Holds something else than the run left: someone changed it since; nothing was written. */
  | { step: UndoStep; status: 'changed-since'; holds: string | null }
  /** Its current policy could not be read: nothing was written. */
  | { step: UndoStep; status: 'unreadable' };

/** The objects a run changed and whose earlier policy is known: what "Undo" would restore. */
export function undoSteps(outcomes: LinkOutcome[]): UndoStep[] {
  return outcomes.flatMap((o) =>
    o.wrote && o.previousPolicyId !== undefined && o.nowPolicyId !== o.previousPolicyId
      ? [{ target: o.target, restore: o.previousPolicyId, leftAs: o.nowPolicyId }]
      : [],
  );
}

/** Whether an undo outcome left the object as it was before the bulk run. */
export function restored(result: UndoOutcome): boolean {
  return result.status === 'done' && result.outcome.nowPolicyId === result.step.restore;
}

/** The steps to try again: those whose object does not hold its earlier policy yet. */
export function retrySteps(results: UndoOutcome[]): UndoStep[] {
  return results.flatMap((r) =>
    r.status === 'done' && !restored(r)
      ? [{ ...r.step, leftAs: r.outcome.nowPolicyId }]
      : r.status === 'unreadable'
        ? [r.step]
        : [],
  );
}

// A few objects at a time: each restore is three or four requests of its own.
const PARALLEL = 4;

/**
 * Puts each object's earlier policy back. Throws only when nothing could be read first (then
 * nothing was written); otherwise every object has its own outcome, read back from the tenant.
 */
export async function undoBulkChange(
  api: LinkWritesApi,
  steps: UndoStep[],
  onProgress?: (done: number, total: number) => void,
): Promise<UndoOutcome[]> {
  const current = await readLinkedPolicyIds(
    api,
    steps.map((s) => s.target),
  );
  const results: UndoOutcome[] = new Array(steps.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < steps.length) {
      const i = next++;
      const step = steps[i];
      const holds = current.get(step.target.objectId);
      if (holds === undefined) results[i] = { step, status: 'unreadable' };
      else if (step.leftAs !== undefined && holds !== step.leftAs)
        results[i] = { step, status: 'changed-since', holds };
      else
        results[i] = {
          step,
          status: 'done',
          outcome: await setObjectPolicy(api, step.target, step.restore).catch(
            (error: unknown): LinkOutcome => ({
              target: step.target,
              intended: step.restore,
              status: 'failed',
              // It failed somewhere unforeseen: a write may have gone out, so "unknown", never "unchanged".
              wrote: true,
              error: asGraphRequestError(error),
            }),
          ),
        };
      onProgress?.(++done, steps.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, steps.length) }, worker));
  return results;
}
