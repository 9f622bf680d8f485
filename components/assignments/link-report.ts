// One object's state after a link change, in the admin's words, with the repairs that put it
// right (each goes through setObjectPolicy: read first, read back).
import type { LinkOutcome, LinkTarget } from '@/lib/graph/link-writes';

export interface LinkRepair {
  label: string;
  target: LinkTarget;
  /** What the repair makes the object hold (null: no policy). */
  policyId: string | null;
}

/**
 * One object's state in the admin's words: "Common Data Service: now has no policy (was Dataverse
 * integrations (5 h))", and the repairs that put it right.
 */
export function describeLinkOutcome(
  outcome: LinkOutcome,
  nameOf: (policyId: string) => string,
): { text: string; repairs: LinkRepair[] } {
  const quoted = (id: string | null | undefined) => (id ? `“${nameOf(id)}”` : 'no policy');
  const { target, intended, previousPolicyId: before, nowPolicyId: now } = outcome;
  const name = target.displayName;
  if (outcome.status !== 'failed') {
    const text = {
      linked: `now has ${quoted(now)}`,
      'already-linked': `already had ${quoted(now)}; left as it was`,
      replaced: `now has ${quoted(now)} (was ${quoted(before)})`,
      unlinked: `now has ${quoted(now)} (was ${quoted(before)})`,
      'not-linked': `did not hold it; has ${quoted(now)}`,
      'changed-elsewhere': `holds ${quoted(now)} (changed elsewhere); left as it was`,
    }[outcome.status];
    return { text, repairs: [] };
  }
  const retry: LinkRepair = {
    label: intended
      ? `Link ${quoted(intended)} to ${name}`
      : `Unlink ${quoted(before)} from ${name}`,
    target,
    policyId: intended,
  };
  if (!outcome.wrote)
    return {
      text: `nothing was changed (${before === undefined ? 'its current policy could not be read' : 'Graph refused'})`,
      repairs: [retry],
    };
  if (now === undefined)
    return {
      text: `outcome unknown: what it holds could not be read back (it had ${quoted(before)})`,
      repairs: [],
    };
  if (now === before) return { text: `unchanged: still has ${quoted(now)}`, repairs: [retry] };
  const repairs: LinkRepair[] = [];
  if (before)
    repairs.push({
      label: `Restore ${quoted(before)} on ${name}`,
      target,
      policyId: before,
    });
  repairs.push(retry);
  return { text: `now has ${quoted(now)} (was ${quoted(before)})`, repairs };
}
