// JSON $batch as Graph does it: at most 20 requests, unique ids, dependsOn honoured (424 on a failed
// dependency). Each sub-request runs through the same routes and permissions as a direct call.
import { GraphHttpError } from './errors';
import type { GraphRequest, GraphResponse } from './routes';

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

function parseItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests))
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Invalid batch payload: "requests" must be an array.',
    );
  if (requests.length === 0)
    throw new GraphHttpError(400, 'BadRequest', 'Invalid batch payload: no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new GraphHttpError(
      400,
      'BadRequest',
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
      throw new GraphHttpError(
        400,
        'BadRequest',
        'Invalid batch payload: every request needs id, method and url.',
      );
    }
    if (ids.has(item.id))
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Invalid batch payload: duplicate request id '${item.id}'.`,
      );
    ids.add(item.id);
  }
  for (const item of requests as BatchItem[]) {
    for (const dep of item.dependsOn ?? []) {
      if (!ids.has(dep))
        throw new GraphHttpError(
          400,
          'BadRequest',
          `Invalid batch payload: request '${item.id}' depends on unknown id '${dep}'.`,
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

export async function executeBatch(
  body: unknown,
  run: (sub: SubRequest) => GraphResponse,
): Promise<GraphResponse> {
  const items = parseItems(body);
  const results = new Map<string, GraphResponse>();
  const pending = [...items];
  // Dependencies run in order; independent requests in the order given (Graph may reorder them).
  while (pending.length > 0) {
    const index = pending.findIndex((item) =>
      (item.dependsOn ?? []).every((dep) => results.has(dep)),
    );
    if (index < 0)
      throw new GraphHttpError(400, 'BadRequest', 'Invalid batch payload: circular dependsOn.');
    const [item] = pending.splice(index, 1);
    const failedDependency = (item.dependsOn ?? []).find(
      (dep) => (results.get(dep)?.status ?? 0) >= 400,
    );
    if (failedDependency) {
      results.set(item.id, {
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
    results.set(item.id, run(toSubRequest(item)));
  }
  return {
    status: 200,
    body: {
      responses: items.map((item) => {
        const response = results.get(item.id)!;
        return {
          id: item.id,
          status: response.status,
          headers: response.headers ?? {},
          body: response.body ?? null,
        };
      }),
    },
  };
}
