// JSON $batch: at most 20 requests each; failed idempotent requests are resent after Retry-After,
// succeeded ones never are. Requests tied by dependsOn always travel in the same batch.
import type { GraphCore } from './client';
import { RETRIABLE_STATUSES, retryAfterSeconds } from './errors';
import { DEFAULT_RETRY_POLICY } from './middleware';
import type { BatchProgress, BatchRequest, BatchResult } from './types';

export const MAX_BATCH_SIZE = 20;
const BATCH_CONCURRENCY = 4;
export interface BatchOptions {
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
  /** Reads need only read scopes. */
  access?: 'read' | 'write';
  maxRounds?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BatchApi {
  runBatch(requests: BatchRequest[], options?: BatchOptions): Promise<BatchResult[]>;
}

/** Connected components by dependsOn, packed greedily into chunks of ≤ 20. */
export function chunkRequests(requests: BatchRequest[], size = MAX_BATCH_SIZE): BatchRequest[][] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const group = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (group.get(root) && group.get(root) !== root) root = group.get(root)!;
    return root;
  };
  for (const r of requests) group.set(r.id, r.id);
  for (const r of requests)
    for (const dep of r.dependsOn ?? []) if (byId.has(dep)) group.set(find(r.id), find(dep));
  const components = new Map<string, BatchRequest[]>();
  for (const r of requests) {
    const root = find(r.id);
    components.set(root, [...(components.get(root) ?? []), r]);
  }
  const chunks: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  for (const component of components.values()) {
    if (component.length > size)
      throw new Error(
        `A dependsOn chain of ${component.length} requests cannot fit in one $batch (max ${size}).`,
      );
    if (current.length + component.length > size) {
      chunks.push(current);
      current = [];
    }
    current.push(...component);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

interface BatchResponseBody {
  responses: Array<{
    id: string;
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
  }>;
}

export function createBatchApi(core: GraphCore): BatchApi {
  return {
    async runBatch(requests, options = {}) {
      const sleep = options.sleep ?? DEFAULT_RETRY_POLICY.sleep;
      const maxRounds = options.maxRounds ?? 6;
      const results = new Map<string, BatchResult>();
      const attempts = new Map<string, number>();
      let pending = requests;
      const report = (retrying: number) =>
        options.onProgress?.({
          total: requests.length,
          done: [...results.values()].filter(
            (r) => r.status < 400 || !RETRIABLE_STATUSES.has(r.status),
          ).length,
          failed: [...results.values()].filter((r) => r.status >= 400).length,
          retrying,
        });
      for (let round = 0; round < maxRounds && pending.length > 0; round++) {
        let waitSeconds = 0;
        // Up to four $batch requests in flight: Graph allows it, and it shortens the critical path.
        const chunks = chunkRequests(pending);
        let nextChunk = 0;
        const sendChunks = async () => {
          while (nextChunk < chunks.length) {
            const chunk = chunks[nextChunk++];
            if (options.signal?.aborted)
              throw new DOMException('The batch was cancelled.', 'AbortError');
            const send = chunk.some((r) => r.method !== 'GET') ? core.write : core.call;
            const body: BatchResponseBody = await send(() =>
              core.request('/$batch', options.access ?? 'write', { signal: options.signal }).post({
                requests: chunk.map(({ id, method, url, body, headers, dependsOn }) => ({
                  id,
                  method,
                  url,
                  ...(body !== undefined
                    ? { body, headers: { 'Content-Type': 'application/json', ...headers } }
                    : headers
                      ? { headers }
                      : {}),
                  ...(dependsOn?.length ? { dependsOn } : {}),
                })),
              }),
            );
            for (const response of body.responses) {
              attempts.set(response.id, (attempts.get(response.id) ?? 0) + 1);
              results.set(response.id, { ...response, attempts: attempts.get(response.id)! });
              if (RETRIABLE_STATUSES.has(response.status))
                waitSeconds = Math.max(waitSeconds, retryAfterSeconds(response.headers) ?? 1);
            }
            report(0);
          }
        };
        await Promise.all(
          Array.from({ length: Math.min(BATCH_CONCURRENCY, chunks.length) }, sendChunks),
        );
        // Resend only what failed for a passing reason (and what failed because of it).
        const retriable = (id: string): boolean => {
          const result = results.get(id);
          if (!result) return false;
          if (RETRIABLE_STATUSES.has(result.status)) return true;
          const request = requests.find((r) => r.id === id);
          return result.status === 424 && (request?.dependsOn ?? []).some(retriable);
        };
        const succeeded = (id: string) => (results.get(id)?.status ?? 500) < 400;
        pending = requests
          .filter((r) => retriable(r.id))
          .map((r) => ({ ...r, dependsOn: r.dependsOn?.filter((dep) => !succeeded(dep)) }));
        if (pending.length > 0 && round + 1 < maxRounds) {
          report(pending.length);
          await sleep(Math.min(waitSeconds, 30) * 1000);
        }
      }
      return requests.map((r) => results.get(r.id) ?? { id: r.id, status: 0, attempts: 0 });
    },
  };
}
