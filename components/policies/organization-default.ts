// What a default switch left the tenant holding, in the admin's words, with the repairs that put it
// right. The switch itself (unset, set, roll back, read back) is lib/graph/organization-default.ts.
import type { DefaultSwitchOutcome, PolicyRef } from '@/lib/graph/organization-default';

export type { DefaultSwitchOutcome, PolicyRef };

export type DefaultRepair =
  { kind: 'make-default'; policy: PolicyRef; label: string } | { kind: 'check'; label: string };

export interface DefaultSwitchReport {
  tone: 'success' | 'warning' | 'danger';
  /** The tenant's state, in the admin's words. */
  message: string;
  /** What went wrong on the way (Graph's error, for the request id). */
  error?: unknown;
  repairs: DefaultRepair[];
}

const quoted = (p: PolicyRef) => `“${p.displayName}”`;

/** What to tell the admin: the state read back, what it was before, and how to put it right. */
export function describeDefaultSwitch(outcome: DefaultSwitchOutcome): DefaultSwitchReport {
  const { wanted, previous, defaultsNow: now } = outcome;
  const error = outcome.rollbackError ?? outcome.error;
  const makeWanted = (replacing?: PolicyRef): DefaultRepair => ({
    kind: 'make-default',
    policy: wanted,
    label: `Make ${quoted(wanted)} the organization default${replacing ? ` (replacing ${quoted(replacing)})` : ''}`,
  });
  if (!now) {
    return outcome.wrote
      ? {
          tone: 'danger',
          message: `Outcome unknown: the switch did not finish cleanly and the tenant could not be read back. ${quoted(wanted)} may or may not be the organization default${previous ? `; ${quoted(previous)} was before` : ''}. Check before changing anything else.`,
          error: outcome.readBackError ?? error,
          repairs: [{ kind: 'check', label: 'Check what the tenant holds' }],
        }
      : {
          tone: 'warning',
          message: `Nothing was changed: the current organization default could not be read first.`,
          error,
          repairs: [makeWanted()],
        };
  }
  if (now.length === 1 && now[0].id === wanted.id) {
    return {
      tone: 'success',
      message: `${quoted(wanted)} is now the organization default.${error ? ' (Graph’s answer was lost on the way, but reading the tenant back shows the change was made.)' : ''}`,
      repairs: [],
    };
  }
  if (now.length > 1) {
    return {
      tone: 'danger',
      message: `The tenant now has ${now.length} organization defaults (${now.map(quoted).join(', ')}); only one should be.`,
      error,
      repairs: [makeWanted()],
    };
  }
  const current = now[0];
  if (outcome.changedElsewhere) {
    return {
      tone: 'warning',
      message: current
        ? `Nothing was changed: ${quoted(current)} became the organization default since you opened this page (changed elsewhere — another tab or admin).`
        : `Nothing was changed: the tenant has no organization default any more (it was unset elsewhere — another tab or admin).`,
      repairs: [makeWanted(current)],
    };
  }
  if (!current) {
    return previous
      ? {
          tone: 'danger',
          message: `The tenant now has NO organization default (was ${quoted(previous)}). ${quoted(wanted)} could not be made the default, and putting ${quoted(previous)} back failed too.`,
          error,
          repairs: [
            makeWanted(),
            {
              kind: 'make-default',
              policy: previous,
              label: `Restore ${quoted(previous)} as the organization default`,
            },
          ],
        }
      : {
          tone: 'warning',
          message: `Nothing changed: there is still no organization default. ${quoted(wanted)} could not be made the default.`,
          error,
          repairs: [makeWanted()],
        };
  }
  if (previous && current.id === previous.id) {
    return {
      tone: 'warning',
      message: `Nothing changed: ${quoted(previous)} is still the organization default. ${quoted(wanted)} could not be made the default.`,
      error,
      repairs: [makeWanted(previous)],
    };
  }
  return {
    tone: 'warning',
    message: `${quoted(current)} is the organization default now (set elsewhere while this change ran); ${quoted(wanted)} is not.${previous ? ` Before, it was ${quoted(previous)}.` : ''}`,
    error,
    repairs: [makeWanted(current)],
  };
}
