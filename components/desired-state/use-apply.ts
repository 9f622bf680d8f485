'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import {
  linksRead,
  organizationDefaultsRead,
  policyDeleted,
  policySaved,
} from '@/components/shared/cache-after-write';
import { queryKeys } from '@/components/shared/query-keys';
import { useGraphApi } from '@/components/shell/graph-provider';
import type { GraphApi } from '@/lib/graph/client';
import {
  applyStep,
  type CreatedPolicies,
  type StepEffect,
  type StepOutcome,
} from '@/lib/desired-state/apply';
import type { PlanStep } from '@/lib/desired-state/plan';

export type StepRun =
  { status: 'waiting' | 'running' } | { status: 'skipped'; message: string } | StepOutcome;

export interface ApplyRun {
  steps: PlanStep[];
  results: Record<string, StepRun>;
  running: boolean;
}

/** Applies chosen steps one after another; a step whose prerequisite did not succeed is skipped. */
export function useApply() {
  const api = useGraphApi();
  const writeAccess = useWriteAccess();
  const queryClient = useQueryClient();
  const created = useRef<CreatedPolicies>(new Map());
  const [run, setRun] = useState<ApplyRun>();

  const start = useCallback(
    async (steps: PlanStep[], previous?: Record<string, StepRun>) => {
      if (!(await writeAccess.request())) return false;
      const results: Record<string, StepRun> = { ...previous };
      for (const s of steps) results[s.id] = { status: 'waiting' };
      const runSteps = previous ? mergeSteps(run?.steps ?? [], steps) : steps;
      const show = () => setRun({ steps: runSteps, results: { ...results }, running: true });
      show();
      for (const step of steps) {
        const blocked = step.dependsOn.find(
          (d) => results[d] !== undefined && results[d].status !== 'done',
        );
        if (blocked) {
          results[step.id] = {
            status: 'skipped',
            message: 'Skipped: a step it needs did not succeed.',
          };
          show();
          continue;
        }
        results[step.id] = { status: 'running' };
        show();
        results[step.id] = await applyStep(api, step, created.current);
        // The tenant as the step left it, patched in: the comparison is made again at once.
        const { effect } = results[step.id] as StepOutcome;
        if (effect) await recordEffect(queryClient, api, effect);
        show();
      }
      setRun({ steps: runSteps, results, running: false });
      return true;
    },
    [api, queryClient, run?.steps, writeAccess],
  );

  const retryFailed = useCallback(() => {
    if (!run) return;
    const again = run.steps.filter((s) => {
      const r = run.results[s.id];
      return r && (r.status === 'failed' || r.status === 'skipped');
    });
    return start(again, run.results);
  }, [run, start]);

  return { run, start, retryFailed, reset: () => setRun(undefined) };
}

function mergeSteps(existing: PlanStep[], added: PlanStep[]): PlanStep[] {
  const ids = new Set(existing.map((s) => s.id));
  return [...existing, ...added.filter((s) => !ids.has(s.id))];
}

/** One step's effect on the cached tenant; an updated policy is read again (one request). */
async function recordEffect(queryClient: QueryClient, api: GraphApi, effect: StepEffect) {
  switch (effect.kind) {
    case 'policy-saved':
      try {
        policySaved(queryClient, effect.policy ?? (await api.getPolicy(effect.policyId)));
      } catch {
        await queryClient.invalidateQueries({ queryKey: queryKeys.policy(effect.policyId) });
      }
      return;
    case 'policy-deleted':
      return policyDeleted(queryClient, effect.policyId);
    case 'link':
      return linksRead(queryClient, [effect.outcome]);
    case 'organization-defaults':
      return organizationDefaultsRead(queryClient, effect.policyIds);
  }
}
