// The Graph client's middleware chain: tokens with the right scopes, safe retries, then fetch.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { retryAfterSeconds } from './errors';

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

export class AuthMiddleware extends ChainLink {
  constructor(
    private readonly getToken: (scopes: string[]) => Promise<string>,
    private readonly graphHost: string,
    private readonly defaultScopes: string[],
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    // Never hand a Graph token to any other host, even if a nextLink pointed there.
    if (new URL(urlOf(context)).host === this.graphHost) {
      const option = context.middlewareControl?.getMiddlewareOptions(ScopesOption) as
        ScopesOption | undefined;
      const token = await this.getToken(option?.scopes ?? this.defaultScopes);
      setHeader(context, 'Authorization', `Bearer ${token}`);
    }
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

const RETRIABLE = new Set([429, 503, 504]);

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
        // The request may not have reached Graph; only an idempotent one is sent again.
        if (!retryable || attempt >= this.policy.maxRetries) throw error;
        await this.policy.sleep(retryDelayMs(this.policy, attempt, undefined));
        continue;
      }
      const status = context.response?.status ?? 0;
      if (!retryable || !RETRIABLE.has(status) || attempt >= this.policy.maxRetries) return;
      await this.policy.sleep(retryDelayMs(this.policy, attempt, context.response?.headers));
    }
  }
}

/** The last link: plain fetch (injectable for unit tests). */
export class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}

export function chain(...links: Middleware[]): Middleware {
  for (let i = 0; i < links.length - 1; i++) links[i].setNext?.(links[i + 1]);
  return links[0];
}
