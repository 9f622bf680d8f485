// Linking is where admins lose work: one policy per object means "replace" is unlink then link.
// These steps go through $batch (20 a request), read the current state first, never repeat a
// success, and put a previous link back when its replacement fails. Whatever happened, every object
// written to is read back: the admin is shown what it holds now, never what the code assumed.
import type { BatchApi } from './batch';
import { asGraphRequestError, GraphRequestError, graphErrorFrom } from './errors';
import { linkRequest, readLinkedPolicyIds, unlinkRequest, type LinksApi } from './links';
import type { BatchRequest, BatchResult, ObjectType } from './types';
import { linkStep } from '../policy/rules';

/** What the multi-step link writes need of the Graph client (GraphApi has it all). */
export type LinkWritesApi = BatchApi & LinksApi & { graphBaseUrl: string };

export interface LinkTarget {
  objectType: ObjectType;
  objectId: string;
  displayName: string;
  appId: string;
}

export interface LinkOutcome {
  target: LinkTarget;
  status:
    | 'linked'
    | 'already-linked'
    | 'replaced'
    | 'unlinked'
    | 'not-linked'
    /** It held something else than the caller expected: nothing was written (see setObjectPolicy). */
    | 'changed-elsewhere'
    | 'failed';
  /** What the admin asked the object to hold: a policy id, or null (unlink). */
  intended: string | null;
  /** What it held before, as read first (null: none; undefined: could not be read). */
  previousPolicyId?: string | null;
  /** What it holds now, read back (null: none; undefined: could not be read). */
  nowPolicyId?: string | null;
  /** Whether any write was sent for this object (false: nothing can have changed). */
  wrote: boolean;
  error?: GraphRequestError;
  /** Putting the previous policy back failed too. */
  restoreError?: GraphRequestError;
}

/** A failed $batch sub-response (or none at all) as the error to show. */
const errorOf = (result: BatchResult | undefined) =>
  graphErrorFrom(result?.status ?? 0, result?.headers, result?.body, { write: true });

type Progress = (done: number, total: number) => void;

/** Read back after writing; a failed read-back leaves every object "unknown", never "fine". */
async function readBack(api: BatchApi, targets: LinkTarget[]) {
  if (targets.length === 0) return new Map<string, string | null>();
  try {
    return await readLinkedPolicyIds(api, targets);
  } catch {
    return new Map<string, string | null>();
  }
}

const LINK_STATUS = {
  'already-linked': 'already-linked',
  replace: 'replaced',
  link: 'linked',
} as const;

/** The status an object's read-back state means, given what was asked. */
function settle(outcome: Omit<LinkOutcome, 'status'>, unlinkedPolicyId?: string): LinkOutcome {
  const { intended, previousPolicyId: before, nowPolicyId: now } = outcome;
  if (now === undefined || now !== intended) return { ...outcome, status: 'failed' };
  if (intended === null)
    return {
      ...outcome,
      status: before === unlinkedPolicyId && before ? 'unlinked' : 'not-linked',
      error: undefined,
    };
  const status = LINK_STATUS[linkStep(before, intended)];
  // Graph's answer may have been lost although the change was made: the read-back decides.
  return { ...outcome, status, error: undefined };
}

/** Link (or replace with) one policy on many objects. */
export async function bulkLink(
  api: LinkWritesApi,
  targets: LinkTarget[],
  policyId: string,
  onProgress?: Progress,
): Promise<LinkOutcome[]> {
  // Nothing is written before this read: if it fails as a whole, the error is the caller's to show.
  const current = await readLinkedPolicyIds(api, targets);
  const requests: BatchRequest[] = [];
  const plan = targets.map((target, i) => {
    const previous = current.get(target.objectId);
    if (previous === undefined) return { target, step: 'unreadable' as const };
    const step = linkStep(previous, policyId);
    if (step === 'already-linked') return { target, step: 'skip' as const, previous };
    if (previous && step === 'replace')
      requests.push(unlinkRequest(`u${i}`, target.objectType, target.objectId, previous));
    requests.push(
      linkRequest(
        api.graphBaseUrl,
        `l${i}`,
        target.objectType,
        target.objectId,
        policyId,
        previous ? [`u${i}`] : undefined,
      ),
    );
    return { target, step: 'write' as const, previous };
  });
  let results: BatchResult[] = [];
  let batchError: GraphRequestError | undefined;
  try {
    if (requests.length)
      results = await api.runBatch(requests, {
        onProgress: (p) => onProgress?.(p.done, p.total),
      });
  } catch (error) {
    // Some chunks may have gone through before the failure: the read-back below tells which.
    batchError = asGraphRequestError(error);
  }
  const byId = new Map(results.map((r) => [r.id, r]));

  // The old link went but the new one failed: put the old one back so nothing is left half-done.
  const halfDone = plan.flatMap((item, i) => {
    const unlink = byId.get(`u${i}`);
    const link = byId.get(`l${i}`);
    return item.step === 'write' &&
      item.previous &&
      unlink &&
      unlink.status < 300 &&
      !(link && link.status < 300)
      ? [{ target: item.target, previous: item.previous, link }]
      : [];
  });
  // A link without a clear answer (5xx, none) may have happened: look before restoring on top of it.
  const looked = await readBack(
    api,
    halfDone
      .filter(({ link }) => !link || link.status === 0 || link.status >= 500)
      .map((h) => h.target),
  );
  const restoreErrors = new Map<string, GraphRequestError>();
  for (const { target, previous } of halfDone) {
    if (looked.get(target.objectId) === policyId) continue;
    try {
      await api.linkPolicy(target.objectType, target.objectId, previous);
    } catch (error) {
      restoreErrors.set(target.objectId, asGraphRequestError(error));
    }
  }

  const written = plan.filter((p) => p.step === 'write').map((p) => p.target);
  const now = await readBack(api, written);
  return plan.map((item, i): LinkOutcome => {
    const base = { target: item.target, intended: policyId };
    if (item.step === 'unreadable')
      return {
        ...base,
        status: 'failed',
        wrote: false,
        error: new GraphRequestError({
          status: 0,
          code: 'ReadFailed',
          message: 'Could not read the object’s current policy; nothing was changed.',
        }),
      };
    if (item.step === 'skip')
      return {
        ...base,
        status: 'already-linked',
        wrote: false,
        previousPolicyId: item.previous,
        nowPolicyId: item.previous,
      };
    const link = byId.get(`l${i}`);
    const unlink = byId.get(`u${i}`);
    const failedStep = link?.status === 424 ? unlink : link;
    return settle({
      ...base,
      wrote: true,
      previousPolicyId: item.previous ?? null,
      nowPolicyId: now.get(item.target.objectId),
      error: failedStep ? errorOf(failedStep) : batchError,
      restoreError: restoreErrors.get(item.target.objectId),
    });
  });
}

/** Unlink one policy from many objects; objects that no longer hold it are left alone. */
export async function bulkUnlink(
  api: LinkWritesApi,
  targets: LinkTarget[],
  policyId: string,
  onProgress?: Progress,
): Promise<LinkOutcome[]> {
  let results: BatchResult[] = [];
  let batchError: GraphRequestError | undefined;
  try {
    results = await api.runBatch(
      targets.map((t, i) => unlinkRequest(String(i), t.objectType, t.objectId, policyId)),
      { onProgress: (p) => onProgress?.(p.done, p.total) },
    );
  } catch (error) {
    batchError = asGraphRequestError(error);
  }
  const now = await readBack(api, targets);
  return targets.map((target, i) => {
    const result = results[i];
    const nowPolicyId = now.get(target.objectId);
    const outcome = {
      target,
      intended: null,
      wrote: true,
      // A 404 means it held no link to this policy (the read-back says what it holds instead).
      previousPolicyId: result?.status === 404 ? nowPolicyId : policyId,
      nowPolicyId,
      error: result && result.status >= 300 && result.status !== 404 ? errorOf(result) : batchError,
    };
    // Holding another policy is no failure of an unlink of this one.
    if (nowPolicyId !== undefined && nowPolicyId !== policyId)
      return {
        ...outcome,
        status: result?.status === 404 ? 'not-linked' : 'unlinked',
        error: undefined,
      };
    return settle(outcome, policyId);
  });
}

/**
 * Make one object hold `policyId` (null: no policy): read what it holds, unlink that, link the new
 * one, and if the link fails, put the old one back. Ends with what the object holds, read back.
 * Repairs, replaces and the desired-state apply go through here too. With `expectedPrevious`
 * (null: none), an object found holding anything else is left alone: 'changed-elsewhere'.
 */
export async function setObjectPolicy(
  api: LinksApi,
  target: LinkTarget,
  policyId: string | null,
  { expectedPrevious }: { expectedPrevious?: string | null } = {},
): Promise<LinkOutcome> {
  const base = { target, intended: policyId };
  let previous: string | null;
  try {
    previous = (await api.getLinkedPolicy(target.objectType, target.objectId))?.id ?? null;
  } catch (error) {
    return { ...base, status: 'failed', wrote: false, error: asGraphRequestError(error) };
  }
  if (previous === policyId)
    return {
      ...base,
      status: policyId ? 'already-linked' : 'not-linked',
      wrote: false,
      previousPolicyId: previous,
      nowPolicyId: previous,
    };
  if (expectedPrevious !== undefined && previous !== expectedPrevious)
    return {
      ...base,
      status: 'changed-elsewhere',
      wrote: false,
      previousPolicyId: previous,
      nowPolicyId: previous,
    };
  let error: GraphRequestError | undefined;
  let restoreError: GraphRequestError | undefined;
  let unlinked = !previous;
  try {
    if (previous) {
      await api.unlinkPolicy(target.objectType, target.objectId, previous);
      unlinked = true;
    }
    if (policyId) await api.linkPolicy(target.objectType, target.objectId, policyId);
  } catch (failure) {
    error = asGraphRequestError(failure);
    // A link without a clear answer may have happened: look before restoring on top of it.
    if (previous && unlinked && policyId && error.ambiguous) {
      const now = await api.getLinkedPolicy(target.objectType, target.objectId).catch(() => null);
      if (now?.id === policyId) unlinked = false;
    }
    if (previous && unlinked && policyId) {
      try {
        await api.linkPolicy(target.objectType, target.objectId, previous);
      } catch (restoreFailure) {
        restoreError = asGraphRequestError(restoreFailure);
      }
    }
  }
  let nowPolicyId: string | null | undefined;
  try {
    nowPolicyId = (await api.getLinkedPolicy(target.objectType, target.objectId))?.id ?? null;
  } catch {
    nowPolicyId = undefined;
  }
  return settle(
    { ...base, wrote: true, previousPolicyId: previous, nowPolicyId, error, restoreError },
    previous ?? undefined,
  );
}
