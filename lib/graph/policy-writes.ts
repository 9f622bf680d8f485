// Policy writes with the safe-retry rules of GRAPH-CONTRACT.md: a create is never sent twice (the
// name is looked up before, and after a failure without a clear answer); an update or delete that
// failed without a clear answer is checked against the tenant before anything is said. The
// dashboard's forms and the desired-state apply (app and CLI) all write policies through here.
import { GraphRequestError } from './errors';
import type { PoliciesApi } from './policies';
import { writeAndCheck, type CheckedWrite } from './read-back';
import type { PolicyInput, TokenLifetimePolicy } from './types';

export type CreateOutcome =
  /** `error`: Graph's answer was lost, but the policy is there (found by name): it was created. */
  | { state: 'created'; policy: TokenLifetimePolicy; error?: unknown }
  /** Looked up before writing: a policy of this name exists. Nothing was written. */
  | { state: 'name-taken'; existing: TokenLifetimePolicy[] }
  /** The create failed without a clear answer and policies of this name exist: probably created. */
  | { state: 'maybe-created'; existing: TokenLifetimePolicy[]; error: unknown }
  | { state: 'not-created'; error: unknown }
  /** No clear answer, and the tenant could not be read back either. */
  | { state: 'unknown'; error: unknown; readError: unknown };

/** A refusal Graph decided before acting (400, 403, 404, 409 …): nothing was created. */
const definite = (error: unknown) =>
  error instanceof GraphRequestError && !error.ambiguous && error.status !== 429;

export async function createPolicyOnce(
  api: Pick<PoliciesApi, 'createPolicy' | 'findPoliciesByDisplayName'>,
  input: PolicyInput,
  {
    allowSameName = false,
    onChecking,
  }: {
    /** The admin saw the policies of the same name and asked for another one anyway. */
    allowSameName?: boolean;
    onChecking?: () => void;
  } = {},
): Promise<CreateOutcome> {
  const displayName = input.displayName.trim();
  if (!allowSameName) {
    // Nothing is written if this read fails: the error is the caller's to show.
    const existing = await api.findPoliciesByDisplayName(displayName);
    if (existing.length > 0) return { state: 'name-taken', existing };
  }
  try {
    return {
      state: 'created',
      policy: await api.createPolicy({ isOrganizationDefault: false, ...input, displayName }),
    };
  } catch (error) {
    if (definite(error)) return { state: 'not-created', error };
    // The POST may have been carried out without its answer reaching us: look, never repeat it.
    onChecking?.();
    let existing: TokenLifetimePolicy[];
    try {
      existing = await api.findPoliciesByDisplayName(displayName);
    } catch (readError) {
      return { state: 'unknown', error, readError };
    }
    if (existing.length === 0) return { state: 'not-created', error };
    // There was none before this request (looked up above): this request created it.
    if (allowSameName || existing.length > 1) return { state: 'maybe-created', existing, error };
    return { state: 'created', policy: existing[0], error };
  }
}

type PolicyPatch = Partial<Pick<TokenLifetimePolicy, 'displayName' | 'description' | 'definition'>>;

/** PATCH a policy; after a failure without a clear answer, read it back and compare. */
export function updatePolicyChecked(
  api: Pick<PoliciesApi, 'updatePolicy' | 'getPolicy'>,
  policyId: string,
  patch: PolicyPatch,
  onChecking?: () => void,
): Promise<CheckedWrite> {
  return writeAndCheck(
    () => api.updatePolicy(policyId, patch),
    async () => {
      const now = await api.getPolicy(policyId);
      return (
        (patch.displayName === undefined || now.displayName === patch.displayName) &&
        (patch.description === undefined ||
          (now.description ?? null) === (patch.description ?? null)) &&
        (patch.definition === undefined ||
          JSON.stringify(now.definition) === JSON.stringify(patch.definition))
      );
    },
    onChecking,
  );
}

/**
 * An edit as the dashboard saves it: the PATCH (checked as above), then that one policy read back
 * (one request) so the caller's cached copy shows what the tenant holds — not the whole tenant.
 * `policy` is absent when the edit did not go through or the read-back failed.
 */
export async function updatePolicyAndReadBack(
  api: Pick<PoliciesApi, 'updatePolicy' | 'getPolicy'>,
  policyId: string,
  patch: PolicyPatch,
  onChecking?: () => void,
): Promise<CheckedWrite & { policy?: TokenLifetimePolicy }> {
  const result = await updatePolicyChecked(api, policyId, patch, onChecking);
  if (result.state !== 'done') return result;
  try {
    return { ...result, policy: await api.getPolicy(policyId) };
  } catch {
    return result;
  }
}

/** DELETE a policy; after a failure without a clear answer, a 404 on reading it means it is gone. */
export function deletePolicyChecked(
  api: Pick<PoliciesApi, 'deletePolicy' | 'getPolicy'>,
  policyId: string,
  onChecking?: () => void,
): Promise<CheckedWrite> {
  return writeAndCheck(
    () => api.deletePolicy(policyId),
    () =>
      api.getPolicy(policyId).then(
        () => false,
        (error: unknown) => {
          if (error instanceof GraphRequestError && error.status === 404) return true;
          throw error;
        },
      ),
    onChecking,
  );
}
