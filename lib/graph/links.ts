// The link endpoints as $batch sub-requests, and what an object holds read back: the one place
// that knows their URLs (features compose them; they never build a Graph URL).
import { COLLECTIONS } from './directory';
import type { BatchRequest, BatchResult, ObjectType } from './types';

const linksOf = (kind: ObjectType, objectId: string) =>
  `${COLLECTIONS[kind]}/${encodeURIComponent(objectId)}/tokenLifetimePolicies`;

export const refBody = (graphBaseUrl: string, policyId: string) => ({
  '@odata.id': `${graphBaseUrl}/policies/tokenLifetimePolicies/${policyId}`,
});

export function linkRequest(
  graphBaseUrl: string,
  id: string,
  kind: ObjectType,
  objectId: string,
  policyId: string,
  dependsOn?: string[],
): BatchRequest {
  return {
    id,
    method: 'POST',
    url: `${linksOf(kind, objectId)}/$ref`,
    body: refBody(graphBaseUrl, policyId),
    dependsOn,
  };
}

export function unlinkRequest(
  id: string,
  kind: ObjectType,
  objectId: string,
  policyId: string,
): BatchRequest {
  return {
    id,
    method: 'DELETE',
    url: `${linksOf(kind, objectId)}/${encodeURIComponent(policyId)}/$ref`,
  };
}

/** GET what one object holds (0 or 1 policy); only its id is needed. */
export function linkedPolicyRequest(id: string, kind: ObjectType, objectId: string): BatchRequest {
  return { id, method: 'GET', url: `${linksOf(kind, objectId)}?$select=id` };
}

/** The policy id the object holds (null: none), or undefined when the read failed. */
export function linkedPolicyOf(result: BatchResult | undefined): string | null | undefined {
  if (result?.status !== 200) return undefined;
  return ((result.body as { value?: Array<{ id: string }> }).value ?? [])[0]?.id ?? null;
}
