// Does a response have the shape Microsoft Graph gives? Checked against the schemas extracted from
// Microsoft's published types (graph-schemas.ts): no property Graph's type does not have, right JSON
// types, null only where Graph allows it. Annotations ("@odata.*") are Graph's own and allowed.
import { loadGraphSchemas, type PropertySchema } from './graph-schemas';

export interface ObservedResponse {
  method: string;
  /** Below /v1.0, query included, e.g. /policies/tokenLifetimePolicies?$top=2 */
  path: string;
  status: number;
  body: unknown;
  /** The request body, for $batch: each sub-response is checked by its sub-request. */
  requestBody?: unknown;
}

type Expected =
  | { kind: 'entity'; type: string }
  | { kind: 'collection'; type: string }
  | { kind: 'count' }
  | { kind: 'batch' }
  | { kind: 'no-content' };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ID = '[^/]+';
const OBJECT = `(?:applications|servicePrincipals)(?:/${ID}|\\(appId='[^']*'\\))`;
const SHAPES: Array<[method: string, pattern: RegExp, expected: Expected]> = [
  [
    'GET',
    /^\/policies\/tokenLifetimePolicies$/,
    { kind: 'collection', type: 'TokenLifetimePolicy' },
  ],
  ['POST', /^\/policies\/tokenLifetimePolicies$/, { kind: 'entity', type: 'TokenLifetimePolicy' }],
  [
    'GET',
    new RegExp(`^/policies/tokenLifetimePolicies/${ID}$`),
    { kind: 'entity', type: 'TokenLifetimePolicy' },
  ],
  ['PATCH', new RegExp(`^/policies/tokenLifetimePolicies/${ID}$`), { kind: 'no-content' }],
  ['DELETE', new RegExp(`^/policies/tokenLifetimePolicies/${ID}$`), { kind: 'no-content' }],
  [
    'GET',
    new RegExp(`^/policies/tokenLifetimePolicies/${ID}/appliesTo$`),
    { kind: 'collection', type: 'DirectoryObject' },
  ],
  ['GET', /^\/(applications|servicePrincipals)\/\$count$/, { kind: 'count' }],
  // Delta pages are collections of the type; "@removed" items carry only id and annotations.
  ['GET', /^\/applications\/delta$/, { kind: 'collection', type: 'Application' }],
  ['GET', /^\/servicePrincipals\/delta$/, { kind: 'collection', type: 'ServicePrincipal' }],
  ['PATCH', new RegExp(`^/${OBJECT}$`), { kind: 'no-content' }],
  ['DELETE', new RegExp(`^/${OBJECT}$`), { kind: 'no-content' }],
  ['GET', /^\/applications$/, { kind: 'collection', type: 'Application' }],
  ['GET', /^\/servicePrincipals$/, { kind: 'collection', type: 'ServicePrincipal' }],
  [
    'GET',
    new RegExp(`^/applications(?:/${ID}|\\(appId='[^']*'\\))$`),
    { kind: 'entity', type: 'Application' },
  ],
  [
    'GET',
    new RegExp(`^/servicePrincipals(?:/${ID}|\\(appId='[^']*'\\))$`),
    { kind: 'entity', type: 'ServicePrincipal' },
  ],
  [
    'GET',
    new RegExp(`^/${OBJECT}/tokenLifetimePolicies$`),
    { kind: 'collection', type: 'TokenLifetimePolicy' },
  ],
  ['POST', new RegExp(`^/${OBJECT}/tokenLifetimePolicies/\\$ref$`), { kind: 'no-content' }],
  ['DELETE', new RegExp(`^/${OBJECT}/tokenLifetimePolicies/${ID}/\\$ref$`), { kind: 'no-content' }],
  ['POST', /^\/\$batch$/, { kind: 'batch' }],
  [
    'GET',
    new RegExp(`^/${OBJECT}/appRoleAssignedTo$`),
    { kind: 'collection', type: 'AppRoleAssignment' },
  ],
  ['GET', /^\/oauth2PermissionGrants$/, { kind: 'collection', type: 'OAuth2PermissionGrant' }],
  [
    'GET',
    /^\/identity\/conditionalAccess\/policies$/,
    { kind: 'collection', type: 'ConditionalAccessPolicy' },
  ],
  [
    'GET',
    new RegExp(`^/identity/conditionalAccess/policies/${ID}$`),
    { kind: 'entity', type: 'ConditionalAccessPolicy' },
  ],
  [
    'POST',
    /^\/identity\/conditionalAccess\/policies$/,
    { kind: 'entity', type: 'ConditionalAccessPolicy' },
  ],
];

function expectedFor(method: string, path: string): Expected | undefined {
  const bare = decodeURIComponent(path.split('?')[0]).replace(/^https?:\/\/[^/]+\/v1\.0/, '');
  return SHAPES.find(([m, pattern]) => m === method.toUpperCase() && pattern.test(bare))?.[2];
}

/** `#microsoft.graph.servicePrincipal` → ServicePrincipal */
const typeFromAnnotation = (odataType: string) => {
  const name = odataType.replace(/^#?microsoft\.graph\./, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
};

function checkValue(schema: PropertySchema, value: unknown, at: string, problems: string[]): void {
  if (value === null) {
    if (!schema.nullable) problems.push(`${at} is null; Graph's type does not allow null.`);
    return;
  }
  switch (schema.type) {
    case 'any':
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at} should be an array.`);
      else
        value.forEach(
          (item, i) => schema.items && checkValue(schema.items, item, `${at}[${i}]`, problems),
        );
      return;
    case 'object':
      if (!isRecord(value)) problems.push(`${at} should be an object.`);
      else if (schema.typeName && loadGraphSchemas().types[schema.typeName])
        checkObject(schema.typeName, value, at, problems);
      return;
    default:
      if (typeof value !== schema.type)
        problems.push(`${at} should be a ${schema.type}, is ${typeof value}.`);
  }
}

/** An object of a Graph type (or of the derived type its @odata.type names). */
export function checkObject(
  typeName: string,
  value: unknown,
  at: string,
  problems: string[] = [],
): string[] {
  if (!isRecord(value)) {
    problems.push(`${at} should be a ${typeName} object.`);
    return problems;
  }
  const schemas = loadGraphSchemas();
  const annotated =
    typeof value['@odata.type'] === 'string' ? typeFromAnnotation(value['@odata.type']) : undefined;
  const actual = annotated && schemas.types[annotated] ? annotated : typeName;
  if (annotated && !schemas.types[annotated])
    problems.push(
      `${at} names @odata.type ${String(value['@odata.type'])}, not a type the endpoint returns.`,
    );
  const schema = schemas.types[actual];
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('@')) continue;
    const property = schema.properties[key];
    if (!property) problems.push(`${at}.${key}: Graph's ${actual} has no such property.`);
    else checkValue(property, item, `${at}.${key}`, problems);
  }
  return problems;
}

const COLLECTION_MEMBERS = new Set(['value', '@odata.context', '@odata.nextLink', '@odata.count']);

/**
 * Graph's error envelope: `{ "error": publicError }` (PublicErrorResponse), whose innerError carries
 * date, request-id and client-request-id as the errors doc (concepts/errors.md) shows — properties
 * the published publicInnerError type does not list, so they are added here by hand.
 */
function checkError(body: unknown, problems: string[]): void {
  const schemas = loadGraphSchemas();
  if (!isRecord(body) || !isRecord(body.error)) {
    problems.push('An error response should be { "error": { … } }.');
    return;
  }
  for (const key of Object.keys(body))
    if (!(key in schemas.types.PublicErrorResponse.properties))
      problems.push(`error envelope: Graph's error response has no member ${key}.`);
  const { innerError, ...rest } = body.error;
  checkObject('PublicError', rest, 'error', problems);
  if (typeof body.error.code !== 'string') problems.push('error.code should be a string.');
  if (typeof body.error.message !== 'string') problems.push('error.message should be a string.');
  if (innerError !== undefined) {
    if (!isRecord(innerError)) problems.push('error.innerError should be an object.');
    else {
      const allowed = new Set([
        ...Object.keys(schemas.types.PublicInnerError.properties),
        'date',
        'request-id',
        'client-request-id',
      ]);
      for (const [key, value] of Object.entries(innerError)) {
        if (!allowed.has(key)) problems.push(`error.innerError.${key}: not a member Graph sends.`);
        else if (typeof value !== 'string')
          problems.push(`error.innerError.${key} should be a string.`);
      }
    }
  }
}

/** The $batch envelope: the SDK's BatchResponseBody, each response { id, status, headers, body } (json-batching.md). */
function checkBatch(response: ObservedResponse, problems: string[]): void {
  const body = response.body;
  const schemas = loadGraphSchemas();
  if (!isRecord(body) || !Array.isArray(body.responses)) {
    problems.push('A $batch response should be { "responses": [ … ] }.');
    return;
  }
  for (const key of Object.keys(body))
    if (!schemas.batchResponseMembers.includes(key))
      problems.push(`$batch: no member ${key} in Graph's batch response.`);
  const requests =
    isRecord(response.requestBody) && Array.isArray(response.requestBody.requests)
      ? (response.requestBody.requests as Array<Record<string, unknown>>)
      : [];
  for (const [i, sub] of (body.responses as unknown[]).entries()) {
    const at = `responses[${i}]`;
    if (!isRecord(sub)) {
      problems.push(`${at} should be an object.`);
      continue;
    }
    for (const key of Object.keys(sub))
      if (!['id', 'status', 'headers', 'body'].includes(key))
        problems.push(`${at}.${key}: not a member of a batch response.`);
    if (typeof sub.id !== 'string') problems.push(`${at}.id should be a string.`);
    if (typeof sub.status !== 'number') problems.push(`${at}.status should be a number.`);
    if (sub.headers !== undefined && !isRecord(sub.headers))
      problems.push(`${at}.headers should be an object.`);
    const request = requests.find(
      (r) => String(r.id).toLowerCase() === String(sub.id).toLowerCase(),
    );
    if (request && typeof request.method === 'string' && typeof request.url === 'string') {
      for (const problem of checkGraphResponse({
        method: request.method,
        path: request.url,
        status: Number(sub.status),
        body: sub.body,
      }))
        problems.push(`${at} (${request.method} ${request.url}): ${problem}`);
    }
  }
}

/** Every way a response differs from what Graph would answer; empty when it conforms. */
export function checkGraphResponse(response: ObservedResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 400) {
    checkError(response.body, problems);
    return problems;
  }
  const expected = expectedFor(response.method, response.path);
  if (!expected) return problems;
  switch (expected.kind) {
    case 'no-content':
      if (response.body !== undefined && response.body !== null)
        problems.push(`${response.method} answers 204 without a body.`);
      break;
    case 'count':
      if (typeof response.body !== 'number') problems.push('/$count answers a bare number.');
      break;
    case 'batch':
      checkBatch(response, problems);
      break;
    case 'entity':
      checkObject(expected.type, response.body, 'body', problems);
      break;
    case 'collection': {
      const body = response.body;
      if (!isRecord(body) || !Array.isArray(body.value)) {
        problems.push('A collection should be { "value": [ … ] }.');
        break;
      }
      for (const key of Object.keys(body))
        if (!COLLECTION_MEMBERS.has(key) && !key.startsWith('@'))
          problems.push(`collection: no member ${key}.`);
      body.value.forEach((item, i) => checkObject(expected.type, item, `value[${i}]`, problems));
      break;
    }
  }
  return problems;
}
