// Linking is where admins lose work: one policy per object means "replace" is unlink then link.
// These steps go through $batch (20 a request), read the current state first, never repeat a
// success, and put a previous link back when its replacement fails.
import type { GraphApi } from '@/lib/graph/client';
import { GraphRequestError } from '@/lib/graph/errors';
import { readLinkedPolicyIds } from '@/lib/graph/linked-policies';
import type { BatchRequest, BatchResult, ObjectType } from '@/lib/graph/types';

export interface LinkTarget {
  objectType: ObjectType;
  objectId: string;
  displayName: string;
  appId: string;
}

export interface LinkOutcome {
  target: LinkTarget;
  status: 'linked' | 'already-linked' | 'replaced' | 'unlinked' | 'not-linked' | 'failed';
  previousPolicyId?: string;
  error?: GraphRequestError;
}

const COLLECTION: Record<ObjectType, string> = {
  application: '/applications',
  servicePrincipal: '/servicePrincipals',
};

export const refBody = (graphBaseUrl: string, policyId: string) => ({
  '@odata.id': `${graphBaseUrl}/policies/tokenLifetimePolicies/${policyId}`,
});

function errorOf(result: BatchResult | undefined): GraphRequestError {
  const body = (result?.body ?? {}) as {
    error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } };
  };
  return new GraphRequestError({
    status: result?.status ?? 0,
    code: body.error?.code ?? (result?.status === 424 ? 'FailedDependency' : 'Unknown'),
    message: body.error?.message ?? `Graph answered ${result?.status ?? 'nothing'}.`,
    requestId: body.error?.innerError?.['request-id'] ?? result?.headers?.['request-id'],
  });
}

type Progress = (done: number, total: number) => void;

/**
 * What each object holds now, re-read just before writing: one GET per object, sent 20 to a
 * $batch, with write scopes (Graph asks for Application.ReadWrite.All there; see lib/graph).
 */
export function readCurrentLinks(
  api: GraphApi,
  targets: LinkTarget[],
  onProgress?: Progress,
): Promise<Map<string, string | undefined>> {
  return readLinkedPolicyIds(api, targets, (p) => onProgress?.(p.done, p.total));
}

/** Link (or replace with) one policy on many objects. */
export async function bulkLink(
  api: GraphApi,
  targets: LinkTarget[],
  policyId: string,
  onProgress?: Progress,
): Promise<LinkOutcome[]> {
  const current = await readCurrentLinks(api, targets);
  const requests: BatchRequest[] = [];
  const plan = targets.map((target, i) => {
    const previous = current.get(target.objectId);
    if (!current.has(target.objectId)) return { target, step: 'unreadable' as const };
    if (previous === policyId) return { target, step: 'skip' as const, previous };
    const base = `${COLLECTION[target.objectType]}/${target.objectId}/tokenLifetimePolicies`;
    if (previous) requests.push({ id: `u${i}`, method: 'DELETE', url: `${base}/${previous}/$ref` });
    requests.push({
      id: `l${i}`,
      method: 'POST',
      url: `${base}/$ref`,
      body: refBody(api.graphBaseUrl, policyId),
      dependsOn: previous ? [`u${i}`] : undefined,
    });
    return { target, step: previous ? ('replace' as const) : ('link' as const), previous };
  });
  const results = requests.length
    ? await api.runBatch(requests, { onProgress: (p) => onProgress?.(p.done, p.total) })
    : [];
  const byId = new Map(results.map((r) => [r.id, r]));
  const outcomes: LinkOutcome[] = [];
  for (const [i, item] of plan.entries()) {
    if (item.step === 'unreadable') {
      outcomes.push({
        target: item.target,
        status: 'failed',
        error: new GraphRequestError({
          status: 0,
          code: 'ReadFailed',
          message: 'Could not read the object’s current policy; nothing was changed.',
        }),
      });
      continue;
    }
    if (item.step === 'skip') {
      outcomes.push({
        target: item.target,
        status: 'already-linked',
        previousPolicyId: item.previous,
      });
      continue;
    }
    const link = byId.get(`l${i}`);
    if (link && link.status < 300) {
      outcomes.push({
        target: item.target,
        status: item.step === 'replace' ? 'replaced' : 'linked',
        previousPolicyId: item.previous,
      });
      continue;
    }
    const unlink = byId.get(`u${i}`);
    // The old link went but the new one failed: put the old one back so nothing is left half-done.
    if (item.previous && unlink && unlink.status < 300) {
      await api
        .linkPolicy(item.target.objectType, item.target.objectId, item.previous)
        .catch(() => undefined);
    }
    outcomes.push({
      target: item.target,
      status: 'failed',
      previousPolicyId: item.previous,
      error: errorOf(link?.status === 424 ? unlink : link),
    });
  }
  return outcomes;
}

/** Unlink one policy from many objects; objects that no longer hold it are left alone. */
export async function bulkUnlink(
  api: GraphApi,
  targets: LinkTarget[],
  policyId: string,
  onProgress?: Progress,
): Promise<LinkOutcome[]> {
  const results = await api.runBatch(
    targets.map((t, i) => ({
      id: String(i),
      method: 'DELETE' as const,
      url: `${COLLECTION[t.objectType]}/${t.objectId}/tokenLifetimePolicies/${policyId}/$ref`,
    })),
    { onProgress: (p) => onProgress?.(p.done, p.total) },
  );
  return results.map((result, i) => ({
    target: targets[i],
    status: result.status < 300 ? 'unlinked' : result.status === 404 ? 'not-linked' : 'failed',
    error: result.status < 300 || result.status === 404 ? undefined : errorOf(result),
  }));
}

/** Replace A with B on one object: unlink A, link B; if B fails, A is linked again. */
export async function replacePolicy(
  api: GraphApi,
  target: LinkTarget,
  fromPolicyId: string | undefined,
  toPolicyId: string,
): Promise<LinkOutcome> {
  if (fromPolicyId === toPolicyId)
    return { target, status: 'already-linked', previousPolicyId: fromPolicyId };
  if (fromPolicyId) await api.unlinkPolicy(target.objectType, target.objectId, fromPolicyId);
  try {
    await api.linkPolicy(target.objectType, target.objectId, toPolicyId);
    return { target, status: fromPolicyId ? 'replaced' : 'linked', previousPolicyId: fromPolicyId };
  } catch (error) {
    if (fromPolicyId) {
      try {
        await api.linkPolicy(target.objectType, target.objectId, fromPolicyId);
      } catch {
        throw new Error(
          `Linking the new policy failed and the previous policy could not be restored: ${target.displayName} now has NO token lifetime policy. Link one again.`,
        );
      }
    }
    throw error;
  }
}
