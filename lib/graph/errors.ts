// One error for every failed Graph call: what the admin needs to act, and what support asks for.

/** The name the fetch layer gives a request that got no answer in time (see middleware.ts). */
export const TIMEOUT_ERROR_NAME = 'GraphTimeout';
export const TIMEOUT_CODE = 'Timeout';

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

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string;
    clientRequestId?: string;
    date?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'GraphRequestError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterSeconds = init.retryAfterSeconds;
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
        return `Graph is throttling requests. Wait ${this.retryAfterSeconds ?? 'a few'} seconds and try again.`;
      case this.status >= 500:
        return 'Graph had a temporary problem. Check whether the change was applied, then try again.';
      default:
        return 'Check the values and try again. If it keeps failing, give the request id to Microsoft support.';
    }
  }
}

export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('Retry-After');
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

export function graphErrorFrom(
  status: number,
  headers: Headers | undefined,
  body: unknown,
): GraphRequestError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const inner = envelope.error?.innerError;
  return new GraphRequestError({
    status,
    code: envelope.error?.code ?? (status === 0 ? 'NetworkError' : `HTTP${status}`),
    message:
      envelope.error?.message ??
      (typeof body === 'string' && body ? body : `Graph answered ${status}.`),
    requestId: inner?.['request-id'] ?? headers?.get('request-id') ?? undefined,
    clientRequestId: inner?.['client-request-id'] ?? headers?.get('client-request-id') ?? undefined,
    date: inner?.date,
    retryAfterSeconds: headers ? retryAfterSeconds(headers) : undefined,
  });
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
