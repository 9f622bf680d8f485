// One error for every failed Graph call: what the admin needs to act, and what support asks for.

/** The name the fetch layer gives a request that got no answer in time (see middleware.ts). */
export const TIMEOUT_ERROR_NAME = 'GraphTimeout';
export const TIMEOUT_CODE = 'Timeout';

/**
 * Statuses that pass: throttled (429) or a temporary outage (503, 504). An idempotent request
 * (GET, PATCH, DELETE, $ref) is sent again after Retry-After; a create never is.
 */
export const RETRIABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export class GraphRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly retryAfterSeconds?: number;
  /**
   * True when the request may or may not have taken effect (network failure, 5xx, throttling):
   * after a create, look the object up before offering to create it again.
   */
  readonly ambiguous: boolean;
  /** The failed request was a write (only then may the advice ask whether it took effect). */
  readonly write: boolean;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string;
    clientRequestId?: string;
    date?: string;
    retryAfterSeconds?: number;
    write?: boolean;
  }) {
    super(init.message);
    this.name = 'GraphRequestError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.write = init.write ?? false;
    // 429 is decided before the request runs, in Graph as in the demo tenant: not ambiguous.
    this.ambiguous = init.status === 0 || init.status >= 500;
  }

  /** No answer in time: a write may or may not have happened (look before saying either). */
  get timedOut(): boolean {
    return this.code === TIMEOUT_CODE;
  }

  /** What to do next, in the admin's words. */
  get advice(): string {
    switch (true) {
      case this.timedOut:
        return 'Graph did not answer in time. Check your connection, then try again.';
      case this.status === 0:
        return 'Graph could not be reached. Check your connection and try again.';
      case this.status === 401:
        return 'Your session has expired. Sign in again; unsaved changes are kept.';
      case this.status === 403:
        return 'Your account lacks the permission or directory role for this (Cloud Application Administrator or Application Administrator can write).';
      case this.status === 404:
        return 'The object no longer exists; someone may have deleted it. Refresh the page.';
      case this.status === 429:
        return `Graph is throttling requests. Wait ${waitFor(this.retryAfterSeconds)} and try again.`;
      case this.status >= 500:
        return this.write
          ? 'Graph had a temporary problem. Check whether the change was applied, then try again.'
          : 'Graph had a temporary problem. Try again in a moment.';
      default:
        return 'Check the values and try again. If it keeps failing, give the request id to Microsoft support.';
    }
  }
}

/** "1 second", "30 seconds", "a few seconds" (Retry-After unknown). */
export function waitFor(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return 'a few seconds';
  const whole = Math.max(1, Math.ceil(seconds));
  return `${whole} second${whole === 1 ? '' : 's'}`;
}

/** Headers as fetch gives them, or as a $batch sub-response carries them (a plain object). */
export type HeadersLike = Headers | Record<string, string>;

function headerOf(headers: HeadersLike | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

export function retryAfterSeconds(headers: HeadersLike | undefined): number | undefined {
  const value = headerOf(headers, 'Retry-After');
  if (value === undefined) return undefined;
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

interface ErrorEnvelope {
  error?: {
    code?: string;
    message?: string;
    innerError?: { 'request-id'?: string; 'client-request-id'?: string; date?: string };
  };
}

/**
 * The one reader of Graph's error envelope (`{ error: { code, message, innerError } }`), for
 * answers the SDK does not parse: $batch sub-responses above all. A sub-request that never got an
 * answer has status 0; one skipped because the request it depended on failed has 424.
 */
export function graphErrorFrom(
  status: number,
  headers: HeadersLike | undefined,
  body: unknown,
  { write = false }: { write?: boolean } = {},
): GraphRequestError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const inner = envelope.error?.innerError;
  return new GraphRequestError({
    status,
    code:
      envelope.error?.code ??
      (status === 0 ? 'NoAnswer' : status === 424 ? 'FailedDependency' : `HTTP${status}`),
    message:
      envelope.error?.message ??
      (typeof body === 'string' && body ? body : `Graph answered ${status || 'nothing'}.`),
    requestId: inner?.['request-id'] ?? headerOf(headers, 'request-id'),
    clientRequestId: inner?.['client-request-id'] ?? headerOf(headers, 'client-request-id'),
    date: inner?.date,
    retryAfterSeconds: retryAfterSeconds(headers),
    write,
  });
}

/** Anything a Graph call threw, as a GraphRequestError (lib/graph's calls already throw one). */
export function asGraphRequestError(error: unknown): GraphRequestError {
  return error instanceof GraphRequestError ? error : networkError(error);
}

export function timeoutError(message: string): GraphRequestError {
  return new GraphRequestError({ status: 0, code: TIMEOUT_CODE, message });
}

export function networkError(error: unknown): GraphRequestError {
  return new GraphRequestError({
    status: 0,
    code: 'NetworkError',
    message: `The request did not reach Graph: ${(error as Error)?.message ?? String(error)}`,
  });
}
