// The link endpoints as $batch sub-requests: the one place that knows their URLs (features compose
// them; they never build a Graph URL). Reading what an object holds: linked-policies.ts.
import { COLLECTIONS } from './directory';
import type { BatchRequest, ObjectType } from './types';

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
