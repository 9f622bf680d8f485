// Every endpoint of GRAPH-CONTRACT.md, as Graph answers it: shapes, rules and errors.
import { randomUUID } from 'node:crypto';
import { DirectoryError, type ObjectType } from '../directory/store';
import { GraphHttpError } from './errors';
import { asRecord, policyJson, validatedPolicyFields } from './policy-body';
import { alternateKeyTemplate, resolveAlternateKey } from './alternate-keys';
import {
  applySelect,
  DIRECTORY_OBJECTS,
  pageOf,
  parseCollectionQuery,
  SERVICE_PRINCIPALS,
  TOKEN_LIFETIME_POLICIES,
} from './odata';
import { requirePermissions, type PermissionNeed } from './permissions';
import { reachRoutes } from './routes-reach';
import { AUDIT_LOG_ROUTES } from './audit-log-routes';
import { recordWrite, snapshotWrite } from './audit-log';
import { deltaPage, requireDeltaPermission } from './delta';
import {
  route,
  type GraphRequest,
  type GraphResponse,
  type Route,
  type RouteContext,
} from './route';

export type { GraphResponse };

const READ_POLICY: PermissionNeed[] = ['Policy.Read.All'];
const READ_DIRECTORY: PermissionNeed[] = ['Policy.Read.All', 'Application.Read.All'];
const WRITE_POLICY: PermissionNeed[] = ['Policy.ReadWrite.ApplicationConfiguration'];
const WRITE_LINK: PermissionNeed[] = [
  'Policy.ReadWrite.ApplicationConfiguration',
  'Application.ReadWrite.All',
];
/**
 * GET /{applications|servicePrincipals}/{id}/tokenLifetimePolicies: Microsoft's permissions table
 * (serviceprincipal-list-tokenlifetimepolicies, application-list-tokenlifetimepolicies) asks for
 * Policy.Read.All AND Application.ReadWrite.All (application permissions: or .OwnedBy). A reader
 * with Application.Read.All is refused; readers learn links from appliesTo instead.
 */
const READ_LINKED_POLICY: PermissionNeed[] = [
  'Policy.Read.All',
  ['Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy'],
];
/** application-update, serviceprincipal-update, application-delete, serviceprincipal-delete. */
const WRITE_OBJECT: PermissionNeed[] = [
  ['Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy'],
];
const TYPE_OF: Record<ObjectType, string> = {
  application: '#microsoft.graph.application',
  servicePrincipal: '#microsoft.graph.servicePrincipal',
};
const COLLECTION_OF: Record<string, ObjectType> = {
  applications: 'application',
  servicePrincipals: 'servicePrincipal',
};

function directoryObjectJson(
  type: ObjectType,
  object: { id: string; appId: string; displayName: string },
) {
  return { '@odata.type': TYPE_OF[type], ...object };
}

const selectOf = (params: URLSearchParams) =>
  params
    .get('$select')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const optionsOf = (collection: string) =>
  collection === 'servicePrincipals' ? SERVICE_PRINCIPALS : DIRECTORY_OBJECTS;

const REF_TARGET = /\/policies\/tokenLifetimePolicies\/([^/?#]+)$/;

function findCollectionObject(ctx: RouteContext, collection: string, id: string) {
  const type = COLLECTION_OF[collection];
  const object = ctx.store.getObject(type, id);
  if (!object)
    throw new DirectoryError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return { type, object };
}

export const ROUTES: Route[] = [
  ...AUDIT_LOG_ROUTES,
  route('GET', '/policies/tokenLifetimePolicies', READ_POLICY, (req, _p, ctx) => {
    // $select, $filter and $top are documented for this list (tokenlifetimepolicy-list).
    const query = parseCollectionQuery(
      req.params,
      req.headers.consistencylevel,
      TOKEN_LIFETIME_POLICIES,
    );
    return {
      status: 200,
      body: pageOf(
        ctx.store.policies.map(policyJson),
        query,
        `${ctx.graphRoot}/policies/tokenLifetimePolicies`,
        req.params,
        `${ctx.graphRoot}/$metadata#policies/tokenLifetimePolicies`,
      ),
    };
  }),
  route('POST', '/policies/tokenLifetimePolicies', WRITE_POLICY, (req, _p, ctx) => {
    const fields = validatedPolicyFields(asRecord(req.body));
    const policy = ctx.store.createPolicy({
      id: randomUUID(),
      deletedDateTime: null,
      displayName: fields.displayName as string,
      description: fields.description ?? null,
      isOrganizationDefault: fields.isOrganizationDefault ?? false,
      definition: fields.definition as string[],
    });
    return {
      status: 201,
      headers: { Location: `${ctx.graphRoot}/policies/tokenLifetimePolicies/${policy.id}` },
      body: {
        '@odata.context': `${ctx.graphRoot}/$metadata#policies/tokenLifetimePolicies/$entity`,
        ...policyJson(policy),
      },
    };
  }),
  route('GET', '/policies/tokenLifetimePolicies/{id}', READ_POLICY, (req, [id], ctx) => {
    const policy = ctx.store.getPolicy(id);
    if (!policy)
      throw new DirectoryError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return {
      status: 200,
      body: {
        '@odata.context': `${ctx.graphRoot}/$metadata#policies/tokenLifetimePolicies/$entity`,
        ...applySelect(policyJson(policy), selectOf(req.params)),
      },
    };
  }),
  route('PATCH', '/policies/tokenLifetimePolicies/{id}', WRITE_POLICY, (req, [id], ctx) => {
    const stored = ctx.store.getPolicy(id);
    if (!stored)
      throw new DirectoryError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    const fields = validatedPolicyFields(asRecord(req.body), stored);
    ctx.store.updatePolicy(id, fields);
    return { status: 204 };
  }),
  route('DELETE', '/policies/tokenLifetimePolicies/{id}', WRITE_POLICY, (_req, [id], ctx) => {
    ctx.store.deletePolicy(id);
    return { status: 204 };
  }),
  route(
    'GET',
    '/policies/tokenLifetimePolicies/{id}/appliesTo',
    READ_DIRECTORY,
    (req, [id], ctx) => {
      if (!ctx.store.getPolicy(id))
        throw new DirectoryError(
          404,
          'Request_ResourceNotFound',
          `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      const items = ctx.store
        .appliesTo(id)
        .map(({ type, object }) => directoryObjectJson(type, object));
      const query = parseCollectionQuery(req.params, req.headers.consistencylevel);
      return {
        status: 200,
        body: pageOf(
          items,
          query,
          `${ctx.graphRoot}/policies/tokenLifetimePolicies/${id}/appliesTo`,
          req.params,
          `${ctx.graphRoot}/$metadata#directoryObjects`,
        ),
      };
    },
  ),
  ...(['applications', 'servicePrincipals'] as const).flatMap((collection) => [
    // Before /{id}: "$count" is a segment, not an id.
    route('GET', `/${collection}/$count`, READ_DIRECTORY, (req, _p, ctx) => {
      // Graph answers 400 "$count is not currently supported." without the header
      // (microsoftgraph/microsoft-graph-docs#13226 and #15067, 2021, on /users/$count).
      if (req.headers.consistencylevel?.toLowerCase() !== 'eventual')
        throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
      const query = parseCollectionQuery(req.params, 'eventual', optionsOf(collection));
      const items = (collection === 'applications'
        ? ctx.store.applications
        : ctx.store.servicePrincipals) as unknown as Record<string, unknown>[];
      const matching = items.filter(
        (item) => (query.filter?.(item) ?? true) && (query.search?.(item) ?? true),
      );
      return {
        status: 200,
        headers: { 'Content-Type': 'text/plain' },
        body: String(matching.length),
      };
    }),
    // Before /{id}: "delta" is a function, not an id. Its permissions differ per token kind.
    route('GET', `/${collection}/delta`, [], (req, _p, ctx) => {
      requireDeltaPermission(req.auth);
      return {
        status: 200,
        body: deltaPage(
          ctx.store,
          COLLECTION_OF[collection],
          `${ctx.graphRoot}/${collection}`,
          req.params,
        ),
      };
    }),
    // A change made elsewhere (admin center, PowerShell) that delta queries then report.
    route('PATCH', `/${collection}/{id}`, WRITE_OBJECT, (req, [id], ctx) => {
      const { type } = findCollectionObject(ctx, collection, id);
      const body = asRecord(req.body);
      const keys = Object.keys(body);
      if (keys.length !== 1 || typeof body.displayName !== 'string' || !body.displayName.trim())
        throw new GraphHttpError(
          400,
          'Request_BadRequest',
          'The demo tenant updates only displayName (a non-empty string).',
        );
      ctx.store.renameObject(type, id, body.displayName);
      return { status: 204 };
    }),
    route('DELETE', `/${collection}/{id}`, WRITE_OBJECT, (_req, [id], ctx) => {
      const { type } = findCollectionObject(ctx, collection, id);
      ctx.store.deleteObject(type, id);
      return { status: 204 };
    }),
    route('GET', `/${collection}`, READ_DIRECTORY, (req, _p, ctx) => {
      const items = (collection === 'applications'
        ? ctx.store.applications
        : ctx.store.servicePrincipals) as unknown as Record<string, unknown>[];
      const query = parseCollectionQuery(
        req.params,
        req.headers.consistencylevel,
        optionsOf(collection),
      );
      return {
        status: 200,
        body: pageOf(
          items,
          query,
          `${ctx.graphRoot}/${collection}`,
          req.params,
          `${ctx.graphRoot}/$metadata#${collection}`,
        ),
      };
    }),
    route('GET', `/${collection}/{id}`, READ_DIRECTORY, (req, [id], ctx) => {
      const { object } = findCollectionObject(ctx, collection, id);
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphRoot}/$metadata#${collection}/$entity`,
          ...applySelect({ ...object }, selectOf(req.params)),
        },
      };
    }),
    route(
      'GET',
      `/${collection}/{id}/tokenLifetimePolicies`,
      READ_LINKED_POLICY,
      (req, [id], ctx) => {
        const { type } = findCollectionObject(ctx, collection, id);
        const policyId = ctx.store.linkedPolicyId(type, id);
        const policy = policyId ? ctx.store.getPolicy(policyId) : undefined;
        // The docs' example (serviceprincipal-list-tokenlifetimepolicies) names the context
        // Collection(microsoft.graph.tokenLifetimePolicy), items without @odata.type.
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.graphRoot}/$metadata#Collection(microsoft.graph.tokenLifetimePolicy)`,
            value: policy ? [applySelect(policyJson(policy), selectOf(req.params))] : [],
          },
        };
      },
    ),
    route(
      'POST',
      `/${collection}/{id}/tokenLifetimePolicies/$ref`,
      WRITE_LINK,
      (req, [id], ctx) => {
        const { type } = findCollectionObject(ctx, collection, id);
        const ref = asRecord(req.body)['@odata.id'];
        const match = typeof ref === 'string' ? REF_TARGET.exec(ref) : null;
        if (!match)
          throw new GraphHttpError(
            400,
            'Request_BadRequest',
            "Invalid '@odata.id': expected https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/{id}.",
          );
        ctx.store.link(type, id, decodeURIComponent(match[1]));
        return { status: 204 };
      },
    ),
    route(
      'DELETE',
      `/${collection}/{id}/tokenLifetimePolicies/{policyId}/$ref`,
      WRITE_LINK,
      (_req, [id, policyId], ctx) => {
        const { type } = findCollectionObject(ctx, collection, id);
        ctx.store.unlink(type, id, policyId);
        return { status: 204 };
      },
    ),
  ]),
  ...reachRoutes(),
];

export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (match && candidate.method === method)
      return { route: candidate, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

export function pathExists(path: string): boolean {
  return ROUTES.some((r) => r.pattern.test(path));
}

/** Runs one Graph request against the store; errors become Graph's error shapes upstream. */
export function dispatch(req: GraphRequest, ctx: RouteContext): GraphResponse {
  // /servicePrincipals(appId='…')/… addresses the same object as /servicePrincipals/{id}/….
  const path = resolveAlternateKey(req.path, ctx.store);
  if (path !== req.path) return dispatch({ ...req, path }, ctx);
  const found = matchRoute(req.method, req.path);
  if (!found) {
    if (pathExists(req.path))
      throw new GraphHttpError(
        405,
        'Request_BadRequest',
        `The HTTP method '${req.method}' is not allowed for this resource.`,
      );
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Resource not found for the segment '${req.path.split('/').filter(Boolean)[0] ?? ''}'.`,
    );
  }
  requirePermissions(req.auth, found.route.permissions);
  const snapshot = snapshotWrite(req.method, found.route.template, found.params, ctx.store);
  const response = found.route.handle(req, found.params, ctx);
  recordWrite(snapshot, response.status, response.body, req.auth, ctx.store);
  return response;
}

export function routeTemplate(method: string, path: string): string {
  const alternate = alternateKeyTemplate(path);
  if (alternate) {
    const template = routeTemplate(method, alternate.idPath);
    return template.replace(/\/(applications|servicePrincipals)\/\{id\}/, alternate.prefix);
  }
  const found = matchRoute(method, path);
  return `${method} /v1.0${found ? found.route.template : '/(unknown)'}`;
}
