// Reads for issue 19: who may obtain tokens for a resource (app role assignments and delegated
// grants on its service principal) and the Conditional Access policies that govern sessions.
// The reach of R resources is 3R GET requests (the resource's app roles, appRoleAssignedTo,
// oauth2PermissionGrants filtered by resourceId), sent as $batch: ⌈3R / 20⌉ round trips when each
// answer fits one page — the lower bound — plus one batched round per further page.
import { relativeToGraph } from './client';
import type { GraphCore, GraphApi } from './client';
import { graphErrorFrom } from './errors';
import { readAllPages } from './paging';
import type { BatchRequest, GraphCollection } from './types';
import type { AppRoleAssignment, DelegatedPermissionGrant, ResourceAppRole } from '../policy/reach';
import type { ConditionalAccessPolicy } from '../policy/conditional-access';

export const APP_ROLE_ASSIGNMENT_FIELDS = [
  'id',
  'appRoleId',
  'principalId',
  'principalType',
  'principalDisplayName',
  'resourceId',
  'createdDateTime',
];
export const GRANT_FIELDS = ['id', 'clientId', 'consentType', 'principalId', 'resourceId', 'scope'];

/** What could not be read, in the admin's words, with what Graph said. */
export interface Unreadable {
  status: number;
  code: string;
  requestId?: string;
  why: string;
}

export interface ReachReadout {
  resourceId: string;
  appRoles: ResourceAppRole[];
  assignments: AppRoleAssignment[];
  grants: DelegatedPermissionGrant[];
  unreadable: { assignments?: Unreadable; grants?: Unreadable };
}

export type ReachPart = 'roles' | 'assignments' | 'grants';

export const REACH_NEEDS: Record<ReachPart, string> = {
  roles: 'Application.Read.All',
  assignments: 'Application.Read.All',
  grants: 'Directory.Read.All',
};

const WHAT: Record<ReachPart, string> = {
  roles: 'the app roles this API defines',
  assignments: 'application permissions (app role assignments)',
  grants: 'delegated permission grants',
};

export function unreadableWhy(part: ReachPart, status: number): string {
  if (status === 403)
    return `Graph refused to list ${WHAT[part]} (403): reading them needs ${REACH_NEEDS[part]}, and your account or the dashboard was not granted it.`;
  if (status === 404)
    return `The service principal no longer exists, so ${WHAT[part]} cannot be read.`;
  return `Graph could not list ${WHAT[part]} (HTTP ${status}).`;
}

export function reachRequests(resourceId: string, index: number): BatchRequest[] {
  const id = encodeURIComponent(resourceId);
  return [
    { id: `roles-${index}`, method: 'GET', url: `/servicePrincipals/${id}?$select=id,appRoles` },
    {
      id: `assignments-${index}`,
      method: 'GET',
      url: `/servicePrincipals/${id}/appRoleAssignedTo?$select=${APP_ROLE_ASSIGNMENT_FIELDS.join(',')}&$top=999`,
    },
    {
      id: `grants-${index}`,
      method: 'GET',
      // resourceId is a GUID; quotes doubled anyway, as OData wants inside a literal.
      url: `/oauth2PermissionGrants?$filter=${encodeURIComponent(`resourceId eq '${resourceId.replace(/'/g, "''")}'`)}&$select=${GRANT_FIELDS.join(',')}`,
    },
  ];
}

/**
 * Reads the reach of several resources (service principal object ids) in as few round trips as
 * $batch allows. Later pages of any answer are fetched together, in batches too.
 */
export async function loadReach(
  api: Pick<GraphApi, 'runBatch' | 'graphBaseUrl'>,
  resourceIds: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Map<string, ReachReadout>> {
  const readouts = new Map<string, ReachReadout>(
    resourceIds.map((resourceId) => [
      resourceId,
      { resourceId, appRoles: [], assignments: [], grants: [], unreadable: {} },
    ]),
  );
  let pending: Array<BatchRequest & { resourceId: string; part: ReachPart }> = resourceIds.flatMap(
    (resourceId, i) =>
      reachRequests(resourceId, i).map((r) => ({
        ...r,
        resourceId,
        part: r.id.split('-')[0] as ReachPart,
      })),
  );
  const total = pending.length;
  let done = 0;
  for (let page = 0; pending.length > 0; page++) {
    const results = await api.runBatch(
      pending.map(({ id, method, url }) => ({ id, method, url })),
      { access: 'read', signal: options.signal },
    );
    const next: typeof pending = [];
    for (const [i, result] of results.entries()) {
      const request = pending[i];
      const readout = readouts.get(request.resourceId)!;
      if (result.status >= 400 || result.status === 0) {
        const error = graphErrorFrom(result.status, result.headers, result.body);
        const unreadable: Unreadable = {
          status: result.status,
          code: error.code,
          requestId: error.requestId,
          why: unreadableWhy(request.part, result.status),
        };
        if (request.part === 'roles') readout.unreadable.assignments ??= unreadable;
        else readout.unreadable[request.part] = unreadable;
        if (page === 0) done += 1;
        continue;
      }
      if (request.part === 'roles') {
        readout.appRoles = ((result.body as { appRoles?: ResourceAppRole[] }).appRoles ?? []).map(
          ({ id, value, displayName }) => ({ id, value, displayName }),
        );
      } else {
        const body = result.body as GraphCollection<AppRoleAssignment & DelegatedPermissionGrant>;
        if (request.part === 'assignments') readout.assignments.push(...(body.value ?? []));
        else readout.grants.push(...(body.value ?? []));
        const nextLink = body['@odata.nextLink'];
        if (nextLink)
          next.push({
            ...request,
            id: `${request.id}-p${page + 1}`,
            url: relativeToGraph(nextLink, api.graphBaseUrl),
          });
      }
      if (page === 0) done += 1;
    }
    options.onProgress?.(done, total);
    pending = next;
  }
  return readouts;
}

// ---------------------------------------------------------------- Conditional Access

const CA_POLICIES = '/identity/conditionalAccess/policies';

export interface SessionsApi {
  listConditionalAccessPolicies(): Promise<ConditionalAccessPolicy[]>;
  findConditionalAccessPoliciesByDisplayName(
    displayName: string,
  ): Promise<ConditionalAccessPolicy[]>;
  /** Never retried: a second POST could make a duplicate. After an ambiguous failure, look it up. */
  createConditionalAccessPolicy(body: unknown): Promise<ConditionalAccessPolicy>;
}

export function createSessionsApi(core: GraphCore): SessionsApi {
  const list = (path: string) => core.call(() => readAllPages<ConditionalAccessPolicy>(core, path));
  return {
    listConditionalAccessPolicies: () => list(CA_POLICIES),
    findConditionalAccessPoliciesByDisplayName: (displayName) =>
      list(
        `${CA_POLICIES}?$filter=${encodeURIComponent(`displayName eq '${displayName.replace(/'/g, "''")}'`)}`,
      ),
    createConditionalAccessPolicy: (body) =>
      core.write(() => core.request(CA_POLICIES, 'write', { retry: false }).post(body)),
  };
}
