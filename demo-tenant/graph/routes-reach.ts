// Who may obtain tokens for a resource, and what governs sessions: the Graph v1.0 endpoints of
// issue 19, as Graph answers them (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0):
//   GET  /servicePrincipals/{id}/appRoleAssignedTo   Application.Read.All
//   GET  /oauth2PermissionGrants                      Directory.Read.All ($filter eq on clientId,
//                                                     resourceId, consentType, principalId)
//   GET  /identity/conditionalAccess/policies[/{id}]  Policy.Read.All (+ a role that reads CA)
//   POST /identity/conditionalAccess/policies         Policy.Read.All, Policy.ReadWrite.ConditionalAccess
//                                                     and Application.Read.All (+ a CA admin role)
// A function, not a constant: routes.ts spreads it into its table while the modules load.
import { randomUUID } from 'node:crypto';
import { checkConditionalAccessPolicyForCreate } from '../../lib/policy/conditional-access';
import type { ConditionalAccessPolicy } from '../../lib/policy/conditional-access';
import { DirectoryError } from '../directory/store';
import { conditionalAccessPolicyJson } from '../directory/seed-access';
import { GraphHttpError } from './errors';
import { pageOf, parseCollectionQuery, type CollectionOptions } from './odata';
import { route, type GraphRequest, type Route, type RouteContext } from './route';

export function reachRoutes(): Route[] {
  return [
    route(
      'GET',
      '/servicePrincipals/{id}/appRoleAssignedTo',
      // Least privileged Application.Read.All; Directory.Read.All also reads them (permissions table).
      [['Application.Read.All', 'Directory.Read.All']],
      (req, [id], ctx) => {
        if (!ctx.store.getObject('servicePrincipal', id)) throw notFound(id);
        const items = ctx.store.access.appRoleAssignments
          .filter((a) => a.resourceId === id)
          .map((a) => ({ deletedDateTime: null, ...a }));
        return collection(req, ctx, items, `/servicePrincipals/${id}/appRoleAssignedTo`, {
          context: `servicePrincipals('${id}')/appRoleAssignedTo`,
          options: ASSIGNMENTS,
        });
      },
    ),
    route('GET', '/oauth2PermissionGrants', ['Directory.Read.All'], (req, _p, ctx) => {
      const filter = grantFilter(req.params.get('$filter'));
      const items = ctx.store.access.oauth2PermissionGrants.filter(filter);
      return collection(req, ctx, items, '/oauth2PermissionGrants', {
        context: 'oauth2PermissionGrants',
        filterHandled: true,
        options: GRANTS,
      });
    }),
    route(
      'GET',
      '/identity/conditionalAccess/policies',
      ['Policy.Read.ConditionalAccess'],
      (req, _p, ctx) =>
        collection(
          req,
          ctx,
          ctx.store.access.conditionalAccessPolicies,
          '/identity/conditionalAccess/policies',
          { context: 'identity/conditionalAccess/policies', options: CONDITIONAL_ACCESS },
        ),
    ),
    route(
      'GET',
      '/identity/conditionalAccess/policies/{id}',
      ['Policy.Read.ConditionalAccess'],
      (_req, [id], ctx) => {
        const policy = ctx.store.access.conditionalAccessPolicies.find((p) => p.id === id);
        if (!policy) throw notFound(id);
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.graphRoot}/$metadata#identity/conditionalAccess/policies/$entity`,
            ...policy,
          },
        };
      },
    ),
    route(
      'POST',
      '/identity/conditionalAccess/policies',
      ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'],
      (req, _p, ctx) => {
        const check = checkConditionalAccessPolicyForCreate(req.body);
        if (!check.ok) throw new GraphHttpError(400, 'BadRequest', check.error);
        const body = req.body as ConditionalAccessPolicy;
        const policy = conditionalAccessPolicyJson({
          ...body,
          id: randomUUID(),
          createdDateTime: new Date().toISOString(),
          modifiedDateTime: null,
        });
        ctx.store.createConditionalAccessPolicy(policy);
        return {
          status: 201,
          headers: {
            Location: `${ctx.graphRoot}/identity/conditionalAccess/policies/${policy.id}`,
          },
          body: {
            '@odata.context': `${ctx.graphRoot}/$metadata#identity/conditionalAccess/policies/$entity`,
            ...policy,
          },
        };
      },
    ),
  ];
}

function collection(
  req: GraphRequest,
  ctx: RouteContext,
  items: readonly object[],
  path: string,
  options: { context: string; filterHandled?: boolean; options: CollectionOptions },
) {
  const params = new URLSearchParams(req.params);
  if (options.filterHandled) params.delete('$filter');
  const query = parseCollectionQuery(params, req.headers.consistencylevel, options.options);
  return {
    status: 200,
    body: pageOf(
      items as Record<string, unknown>[],
      query,
      `${ctx.graphRoot}${path}`,
      req.params,
      `${ctx.graphRoot}/$metadata#${options.context}`,
    ),
  };
}

// What each collection lets $filter and $search do (kept to what the docs show; no $search).
const ASSIGNMENTS: CollectionOptions = { stringProperties: ['id'], searchable: false };
const GRANTS: CollectionOptions = { stringProperties: [], searchable: false };
const CONDITIONAL_ACCESS: CollectionOptions = {
  stringProperties: ['id', 'displayName', 'state'],
  searchable: false,
};

const GRANT_PROPERTY =
  /^\s*(clientId|resourceId|consentType|principalId)\s+eq\s+'((?:[^']|'')*)'\s*$/;

/** `resourceId eq '…'`, optionally joined with `and`: what oauth2PermissionGrants filters on. */
function grantFilter(text: string | null): (grant: object) => boolean {
  if (text === null) return () => true;
  const clauses = text.split(/\s+and\s+/i).map((clause) => {
    const match = GRANT_PROPERTY.exec(clause);
    if (!match)
      throw new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported Query: ${text}`);
    return { property: match[1], value: match[2].replace(/''/g, "'") };
  });
  return (grant) =>
    clauses.every(
      ({ property, value }) =>
        String((grant as Record<string, unknown>)[property] ?? '').toLowerCase() ===
        value.toLowerCase(),
    );
}

function notFound(id: string): DirectoryError {
  return new DirectoryError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}
