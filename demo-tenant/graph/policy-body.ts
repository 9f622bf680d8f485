// What a tokenLifetimePolicy looks like on the wire, and which request bodies Graph accepts for it.
// The definition rules (23:59:59 maximum, Version 1, no new retired settings) live in lib/policy.
import { checkDefinitionForWrite } from '../../lib/policy/definition';
import type { TokenLifetimePolicy } from '../../lib/policy/types';
import { GraphHttpError } from './errors';

export function policyJson(policy: TokenLifetimePolicy) {
  return {
    id: policy.id,
    deletedDateTime: policy.deletedDateTime ?? null,
    description: policy.description ?? null,
    displayName: policy.displayName,
    definition: policy.definition,
    isOrganizationDefault: policy.isOrganizationDefault,
  };
}

export function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphHttpError(
      400,
      'Request_BadRequest',
      'The request body is missing or is not a JSON object.',
    );
  }
  return body as Record<string, unknown>;
}

const WRITABLE = new Set(['displayName', 'description', 'definition', 'isOrganizationDefault']);

export function validatedPolicyFields(
  body: Record<string, unknown>,
  stored?: TokenLifetimePolicy,
): Partial<TokenLifetimePolicy> {
  const creating = stored === undefined;
  for (const key of Object.keys(body)) {
    if (!WRITABLE.has(key) && !key.startsWith('@odata')) {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        `Property '${key}' does not exist on type 'microsoft.graph.tokenLifetimePolicy' or cannot be written.`,
      );
    }
  }
  const fields: Partial<TokenLifetimePolicy> = {};
  if (creating || 'displayName' in body) {
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        'Property displayName has an invalid value: a display name is required.',
      );
    }
    if (body.displayName.length > 256)
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        'Property displayName exceeds the maximum length of 256.',
      );
    fields.displayName = body.displayName;
  }
  if ('description' in body) {
    if (body.description !== null && typeof body.description !== 'string') {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        'Property description has an invalid value.',
      );
    }
    fields.description = body.description as string | null;
  }
  if (creating || 'definition' in body) {
    // lib/policy holds the rules (23:59:59 maximum, Version 1, no new retired settings) and the
    // message Graph gives for each.
    const check = checkDefinitionForWrite(body.definition, stored?.definition);
    if (!check.ok) throw new GraphHttpError(400, 'Request_BadRequest', check.graphMessage);
    fields.definition = body.definition as string[];
  }
  if ('isOrganizationDefault' in body) {
    if (typeof body.isOrganizationDefault !== 'boolean') {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        'Property isOrganizationDefault has an invalid value.',
      );
    }
    fields.isOrganizationDefault = body.isOrganizationDefault;
  }
  return fields;
}
