// Carrying out plan steps against Graph, one at a time, each checked against the tenant as it is
// now, through lib/graph's safe write paths (the same as the dashboard's forms and link buttons):
// a create looks the name up first and is never retried blindly (GRAPH-CONTRACT.md, "Safe
// retries"); links, replaces and the default switch read first, roll back a half-done step and
// read back; an update or unlink stops if the tenant changed since the plan.
// The Graph calls come in as a port, so this stays free of React and of any one Graph client.
import type { LinksApi } from '../graph/links';
import { setObjectPolicy, type LinkOutcome } from '../graph/link-writes';
import { switchOrganizationDefault, unsetOrganizationDefault } from '../graph/organization-default';
import type { PoliciesApi } from '../graph/policies';
import { createPolicyOnce, deletePolicyChecked, updatePolicyChecked } from '../graph/policy-writes';
import type { CheckedWrite } from '../graph/read-back';
import type { TokenLifetimePolicy } from '../graph/types';
import { buildDefinition, parseDefinition } from '../policy/definition';
import { nameKey } from './baseline';
import type { PlanStep } from './plan';

/** What applying needs of Graph (lib/graph's GraphApi has all of it). */
export type DesiredStateGraph = Pick<
  PoliciesApi,
  | 'getPolicy'
  | 'listPolicies'
  | 'findPoliciesByDisplayName'
  | 'createPolicy'
  | 'updatePolicy'
  | 'deletePolicy'
> &
  LinksApi;

/**
 * What a step changed in the tenant, as read back, so that a cached copy of the tenant can be
 * patched instead of read again.
 */
export type StepEffect =
  /** Created or updated: `policy` as Graph returned it, else to be read again by id. */
  | { kind: 'policy-saved'; policyId: string; policy?: TokenLifetimePolicy }
  | { kind: 'policy-deleted'; policyId: string }
  /** An object's link, as read back (failed steps too: a half-done replace is shown as it is). */
  | { kind: 'link'; outcome: LinkOutcome }
  /** The organization defaults, as read back. */
  | { kind: 'organization-defaults'; policyIds: string[] };

export type StepOutcome = (
  | { status: 'done'; note?: string; createdPolicyId?: string }
  | { status: 'stale'; message: string }
  | { status: 'failed'; error: unknown; message: string }
) & { effect?: StepEffect };

/** Resolves policies a previous step created, by name. */
export type CreatedPolicies = Map<string, string>;

class StaleError extends Error {}

const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : 'Microsoft Graph did not answer.';

/** A checked write that did not end as meant, as the step's failure. */
function unless(result: CheckedWrite): void {
  if (result.state !== 'done') throw result.error;
}

/** A link step's outcome, read back, as the step's. */
function linkStep(outcome: LinkOutcome, displayName: string): StepOutcome {
  return { ...linkStatus(outcome, displayName), effect: { kind: 'link', outcome } };
}

function linkStatus(outcome: LinkOutcome, displayName: string): StepOutcome {
  switch (outcome.status) {
    case 'changed-elsewhere':
      return {
        status: 'stale',
        message: `${displayName} holds another policy now: compare again.`,
      };
    case 'already-linked':
      return { status: 'done', note: 'It held this policy already.' };
    case 'not-linked':
      return { status: 'done', note: 'It held no policy any more.' };
    case 'failed': {
      const error = outcome.restoreError ?? outcome.error;
      const state =
        outcome.nowPolicyId === undefined
          ? 'what it holds now could not be read back'
          : outcome.nowPolicyId === outcome.previousPolicyId
            ? 'it is unchanged'
            : outcome.nowPolicyId
              ? 'it holds another policy now'
              : 'it holds no policy now';
      return {
        status: 'failed',
        error,
        message: `${error ? errorMessage(error) : 'The link was not changed.'} (${state})`,
      };
    }
    default:
      return { status: 'done' };
  }
}

/** Runs one step. Never throws: the outcome says what happened and whether to plan again. */
export async function applyStep(
  graph: DesiredStateGraph,
  step: PlanStep,
  created: CreatedPolicies,
): Promise<StepOutcome> {
  const policyIdOf = (ref: { policyId?: string; name: string }) => {
    const id = ref.policyId ?? created.get(nameKey(ref.name));
    if (!id) throw new StaleError(`'${ref.name}' does not exist yet: apply its create step first.`);
    return id;
  };
  try {
    switch (step.kind) {
      case 'create-policy': {
        const outcome = await createPolicyOnce(graph, {
          displayName: step.policy.name,
          description: step.description,
          definition: buildDefinition({ accessTokenLifetimeSeconds: step.lifetimeSeconds }),
          isOrganizationDefault: false,
        });
        switch (outcome.state) {
          case 'created':
            created.set(nameKey(step.policy.name), outcome.policy.id);
            return {
              status: 'done',
              createdPolicyId: outcome.policy.id,
              effect: { kind: 'policy-saved', policyId: outcome.policy.id, policy: outcome.policy },
              ...(outcome.error !== undefined && {
                note: 'Graph did not confirm, but the policy is there: it was created.',
              }),
            };
          case 'name-taken':
          case 'maybe-created':
            created.set(nameKey(step.policy.name), outcome.existing[0].id);
            return {
              status: 'stale',
              message: `A policy named '${outcome.existing[0].displayName}' exists already (made since the comparison, or by an earlier attempt): compare again.`,
            };
          default:
            throw outcome.error;
        }
      }
      case 'update-policy': {
        const now = await graph.getPolicy(step.policy.policyId);
        const seconds = parseDefinition(now.definition).accessTokenLifetimeSeconds;
        if (
          seconds !== step.from.lifetimeSeconds ||
          (now.description ?? null) !== step.from.description
        )
          throw new StaleError(`'${now.displayName}' changed since the comparison: compare again.`);
        unless(
          await updatePolicyChecked(graph, step.policy.policyId, {
            definition: buildDefinition({
              base: now.definition,
              accessTokenLifetimeSeconds: step.to.lifetimeSeconds,
            }),
            description: step.to.description,
          }),
        );
        return { status: 'done', effect: { kind: 'policy-saved', policyId: step.policy.policyId } };
      }
      case 'delete-policy': {
        await graph.getPolicy(step.policy.policyId);
        unless(await deletePolicyChecked(graph, step.policy.policyId));
        return {
          status: 'done',
          effect: { kind: 'policy-deleted', policyId: step.policy.policyId },
        };
      }
      case 'set-organization-default': {
        const previous = step.from && { id: step.from.policyId, displayName: step.from.name };
        if (!step.to) {
          if (previous) unless(await unsetOrganizationDefault(graph, previous.id));
          return { status: 'done', effect: { kind: 'organization-defaults', policyIds: [] } };
        }
        const wanted = { id: policyIdOf(step.to), displayName: step.to.name };
        const outcome = await switchOrganizationDefault(graph, wanted, previous ?? undefined);
        if (outcome.changedElsewhere)
          throw new StaleError(
            'The organization default changed since the comparison: compare again.',
          );
        const now = outcome.defaultsNow;
        const effect: StepEffect | undefined = now && {
          kind: 'organization-defaults',
          policyIds: now.map((p) => p.id),
        };
        if (now?.length === 1 && now[0].id === wanted.id) return { status: 'done', effect };
        const error = outcome.rollbackError ?? outcome.error ?? outcome.readBackError;
        return {
          effect,
          status: 'failed',
          error,
          message: `${errorMessage(error)} (organization default now: ${
            now === undefined
              ? 'could not be read back'
              : now.map((p) => `'${p.displayName}'`).join(', ') || 'none'
          })`,
        };
      }
      case 'unlink':
        return linkStep(
          await setObjectPolicy(graph, targetOf(step.target), null, {
            expectedPrevious: step.policy.policyId,
          }),
          step.target.displayName,
        );
      case 'link':
      case 'replace':
        return linkStep(
          await setObjectPolicy(graph, targetOf(step.target), policyIdOf(step.policy), {
            expectedPrevious: step.kind === 'replace' ? step.from.policyId : null,
          }),
          step.target.displayName,
        );
    }
  } catch (error) {
    if (error instanceof StaleError) return { status: 'stale', message: error.message };
    return { status: 'failed', error, message: errorMessage(error) };
  }
}

const targetOf = (target: {
  object: 'application' | 'servicePrincipal';
  objectId: string;
  appId: string;
  displayName: string;
}) => ({
  objectType: target.object,
  objectId: target.objectId,
  appId: target.appId,
  displayName: target.displayName,
});
