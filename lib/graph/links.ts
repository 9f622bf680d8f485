// The link endpoints: the one place that knows their URLs and $ref bodies, as single calls and as
// $batch sub-requests. Which policy an object holds is read here too — on WRITE paths only:
// Microsoft's permissions tables (serviceprincipal-list-tokenlifetimepolicies,
// application-list-tokenlifetimepolicies) ask for Policy.Read.All AND Application.ReadWrite.All
// for it, so these reads go with write scopes; a reader learns links from
// /policies/tokenLifetimePolicies/{id}/appliesTo (Policy.Read.All), as loadDirectoryIndex does.
// The multi-step writes built on these (replace, bulk, repair) are in link-writes.ts.
import type { BatchApi } from './batch';
import type { GraphCore } from './client';
import { COLLECTIONS } from './directory';
import { stripOData } from './policies';
import type {
  BatchProgress,
  BatchRequest,
  GraphCollection,
  ObjectType,
  TokenLifetimePolicy,
} from './types';

export interface LinksApi {
  /** The policy one object holds (write scopes, see above). */
  getLinkedPolicy(kind: ObjectType, id: string): Promise<TokenLifetimePolicy | undefined>;
  linkPolicy(kind: ObjectType, objectId: string, policyId: string): Promise<void>;
  unlinkPolicy(kind: ObjectType, objectId: string, policyId: string): Promise<void>;
}

const linksOf = (kind: ObjectType, objectId: string) =>
  `${COLLECTIONS[kind]}/${encodeURIComponent(objectId)}/tokenLifetimePolicies`;

const refOf = (kind: ObjectType, objectId: string, policyId: string) =>
  `${linksOf(kind, objectId)}/${encodeURIComponent(policyId)}/$ref`;

/** Graph wants the policy as an absolute @odata.id (tokenlifetimepolicy-post-appliesto). */
const refBody = (graphBaseUrl: string, policyId: string) => ({
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
  return { id, method: 'DELETE', url: refOf(kind, objectId, policyId) };
}

export function createLinksApi(core: GraphCore): LinksApi {
  return {
    getLinkedPolicy: (kind, id) =>
      core.call(async () => {
        const page: GraphCollection<Record<string, unknown>> = await core
          .request(linksOf(kind, id), 'write')
          .get();
        return page.value?.[0] ? stripOData(page.value[0]) : undefined;
      }),
    linkPolicy: (kind, objectId, policyId) =>
      core.write(async () => {
        await core
          .request(`${linksOf(kind, objectId)}/$ref`, 'write')
          .post(refBody(core.graphBaseUrl, policyId));
      }),
    unlinkPolicy: (kind, objectId, policyId) =>
      core.write(async () => {
        await core.request(refOf(kind, objectId, policyId), 'write').delete();
      }),
  };
}

interface LinkedPolicyTarget {
  objectType: ObjectType;
  objectId: string;
}

/**
 * What each object holds now: one GET per object, sent 20 to a $batch, with write scopes (see
 * above). objectId → the id of the policy it holds (null: none); objects that could not be read
 * are absent.
 */
export async function readLinkedPolicyIds(
  api: BatchApi,
  targets: LinkedPolicyTarget[],
  onProgress?: (progress: BatchProgress) => void,
): Promise<Map<string, string | null>> {
  const results = await api.runBatch(
    targets.map((t, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: `${linksOf(t.objectType, t.objectId)}?$select=id`,
    })),
    { access: 'write', onProgress },
  );
  const current = new Map<string, string | null>();
  results.forEach((result, i) => {
    if (result.status === 200)
      current.set(
        targets[i].objectId,
        ((result.body as GraphCollection<{ id: string }>).value ?? [])[0]?.id ?? null,
      );
  });
  return current;
}
