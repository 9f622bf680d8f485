import type { GraphCore } from './client';
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

interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

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
    core.call(async () => {
      const policies: TokenLifetimePolicy[] = [];
      let page: Collection<Record<string, unknown>> = await core
        .request(POLICIES, 'read', { signal })
        .get();
      policies.push(...page.value.map(stripOData));
      while (page['@odata.nextLink']) {
        page = await core.request(page['@odata.nextLink'], 'read', { signal }).get();
        policies.push(...page.value.map(stripOData));
      }
      return policies;
    });
  return {
    listPolicies,
    getPolicy: (id, { signal } = {}) =>
      core.call(async () =>
        stripOData(
          await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'read', { signal }).get(),
        ),
      ),
    createPolicy: (input) =>
      core.call(async () =>
        stripOData(
          await core
            .request(POLICIES, 'write', { retry: false })
            .post({ isOrganizationDefault: false, ...input }),
        ),
      ),
    updatePolicy: (id, patch) =>
      core.call(async () => {
        await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'write').patch(patch);
      }),
    deletePolicy: (id) =>
      core.call(async () => {
        await core.request(`${POLICIES}/${encodeURIComponent(id)}`, 'write').delete();
      }),
    listAppliesTo: (policyId, { signal } = {}) =>
      core.call(async () => {
        const objects: LinkedObject[] = [];
        let next: string | undefined =
          `${POLICIES}/${encodeURIComponent(policyId)}/appliesTo?$top=999`;
        while (next) {
          const page: Collection<Record<string, unknown>> = await core
            .request(next, 'read', { signal })
            .get();
          for (const raw of page.value) {
            const linked = toLinkedObject(raw);
            if (linked) objects.push(linked);
          }
          next = page['@odata.nextLink'];
        }
        return objects;
      }),
    findPoliciesByDisplayName: async (displayName) => {
      // tokenLifetimePolicies supports no $filter on displayName in every cloud: filter here.
      const all = await listPolicies();
      const wanted = displayName.trim().toLowerCase();
      return all.filter((p) => p.displayName.trim().toLowerCase() === wanted);
    },
  };
}
