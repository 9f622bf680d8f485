// The Graph client's middleware chain: tokens with the right scopes, safe retries, then fetch.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { retryAfterSeconds, RETRIABLE_STATUSES, TIMEOUT_ERROR_NAME } from './errors';

/**
 * How the middleware asks for a token. `rejected` is the token Graph has just answered 401 to:
 * the source must not hand it out again (see lib/auth/token-source.ts).
 */
export type GraphTokenSource = (
  scopes: string[],
  options?: { rejected?: string },
) => Promise<string>;

/** Reads and token calls: long enough for a slow tenant, short enough that the admin is not left waiting. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Per-request choice of scopes (read for reads, write for writes). */
export class ScopesOption implements MiddlewareOptions {
  constructor(readonly scopes: string[]) {}
}

/** Per-request retry policy: a policy create must never be retried blindly. */
export class RetryOption implements MiddlewareOptions {
  constructor(readonly retry: boolean) {}
}

abstract class ChainLink implements Middleware {
  protected next?: Middleware;
  setNext(next: Middleware) {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : (context.request as Request).url;
}

function setHeader(context: Context, name: string, value: string) {
  context.options ??= {};
  const headers = new Headers(context.options.headers as HeadersInit | undefined);
  headers.set(name, value);
  context.options.headers = Object.fromEntries(headers.entries());
}

/**
 * A token Graph answers 401 to is dead even if MSAL thinks it unexpired (the tenant revoked the
 * session, or the demo tenant restarted with new keys): resending it would fail forever. The
 * request is sent once more with a fresh token; a second 401 is the admin's to see.
 */
export class AuthMiddleware extends ChainLink {
  constructor(
    private readonly getToken: GraphTokenSource,
    private readonly graphHost: string,
    private readonly defaultScopes: string[],
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    // Never hand a Graph token to any other host, even if a nextLink pointed there.
    if (new URL(urlOf(context)).host !== this.graphHost) return this.next!.execute(context);
    const option = context.middlewareControl?.getMiddlewareOptions(ScopesOption) as
      ScopesOption | undefined;
    const scopes = option?.scopes ?? this.defaultScopes;
    const token = await this.getToken(scopes);
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await this.next!.execute(context);
    if (context.response?.status !== 401) return;
    const fresh = await this.getToken(scopes, { rejected: token });
    setHeader(context, 'Authorization', `Bearer ${fresh}`);
    await this.next!.execute(context);
  }
}

export interface RetryPolicy {
  maxRetries: number;
  /** Backoff without Retry-After: base × 2^attempt, with jitter, capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  headers: Headers | undefined,
): number {
  const after = headers ? retryAfterSeconds(headers) : undefined;
  if (after !== undefined) return Math.min(after * 1000, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** attempt;
  return Math.min(exponential / 2 + policy.random() * (exponential / 2), policy.maxDelayMs);
}

/**
 * GET, PATCH, DELETE and $ref link/unlink are idempotent in effect: retried on 429/503/504 after
 * Retry-After. A request marked RetryOption(false) — creating a policy — is never retried.
 */
export class SafeRetryMiddleware extends ChainLink {
  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const option = context.middlewareControl?.getMiddlewareOptions(RetryOption) as
      RetryOption | undefined;
    const retryable = option?.retry ?? true;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(context);
      } catch (error) {
        // The request may not have reached Graph; only an idempotent one is sent again. A timeout
        // is not retried: five more waits of 30 s would keep the admin waiting for minutes.
        const gaveUp = (error as Error)?.name === TIMEOUT_ERROR_NAME || isAbort(error);
        if (!retryable || gaveUp || attempt >= this.policy.maxRetries) throw error;
        await this.policy.sleep(retryDelayMs(this.policy, attempt, undefined));
        continue;
      }
      const status = context.response?.status ?? 0;
      if (!retryable || !RETRIABLE_STATUSES.has(status) || attempt >= this.policy.maxRetries)
        return;
      await this.policy.sleep(retryDelayMs(this.policy, attempt, context.response?.headers));
    }
  }
}

export function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError';
}

/**
 * The last link: fetch (injectable for unit tests), with a time limit that covers the body too
 * (a frozen tenant may send headers and then nothing), and the caller's AbortSignal honoured so
 * that leaving a page stops its reads.
 */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly timeoutMs: () => number = () => DEFAULT_TIMEOUT_MS,
  ) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ?? {}) as RequestInit;
    const caller = options.signal ?? undefined;
    if (caller?.aborted) throw abortError();
    const controller = new AbortController();
    const limit = this.timeoutMs();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limit);
    const cancel = () => controller.abort();
    caller?.addEventListener('abort', cancel);
    try {
      const response = await this.fetchImpl(context.request, {
        ...options,
        signal: controller.signal,
      });
      const body =
        response.status === 204 || response.status === 304 ? null : await response.text();
      context.response = new Response(body === '' ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (timedOut) throw timeoutError(limit);
      if (caller?.aborted) throw abortError();
      throw error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', cancel);
    }
  }
}

function timeoutError(ms: number): Error {
  const error = new Error(
    `Graph did not answer in ${Math.round(ms / 1000)} s — check your connection, then Try again.`,
  );
  error.name = TIMEOUT_ERROR_NAME;
  return error;
}

function abortError(): Error {
  const error = new Error('The request was cancelled: the page it was for was left.');
  error.name = 'AbortError';
  return error;
}

export function chain(...links: Middleware[]): Middleware {
  for (let i = 0; i < links.length - 1; i++) links[i].setNext?.(links[i + 1]);
  return links[0];
}
