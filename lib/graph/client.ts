// The one Graph client of the dashboard: typed calls for every endpoint of GRAPH-CONTRACT.md.
import { Client, GraphError, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { DirectoryObjectsApi } from './directory';
import { createDirectoryApi } from './directory';
import {
  GraphRequestError,
  networkError,
  retryAfterSeconds,
  TIMEOUT_ERROR_NAME,
  timeoutError,
} from './errors';
import {
  AuthMiddleware,
  chain,
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  FetchMiddleware,
  isAbort,
  RetryOption,
  SafeRetryMiddleware,
  ScopesOption,
  type GraphTokenSource,
  type RetryPolicy,
} from './middleware';
import { createPoliciesApi, type PoliciesApi } from './policies';
import { createBatchApi, type BatchApi } from './batch';
import { createSessionsApi, type SessionsApi } from './reach';
import { createAuditLogApi, type AuditLogApi } from './audit-log';
import { createLinksApi, type LinksApi } from './links';
import { relativeToGraph } from './graph-links';
import { yieldToPage } from '../yield-to-page';

export interface GraphApiOptions {
  getToken: GraphTokenSource;
  /** e.g. https://graph.microsoft.com/v1.0 or the demo tenant's http://localhost:4000/v1.0 */
  graphBaseUrl: string;
  readScopes: string[];
  writeScopes: string[];
  /** For the change history (directory audit log); asked for when it is first opened. */
  historyScopes?: string[];
  fetchImpl?: typeof fetch;
  retryPolicy?: Partial<RetryPolicy>;
  /** Per request (each attempt); read at every request so tests can shorten it. */
  timeoutMs?: () => number;
}

/** What every module of lib/graph builds on. */
export interface GraphCore {
  graphBaseUrl: string;
  request(
    path: string,
    access: 'read' | 'write' | 'history',
    options?: { retry?: boolean; headers?: Record<string, string>; signal?: AbortSignal },
  ): GraphRequest;
  /** Runs a read; a failure becomes a GraphRequestError. */
  call<T>(run: () => Promise<T>): Promise<T>;
  /** Runs a write: the same, and the error says it was a write (see GraphRequestError.advice). */
  write<T>(run: () => Promise<T>): Promise<T>;
}

export type GraphApi = PoliciesApi &
  DirectoryObjectsApi &
  LinksApi &
  BatchApi &
  SessionsApi &
  AuditLogApi & { graphBaseUrl: string };

export function toGraphRequestError(
  error: unknown,
  { write = false }: { write?: boolean } = {},
): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  // The SDK wraps what a middleware throws in a GraphError whose code is the thrown error's name.
  if (error instanceof GraphError && error.code === TIMEOUT_ERROR_NAME)
    return timeoutError(error.message);
  if (error instanceof GraphError && error.statusCode > 0) {
    const headers = error.headers;
    return new GraphRequestError({
      status: error.statusCode,
      code: error.code ?? `HTTP${error.statusCode}`,
      message: error.message,
      requestId: error.requestId ?? headers?.get('request-id') ?? undefined,
      clientRequestId: headers?.get('client-request-id') ?? undefined,
      date:
        error.date instanceof Date && !Number.isNaN(error.date.getTime())
          ? error.date.toISOString()
          : undefined,
      retryAfterSeconds: retryAfterSeconds(headers),
      write,
    });
  }
  return networkError(error);
}

export function createGraphApi(options: GraphApiOptions): GraphApi {
  const base = new URL(options.graphBaseUrl.replace(/\/$/, ''));
  const version = base.pathname.split('/').filter(Boolean).pop() ?? 'v1.0';
  const rootUrl = `${base.origin}${base.pathname.replace(new RegExp(`/${version}$`), '')}/`;
  const client = Client.initWithMiddleware({
    baseUrl: rootUrl,
    defaultVersion: version,
    customHosts: new Set([base.host]),
    middleware: chain(
      new AuthMiddleware(options.getToken, base.host, options.readScopes),
      new SafeRetryMiddleware({ ...DEFAULT_RETRY_POLICY, ...options.retryPolicy }),
      new FetchMiddleware(options.fetchImpl, options.timeoutMs ?? (() => DEFAULT_TIMEOUT_MS)),
    ),
  });
  const graphBaseUrl = `${base.origin}${base.pathname}`;
  const settle = async <T>(run: () => Promise<T>, write: boolean): Promise<T> => {
    // Each call starts in a task of its own: a page's queries all start in the task where React
    // commits it, and their token lookups and request set-up (5-10 ms each on a slow phone) would
    // otherwise add up to one long task before the page answers input again.
    await yieldToPage();
    try {
      return await run();
    } catch (error) {
      // A cancelled read is no failure to show: the page that wanted it is gone.
      if (isAbort(error) || (error instanceof GraphError && error.code === 'AbortError'))
        throw new DOMException('The request was cancelled.', 'AbortError');
      throw toGraphRequestError(error, { write });
    }
  };
  const core: GraphCore = {
    graphBaseUrl,
    request(path, access, requestOptions = {}) {
      const request = client
        .api(relativeToGraph(path, graphBaseUrl))
        .middlewareOptions([
          new ScopesOption(
            access === 'write'
              ? options.writeScopes
              : access === 'history'
                ? (options.historyScopes ?? options.readScopes)
                : options.readScopes,
          ),
          new RetryOption(requestOptions.retry ?? true),
        ]);
      if (requestOptions.headers) request.headers(requestOptions.headers);
      if (requestOptions.signal) request.option('signal', requestOptions.signal);
      return request;
    },
    call: (run) => settle(run, false),
    write: (run) => settle(run, true),
  };
  return {
    graphBaseUrl,
    ...createPoliciesApi(core),
    ...createDirectoryApi(core),
    ...createLinksApi(core),
    ...createBatchApi(core),
    ...createSessionsApi(core),
    ...createAuditLogApi(core),
  };
}
