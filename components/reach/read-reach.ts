// The reach read with its incremental consent: ask for the reach permission first; if the admin
// refuses (or closes the prompt), read with the sign-in permissions and report what that leaves
// unreadable, rather than failing the whole view.
import { loadReach, type ReachReadout } from '@/lib/graph/reach';
import type { GraphApi } from '@/lib/graph/client';
import { computeReach, type ClientDirectory, type ResourceReach } from '@/lib/policy/reach';

export interface ReachResult {
  reach: Map<string, ResourceReach>;
  readouts: Map<string, ReachReadout>;
  /** The extra permission was refused: what needs it is reported unreadable, the rest is shown. */
  consentRefused: boolean;
}

type ReachReader = Pick<GraphApi, 'runBatch' | 'graphBaseUrl'>;

export async function readReach(input: {
  ids: readonly string[];
  /** Acquires the reach permission (may prompt); throws when refused. */
  askForReachPermission: () => Promise<unknown>;
  reachApi: ReachReader;
  signInApi: ReachReader;
  directory: ClientDirectory;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}): Promise<ReachResult> {
  let api = input.reachApi;
  let consentRefused = false;
  try {
    await input.askForReachPermission();
  } catch {
    api = input.signInApi;
    consentRefused = true;
  }
  const readouts = await loadReach(api, input.ids, {
    signal: input.signal,
    onProgress: input.onProgress,
  });
  const reach = new Map<string, ResourceReach>();
  for (const [id, r] of readouts)
    reach.set(
      id,
      computeReach({
        resourceId: id,
        appRoles: r.appRoles,
        assignments: r.assignments,
        grants: r.grants,
        directory: input.directory,
      }),
    );
  return { reach, readouts, consentRefused };
}
