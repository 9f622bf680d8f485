// JSON $batch as Graph does it (docs: concepts/json-batching.md): at most 20 requests, ids unique
// without regard to case, dependsOn honoured (424 on a failed dependency) and matched the same way.
// Each sub-request runs through the same routes and permissions as a direct call.
import { GraphHttpError } from './errors';
import type { GraphRequest, GraphResponse } from './route';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

type SubRequest = Omit<GraphRequest, 'auth'>;

export const MAX_BATCH_REQUESTS = 20;

/** What Graph's own batch responses name (json-batching.md's example response). */
const JSON_OK =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const JSON_ERROR = 'application/json';

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const key = (id: string) => id.toLowerCase();

const invalid = (message: string) => new GraphHttpError(400, 'BadRequest', message);

function hasContentType(headers: Record<string, string> | undefined): boolean {
  return Object.entries(headers ?? {}).some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' && typeof value === 'string' && value !== '',
  );
}

function parseItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests))
    throw invalid('Invalid batch payload: "requests" must be an array.');
  if (requests.length === 0) throw invalid('Invalid batch payload: no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalid(
      `Invalid batch payload: the number of requests (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const ids = new Set<string>();
  for (const item of requests as BatchItem[]) {
    if (
      typeof item?.id !== 'string' ||
      typeof item.method !== 'string' ||
      typeof item.url !== 'string'
    ) {
      throw invalid('Invalid batch payload: every request needs id, method and url.');
    }
    // "id … Not case-sensitive. Must be unique in the batch" (json-batching.md).
    if (ids.has(key(item.id)))
      throw invalid(`Invalid batch payload: duplicate request id '${item.id}'.`);
    ids.add(key(item.id));
    // A body needs a Content-Type header, and a write needs a body; otherwise Graph refuses the whole
    // batch with this message (field report microsoftgraph/msgraph-sdk-dotnet#2628, 2024; "the
    // outer call 400s and none of the sub-requests run", Softeria/ms-365-mcp-server#683, 2026).
    const carriesBody = item.body !== undefined && item.body !== null;
    if (
      (carriesBody && !hasContentType(item.headers)) ||
      (!carriesBody && WRITE_METHODS.has(item.method.toUpperCase()))
    )
      throw invalid(`Write request id : ${item.id} does not contain Content-Type header or body.`);
  }
  for (const item of requests as BatchItem[]) {
    for (const dep of item.dependsOn ?? []) {
      if (typeof dep !== 'string' || !ids.has(key(dep)))
        throw invalid(
          `Invalid batch payload: request '${item.id}' depends on unknown id '${String(dep)}'.`,
        );
    }
  }
  return requests as BatchItem[];
}

function toSubRequest(item: BatchItem): SubRequest {
  // Sub-request urls are relative to /v1.0 ("/policies/…"); tolerate an absolute Graph url too.
  const relative = item.url.replace(/^https?:\/\/[^/]+\/v1\.0/, '');
  const url = new URL(relative.startsWith('/') ? relative : `/${relative}`, 'http://batch.local');
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = v;
  return {
    method: item.method.toUpperCase(),
    path: url.pathname,
    params: url.searchParams,
    headers,
    body: item.body,
  };
}

/** Each sub-response with a body names its Content-Type: the Graph SDK's batch reader needs it. */
function withContentType(response: GraphResponse): Record<string, string> {
  const headers = { ...(response.headers ?? {}) };
  const named = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (response.body !== undefined && !named)
    headers['Content-Type'] = response.status < 400 ? JSON_OK : JSON_ERROR;
  return headers;
}

export async function executeBatch(
  body: unknown,
  run: (sub: SubRequest) => GraphResponse,
): Promise<GraphResponse> {
  const items = parseItems(body);
  const results = new Map<string, GraphResponse>();
  const pending = [...items];
  const dependencies = (item: BatchItem) => (item.dependsOn ?? []).map(key);
  // Dependencies run in order; independent requests in the order given (Graph may reorder them).
  while (pending.length > 0) {
    const index = pending.findIndex((item) => dependencies(item).every((dep) => results.has(dep)));
    if (index < 0) throw invalid('Invalid batch payload: circular dependsOn.');
    const [item] = pending.splice(index, 1);
    const failedDependency = (item.dependsOn ?? []).find(
      (dep) => (results.get(key(dep))?.status ?? 0) >= 400,
    );
    if (failedDependency) {
      results.set(key(item.id), {
        status: 424,
        body: {
          error: {
            code: 'FailedDependency',
            message: `Request '${failedDependency}' that this request depends on failed.`,
          },
        },
      });
      continue;
    }
    results.set(key(item.id), run(toSubRequest(item)));
  }
  return {
    status: 200,
    body: {
      responses: items.map((item) => {
        const response = results.get(key(item.id))!;
        return {
          id: item.id,
          status: response.status,
          headers: withContentType(response),
          ...(response.body !== undefined ? { body: response.body } : {}),
        };
      }),
    },
  };
}
