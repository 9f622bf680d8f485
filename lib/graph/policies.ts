import type { GraphCore } from './client';
import { readAllPages } from './paging';
import type { LinkedObject, ObjectType, PolicyInput, TokenLifetimePolicy } from './types';

/** Reads stop when the page that asked for them is left. */
export interface ReadOptions {
  signal?: AbortSignal;
}

export interface PoliciesApi {
  listPolicies(options?: ReadOptions): Promise<TokenLifetimePolicy[]>;
  getPolicy(id: string, options?: ReadOptions): Promise<TokenLifetimePolicy>;
  /** Never retried: a second POST could make a duplicate. After an ambiguous failure, look it up. */
  createPolicy(input: PolicyInput): Promise<TokenLifetimePolicy>;
  updatePolicy(id: string, patch: Partial<PolicyInput>): Promise<void>;
  deletePolicy(id: string): Promise<void>;
  listAppliesTo(policyId: string, options?: ReadOptions): Promise<LinkedObject[]>;
  findPoliciesByDisplayName(displayName: string): Promise<TokenLifetimePolicy[]>;
}

const POLICIES = '/policies/tokenLifetimePolicies';

export function toLinkedObject(raw: Record<string, unknown>): LinkedObject | undefined {
  const type = String(raw['@odata.type'] ?? '');
  const objectType: ObjectType | undefined = type.endsWith('.application')
    ? 'application'
    : type.endsWith('.servicePrincipal')
      ? 'servicePrincipal'
      : undefined;
  if (!objectType) return undefined;
  return {
    objectType,
    id: String(raw.id),
    appId: String(raw.appId ?? ''),
    displayName: String(raw.displayName ?? ''),
  };
}

export function stripOData(raw: Record<string, unknown>): TokenLifetimePolicy {
  return {
    id: String(raw.id),
    displayName: String(raw.displayName ?? ''),
    description: (raw.description as string | null | undefined) ?? null,
    isOrganizationDefault: raw.isOrganizationDefault === true,
    definition: Array.isArray(raw.definition) ? (raw.definition as string[]) : [],
    deletedDateTime: (raw.deletedDateTime as string | null | undefined) ?? null,
  };
}

export function createPoliciesApi(core: GraphCore): PoliciesApi {
  const listPolicies = ({ signal }: ReadOptions = {}) =>
    core.call(async () =>
      (await readAllPages<Record<string, unknown>>(core, POLICIES, { signal })).map(stripOData),
    );
  return {
    listPolicies,
    getPolicy: (id, { signal } = {}) =>
      core.call(async () =>
        stripOData(
          await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'read', { signal }).get(),
        ),
      ),
    createPolicy: (input) =>
      core.write(async () =>
        stripOData(
          await core
            .request(POLICIES, 'write', { retry: false })
            .post({ isOrganizationDefault: false, ...input }),
        ),
      ),
    updatePolicy: (id, patch) =>
      core.write(async () => {
        await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'write').patch(patch);
      }),
    deletePolicy: (id) =>
      core.write(async () => {
        await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'write').delete();
      }),
    listAppliesTo: (policyId, { signal } = {}) =>
      core.call(async () =>
        (
          await readAllPages<Record<string, unknown>>(
            core,
            `${POLICIES}/${encodeURIComponent(policyId)}/appliesTo?$top=999`,
            { signal },
          )
        ).flatMap((raw) => toLinkedObject(raw) ?? []),
      ),
    findPoliciesByDisplayName: async (displayName) => {
      // tokenLifetimePolicies supports no $filter on displayName in every cloud: filter here.
      const all = await listPolicies();
      const wanted = displayName.trim().toLowerCase();
      return all.filter((p) => p.displayName.trim().toLowerCase() === wanted);
    },
  };
}
