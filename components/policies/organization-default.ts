// Switching the organization default is two writes; Entra holds one default at most. Unset the old
// one first, then set the new one; if the second write fails, put the old one back. Whatever
// happened, the tenant is read back afterwards: the admin is told what it holds, never what the
// code assumed (a write that timed out may have happened; a rollback may have failed; another tab
// may have switched the default meanwhile).
import type { GraphApi } from '@/lib/graph/client';
import { GraphRequestError } from '@/lib/graph/errors';
import { findOrganizationDefaults } from '@/lib/policy/rules';
import type { TokenLifetimePolicy } from '@/lib/policy/types';

export interface PolicyRef {
  id: string;
  displayName: string;
}

type Api = Pick<GraphApi, 'updatePolicy' | 'listPolicies'>;

export interface DefaultSwitchOutcome {
  wanted: PolicyRef;
  /** The default the tenant held just before the switch, as read then. */
  previous?: PolicyRef;
  /** Whether any write was sent (false: nothing can have changed). */
  wrote: boolean;
  /** The default changed since the admin confirmed (another tab, another admin): nothing written. */
  changedElsewhere: boolean;
  /** The first step that failed. */
  error?: unknown;
  rollbackError?: unknown;
  /** The organization defaults the tenant holds afterwards; undefined when it could not be read. */
  defaultsNow?: PolicyRef[];
  readBackError?: unknown;
}

const isAmbiguous = (error: unknown) => !(error instanceof GraphRequestError) || error.ambiguous;

const ref = (p: TokenLifetimePolicy): PolicyRef => ({ id: p.id, displayName: p.displayName });

/** The organization defaults as the tenant holds them now (normally none or one). */
export async function readOrganizationDefaults(api: Pick<GraphApi, 'listPolicies'>) {
  return findOrganizationDefaults(await api.listPolicies()).map(ref);
}

/**
 * Make `wanted` the organization default, replacing `expectedPrevious` — the default the admin saw
 * when confirming. If the tenant holds another one by now, nothing is written: the admin decides.
 */
export async function switchOrganizationDefault(
  api: Api,
  wanted: PolicyRef,
  expectedPrevious: PolicyRef | undefined,
): Promise<DefaultSwitchOutcome> {
  let before: TokenLifetimePolicy[];
  try {
    before = await api.listPolicies();
  } catch (error) {
    return { wanted, wrote: false, changedElsewhere: false, error, readBackError: error };
  }
  const defaultsBefore = findOrganizationDefaults(before).map(ref);
  const others = defaultsBefore.filter((p) => p.id !== wanted.id);
  const base = { wanted, previous: others[0], wrote: false, changedElsewhere: false };
  if (others.length === 0 && defaultsBefore.length === 1)
    return { ...base, defaultsNow: defaultsBefore };
  const expected = expectedPrevious?.id !== wanted.id ? expectedPrevious?.id : undefined;
  if (others.length > 1 || others[0]?.id !== expected)
    return { ...base, changedElsewhere: true, defaultsNow: defaultsBefore };

  const outcome: DefaultSwitchOutcome = { ...base, wrote: true };
  const previous = others[0];
  let unset = false;
  try {
    if (previous) {
      await api.updatePolicy(previous.id, { isOrganizationDefault: false });
      unset = true;
    }
    await api.updatePolicy(wanted.id, { isOrganizationDefault: true });
  } catch (error) {
    outcome.error = error;
    // A set without a clear answer may have happened: putting the old default back on top of it
    // would make two (or fail). Look first.
    if (previous && unset && isAmbiguous(error)) {
      const now = await readOrganizationDefaults(api).catch(() => undefined);
      if (now?.some((p) => p.id === wanted.id)) unset = false;
    }
    if (previous && unset) {
      try {
        await api.updatePolicy(previous.id, { isOrganizationDefault: true });
      } catch (rollbackError) {
        outcome.rollbackError = rollbackError;
      }
    }
  }
  try {
    outcome.defaultsNow = await readOrganizationDefaults(api);
  } catch (readBackError) {
    outcome.readBackError = readBackError;
  }
  return outcome;
}

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
