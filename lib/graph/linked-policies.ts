// Which policy an object holds, read object by object: for WRITE paths only (re-read before
// replacing a link). Microsoft's permissions tables (serviceprincipal-list-tokenlifetimepolicies,
// application-list-tokenlifetimepolicies) ask for Policy.Read.All AND Application.ReadWrite.All
// here, so these reads go with write scopes; a reader learns links from
// /policies/tokenLifetimePolicies/{id}/appliesTo (Policy.Read.All), as loadDirectoryIndex does.
import type { BatchApi } from './batch';
import type { BatchProgress, ObjectType } from './types';

export const LINKED_POLICY_COLLECTIONS: Record<ObjectType, string> = {
  application: '/applications',
  servicePrincipal: '/servicePrincipals',
};

export interface LinkedPolicyTarget {
  objectType: ObjectType;
  objectId: string;
}

/** objectId → the id of the policy it holds (undefined: none); objects that could not be read are absent. */
export async function readLinkedPolicyIds(
  api: BatchApi,
  targets: LinkedPolicyTarget[],
  onProgress?: (progress: BatchProgress) => void,
): Promise<Map<string, string | undefined>> {
  const results = await api.runBatch(
    targets.map((t, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: `${LINKED_POLICY_COLLECTIONS[t.objectType]}/${t.objectId}/tokenLifetimePolicies?$select=id`,
    })),
    { access: 'write', onProgress },
  );
  const current = new Map<string, string | undefined>();
  results.forEach((result, i) => {
    if (result.status === 200)
      current.set(
        targets[i].objectId,
        ((result.body as { value?: Array<{ id: string }> }).value ?? [])[0]?.id,
      );
  });
  return current;
}
