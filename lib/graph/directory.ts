import type { GraphCore } from './client';
import { stripOData } from './policies';
import {
  APPLICATION_FIELDS,
  SERVICE_PRINCIPAL_FIELDS,
  type ApplicationObject,
  type ObjectType,
  type Page,
  type ServicePrincipalObject,
  type TokenLifetimePolicy,
} from './types';

export interface DirectorySearch {
  /** Words of the display name ($search, needs ConsistencyLevel: eventual). */
  text?: string;
  appId?: string;
  objectId?: string;
  kind: ObjectType;
  /** Only service principals of this type (e.g. ManagedIdentity). */
  servicePrincipalType?: string;
  top?: number;
  signal?: AbortSignal;
}

export interface DirectoryObjectsApi {
  /** Every page of a collection, $select'ed, $top=999, nextLink followed as given. */
  pagesOf<T extends ApplicationObject | ServicePrincipalObject>(
    kind: ObjectType,
    onPage?: (items: T[]) => void,
    options?: { signal?: AbortSignal },
  ): Promise<T[]>;
  getObject(kind: 'application', id: string): Promise<ApplicationObject>;
  getObject(kind: 'servicePrincipal', id: string): Promise<ServicePrincipalObject>;
  /**
   * The policy one object holds. Write paths only: Graph asks for Application.ReadWrite.All here
   * (lib/graph/linked-policies.ts), so it goes with write scopes; readers use appliesTo.
   */
  getLinkedPolicy(kind: ObjectType, id: string): Promise<TokenLifetimePolicy | undefined>;
  linkPolicy(kind: ObjectType, objectId: string, policyId: string): Promise<void>;
  unlinkPolicy(kind: ObjectType, objectId: string, policyId: string): Promise<void>;
  searchDirectory(
    search: DirectorySearch,
  ): Promise<Page<ApplicationObject | ServicePrincipalObject>>;
}

export const COLLECTIONS: Record<ObjectType, string> = {
  application: '/applications',
  servicePrincipal: '/servicePrincipals',
};
export const FIELDS: Record<ObjectType, string[]> = {
  application: APPLICATION_FIELDS,
  servicePrincipal: SERVICE_PRINCIPAL_FIELDS,
};

interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

const quote = (value: string) => value.replace(/'/g, "''");

export function createDirectoryApi(core: GraphCore): DirectoryObjectsApi {
  const pagesOf = <T>(
    kind: ObjectType,
    onPage?: (items: T[]) => void,
    { signal }: { signal?: AbortSignal } = {},
  ) =>
    core.call(async () => {
      const all: T[] = [];
      let next: string | undefined =
        `${COLLECTIONS[kind]}?$select=${FIELDS[kind].join(',')}&$top=999`;
      while (next) {
        const page: Collection<T> = await core.request(next, 'read', { signal }).get();
        all.push(...page.value);
        onPage?.(page.value);
        next = page['@odata.nextLink'];
      }
      return all;
    });

  return {
    pagesOf,
    getObject: ((kind: ObjectType, id: string) =>
      core.call(() =>
        core
          .request(
            `${COLLECTIONS[kind]}/${encodeURIComponent(id)}?$select=${FIELDS[kind].join(',')}`,
            'read',
          )
          .get(),
      )) as DirectoryObjectsApi['getObject'],
    getLinkedPolicy: (kind, id) =>
      core.call(async () => {
        const page: Collection<Record<string, unknown>> = await core
          .request(`${COLLECTIONS[kind]}/${encodeURIComponent(id)}/tokenLifetimePolicies`, 'write')
          .get();
        return page.value[0] ? stripOData(page.value[0]) : undefined;
      }),
    linkPolicy: (kind, objectId, policyId) =>
      core.call(async () => {
        await core
          .request(
            `${COLLECTIONS[kind]}/${encodeURIComponent(objectId)}/tokenLifetimePolicies/$ref`,
            'write',
          )
          .post({ '@odata.id': `${core.graphBaseUrl}/policies/tokenLifetimePolicies/${policyId}` });
      }),
    unlinkPolicy: (kind, objectId, policyId) =>
      core.call(async () => {
        await core
          .request(
            `${COLLECTIONS[kind]}/${encodeURIComponent(objectId)}/tokenLifetimePolicies/${encodeURIComponent(policyId)}/$ref`,
            'write',
          )
          .delete();
      }),
    searchDirectory: (search) =>
      core.call(async () => {
        const params = new URLSearchParams({
          $select: FIELDS[search.kind].join(','),
          $top: String(search.top ?? 25),
          $count: 'true',
        });
        if (search.appId) params.set('$filter', `appId eq '${quote(search.appId)}'`);
        else if (search.objectId) params.set('$filter', `id eq '${quote(search.objectId)}'`);
        else if (search.servicePrincipalType)
          params.set('$filter', `servicePrincipalType eq '${quote(search.servicePrincipalType)}'`);
        if (search.text?.trim())
          params.set('$search', `"displayName:${search.text.trim().replace(/"/g, '')}"`);
        // $search and $count need ConsistencyLevel: eventual, on every page.
        const request = core.request(`${COLLECTIONS[search.kind]}?${params.toString()}`, 'read', {
          headers: { ConsistencyLevel: 'eventual' },
        });
        if (search.signal) request.option('signal', search.signal);
        const page: Collection<ApplicationObject | ServicePrincipalObject> = await request.get();
        return {
          value: page.value,
          nextLink: page['@odata.nextLink'],
          count: page['@odata.count'],
        };
      }),
  };
}
