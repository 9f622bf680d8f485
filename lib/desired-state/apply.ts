// Carrying out plan steps against Graph, one at a time, each checked against the tenant as it is
// now: a create looks the name up first and is never retried blindly (GRAPH-CONTRACT.md, "Safe
// retries"); an update or unlink re-reads the object and stops if it changed since the plan.
// The Graph calls come in as a port, so this stays free of React and of any one Graph client.
import { buildDefinition, parseDefinition } from '../policy/definition';
import { nameKey, type LinkedObjectKind } from './baseline';
import type { PlanStep } from './plan';

interface PolicyLike {
  id: string;
  displayName: string;
  description?: string | null;
  isOrganizationDefault: boolean;
  definition: string[];
}

/** What applying needs of Graph (lib/graph's GraphApi has all of it). */
export interface DesiredStateGraph {
  getPolicy(id: string): Promise<PolicyLike>;
  findPoliciesByDisplayName(displayName: string): Promise<PolicyLike[]>;
  createPolicy(input: {
    displayName: string;
    description?: string | null;
    definition: string[];
    isOrganizationDefault?: boolean;
  }): Promise<PolicyLike>;
  updatePolicy(
    id: string,
    patch: { description?: string | null; definition?: string[]; isOrganizationDefault?: boolean },
  ): Promise<void>;
  deletePolicy(id: string): Promise<void>;
  getLinkedPolicy(kind: LinkedObjectKind, objectId: string): Promise<{ id: string } | undefined>;
  linkPolicy(kind: LinkedObjectKind, objectId: string, policyId: string): Promise<void>;
  unlinkPolicy(kind: LinkedObjectKind, objectId: string, policyId: string): Promise<void>;
}

export type StepOutcome =
  | { status: 'done'; note?: string; createdPolicyId?: string }
  | { status: 'stale'; message: string }
  | { status: 'failed'; error: unknown; message: string };

/** Resolves policies a previous step created, by name. */
export type CreatedPolicies = Map<string, string>;

class StaleError extends Error {}

const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : 'Microsoft Graph did not answer.';

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
        const existing = await graph.findPoliciesByDisplayName(step.policy.name);
        if (existing.length > 0) {
          created.set(nameKey(step.policy.name), existing[0].id);
          return {
            status: 'stale',
            message: `A policy named '${existing[0].displayName}' exists already (made since the comparison, or by an earlier attempt): compare again.`,
          };
        }
        const input = {
          displayName: step.policy.name,
          description: step.description,
          definition: buildDefinition({ accessTokenLifetimeSeconds: step.lifetimeSeconds }),
          isOrganizationDefault: false,
        };
        try {
          const policy = await graph.createPolicy(input);
          created.set(nameKey(step.policy.name), policy.id);
          return { status: 'done', createdPolicyId: policy.id };
        } catch (error) {
          // The POST may have been carried out without an answer reaching us: look, don't repeat.
          const after = await graph.findPoliciesByDisplayName(step.policy.name).catch(() => []);
          if (after.length > 0) {
            created.set(nameKey(step.policy.name), after[0].id);
            return {
              status: 'done',
              createdPolicyId: after[0].id,
              note: 'Graph did not confirm, but the policy is there: it was created.',
            };
          }
          throw error;
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
        await graph.updatePolicy(step.policy.policyId, {
          definition: buildDefinition({
            base: now.definition,
            accessTokenLifetimeSeconds: step.to.lifetimeSeconds,
          }),
          description: step.to.description,
        });
        return { status: 'done' };
      }
      case 'delete-policy': {
        await graph.getPolicy(step.policy.policyId);
        await graph.deletePolicy(step.policy.policyId);
        return { status: 'done' };
      }
      case 'set-organization-default': {
        // Entra holds one default at most: the old one is unset before the new one is set.
        if (step.from) {
          const now = await graph.getPolicy(step.from.policyId);
          if (now.isOrganizationDefault)
            await graph.updatePolicy(step.from.policyId, { isOrganizationDefault: false });
        }
        if (step.to) {
          const id = policyIdOf(step.to);
          try {
            await graph.updatePolicy(id, { isOrganizationDefault: true });
          } catch (error) {
            if (step.from)
              await graph
                .updatePolicy(step.from.policyId, { isOrganizationDefault: true })
                .catch(() => undefined);
            throw error;
          }
        }
        return { status: 'done' };
      }
      case 'unlink': {
        const held = await graph.getLinkedPolicy(step.target.object, step.target.objectId);
        if (!held) return { status: 'done', note: 'It held no policy any more.' };
        if (held.id !== step.policy.policyId)
          throw new StaleError(
            `${step.target.displayName} holds another policy now: compare again.`,
          );
        await graph.unlinkPolicy(step.target.object, step.target.objectId, step.policy.policyId);
        return { status: 'done' };
      }
      case 'link':
      case 'replace': {
        const to = policyIdOf(step.policy);
        const expected = step.kind === 'replace' ? step.from.policyId : undefined;
        const held = await graph.getLinkedPolicy(step.target.object, step.target.objectId);
        if (held?.id === to) return { status: 'done', note: 'It held this policy already.' };
        if (held?.id !== expected)
          throw new StaleError(
            `${step.target.displayName} holds another policy now: compare again.`,
          );
        if (held) await graph.unlinkPolicy(step.target.object, step.target.objectId, held.id);
        try {
          await graph.linkPolicy(step.target.object, step.target.objectId, to);
        } catch (error) {
          if (held)
            await graph
              .linkPolicy(step.target.object, step.target.objectId, held.id)
              .catch(() => undefined);
          throw error;
        }
        return { status: 'done' };
      }
    }
  } catch (error) {
    if (error instanceof StaleError) return { status: 'stale', message: error.message };
    return { status: 'failed', error, message: errorMessage(error) };
  }
}
