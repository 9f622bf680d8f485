// Plan steps in the admin's words, for the plan and its results (and any command-line tool).
import { formatDuration } from '../policy/format';
import type { PlanStep } from './plan';

const objectWords = (o: 'application' | 'servicePrincipal') =>
  o === 'application' ? 'application object' : 'service principal';

const lifetime = (seconds: number | null) =>
  seconds === null ? 'unreadable' : formatDuration(seconds);

export function describeStep(step: PlanStep): string {
  switch (step.kind) {
    case 'create-policy':
      return `Create policy “${step.policy.name}” (${formatDuration(step.lifetimeSeconds)})`;
    case 'update-policy': {
      const parts: string[] = [];
      if (step.from.lifetimeSeconds !== step.to.lifetimeSeconds)
        parts.push(
          `lifetime ${lifetime(step.from.lifetimeSeconds)} → ${lifetime(step.to.lifetimeSeconds)}`,
        );
      if (step.from.description !== step.to.description)
        parts.push(`description “${step.from.description ?? ''}” → “${step.to.description ?? ''}”`);
      return `Change “${step.policy.name}”: ${parts.join('; ')}`;
    }
    case 'delete-policy':
      return `Delete policy “${step.policy.name}” (its links go with it)`;
    case 'set-organization-default':
      return step.to
        ? `Make “${step.to.name}” the organization default (now: ${step.from ? `“${step.from.name}”` : 'none'})`
        : `Remove the organization default from “${step.from?.name ?? ''}”`;
    case 'link':
      return `Link “${step.policy.name}” to ${step.target.displayName} (${objectWords(step.target.object)})`;
    case 'unlink':
      return `Unlink “${step.policy.name}” from ${step.target.displayName} (${objectWords(step.target.object)})`;
    case 'replace':
      return `Replace “${step.from.name}” with “${step.policy.name}” on ${step.target.displayName} (${objectWords(step.target.object)})`;
  }
}

/** Steps that change every app of the tenant at once: the admin confirms them separately. */
export function isTenantWide(step: PlanStep): boolean {
  return step.kind === 'set-organization-default';
}
