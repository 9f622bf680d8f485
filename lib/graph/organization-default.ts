// Switching the organization default is two writes; Entra holds one default at most. Unset the old
// one first, then set the new one; if the second write fails, put the old one back. Whatever
// happened, the tenant is read back afterwards: the admin is told what it holds, never what the
// code assumed (a write that timed out may have happened; a rollback may have failed; another tab
// may have switched the default meanwhile).
import type { PoliciesApi } from './policies';
import { GraphRequestError } from './errors';
import { writeAndCheck, type CheckedWrite } from './read-back';
import type { TokenLifetimePolicy } from './types';
import { findOrganizationDefaults } from '../policy/rules';

export interface PolicyRef {
  id: string;
  displayName: string;
}

type Api = Pick<PoliciesApi, 'updatePolicy' | 'listPolicies'>;

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
export async function readOrganizationDefaults(api: Pick<PoliciesApi, 'listPolicies'>) {
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

/**
 * Stop `policy` being the organization default (the tenant is left with none). A failure without
 * a clear answer is checked against the tenant before anything is said.
 */
export function unsetOrganizationDefault(
  api: Pick<PoliciesApi, 'updatePolicy' | 'getPolicy'>,
  policyId: string,
  onChecking?: () => void,
): Promise<CheckedWrite> {
  return writeAndCheck(
    () => api.updatePolicy(policyId, { isOrganizationDefault: false }),
    async () => !(await api.getPolicy(policyId)).isOrganizationDefault,
    onChecking,
  );
}
