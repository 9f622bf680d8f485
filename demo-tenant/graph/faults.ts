// Targeted failures: the operator arms rules ("fail the next link of a service principal with a
// 503", "carry out the next PATCH, then drop the connection") so tests can show what the dashboard
// does when one chosen Graph call fails — including the case where the write happened but the
// client never heard of it.
import type { ServerResponse } from 'node:http';
import { GraphHttpError } from './errors';

export type FaultStatusOutcome = {
  status: number;
  code?: string;
  message?: string;
  /** Seconds, sent as `Retry-After` (what Graph does on 429 and often on 503/504). */
  retryAfter?: number;
};

/** An error answer in Graph's envelope, a destroyed socket, or no answer at all until cleared. */
export type FaultOutcome = FaultStatusOutcome | 'drop' | 'hang';

export interface FaultRule {
  /** An HTTP method, or `*` for any. */
  method: string;
  /** A pattern over the path below /v1.0: `*` matches one segment, `**` any rest. */
  path: string;
  /** How many matching requests fail. */
  count: number;
  /** How many matching requests pass first. */
  skip: number;
  /** before: nothing changes (like throttling); after: the request is carried out, then its answer is replaced. */
  when: 'before' | 'after';
  outcome: FaultOutcome;
}

export interface ArmedFault extends FaultRule {
  id: number;
}

export class FaultRuleError extends Error {}

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', '*'];
const RULE_KEYS = ['method', 'path', 'count', 'skip', 'when', 'outcome'];
const OUTCOME_KEYS = ['status', 'code', 'message', 'retryAfter'];
const MAX_COUNT = 10_000;

/** Graph's own codes for the statuses a test is likely to inject (GRAPH-CONTRACT.md, Errors). */
const DEFAULT_CODES: Record<number, string> = {
  400: 'Request_BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Authorization_RequestDenied',
  404: 'Request_ResourceNotFound',
  409: 'Request_Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

function unknownKeys(value: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseOutcome(value: unknown): FaultOutcome {
  if (value === 'drop' || value === 'hang') return value;
  if (!isRecord(value))
    throw new FaultRuleError(
      'outcome must be "drop", "hang" or an object {"status": 400-599, "code"?, "message"?, "retryAfter"?}.',
    );
  const extra = unknownKeys(value, OUTCOME_KEYS);
  if (extra.length) throw new FaultRuleError(`outcome has unknown keys: ${extra.join(', ')}.`);
  const { status, code, message, retryAfter } = value;
  if (!isInteger(status, 400, 599))
    throw new FaultRuleError('outcome.status must be an integer from 400 to 599.');
  if (code !== undefined && (typeof code !== 'string' || code === ''))
    throw new FaultRuleError('outcome.code must be a non-empty string.');
  if (message !== undefined && typeof message !== 'string')
    throw new FaultRuleError('outcome.message must be a string.');
  if (retryAfter !== undefined && !isInteger(retryAfter, 0, 86_400))
    throw new FaultRuleError('outcome.retryAfter must be whole seconds from 0 to 86400.');
  return { status, code, message, retryAfter };
}

function parsePathPattern(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/'))
    throw new FaultRuleError(
      'path must be a string starting with "/", e.g. "/servicePrincipals/*/tokenLifetimePolicies/$ref".',
    );
  if (/^\/v1\.0(\/|$)/i.test(value))
    throw new FaultRuleError(
      'path is below /v1.0: write "/policies/tokenLifetimePolicies", not "/v1.0/policies/tokenLifetimePolicies".',
    );
  const segments = value.split('/').slice(1);
  segments.forEach((segment, index) => {
    if (segment.includes('*') && segment !== '*' && segment !== '**')
      throw new FaultRuleError(
        `path segment "${segment}": "*" and "**" must be whole segments (no partial wildcards).`,
      );
    if (segment === '**' && index !== segments.length - 1)
      throw new FaultRuleError('path: "**" may only be the last segment.');
  });
  return value;
}

/** Validates an operator's rule; every problem is a FaultRuleError whose message says what to send. */
export function parseFaultRule(body: unknown): FaultRule {
  if (!isRecord(body))
    throw new FaultRuleError(
      'Send a JSON object: {"method", "path", "count", "outcome", "skip"?, "when"?}.',
    );
  const extra = unknownKeys(body, RULE_KEYS);
  if (extra.length)
    throw new FaultRuleError(
      `Unknown keys: ${extra.join(', ')}. Allowed: ${RULE_KEYS.join(', ')}.`,
    );
  const method = typeof body.method === 'string' ? body.method.toUpperCase() : undefined;
  if (!method || !METHODS.includes(method))
    throw new FaultRuleError(`method must be one of ${METHODS.join(', ')}.`);
  const path = parsePathPattern(body.path);
  const count = body.count ?? 1;
  if (!isInteger(count, 1, MAX_COUNT))
    throw new FaultRuleError(`count must be an integer from 1 to ${MAX_COUNT}.`);
  const skip = body.skip ?? 0;
  if (!isInteger(skip, 0, MAX_COUNT))
    throw new FaultRuleError(`skip must be an integer from 0 to ${MAX_COUNT}.`);
  const when = body.when ?? 'before';
  if (when !== 'before' && when !== 'after')
    throw new FaultRuleError('when must be "before" or "after".');
  if (body.outcome === undefined) throw new FaultRuleError('outcome is required.');
  return { method, path, count, skip, when, outcome: parseOutcome(body.outcome) };
}

/** Graph's path segments are case-insensitive; the pattern is matched segment by segment. */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').slice(1);
  const have = path.split('/').slice(1);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '**') return true;
    if (i >= have.length) return false;
    if (want[i] === '*') {
      if (have[i] === '') return false;
      continue;
    }
    if (want[i].toLowerCase() !== have[i].toLowerCase()) return false;
  }
  return want.length === have.length;
}

/** The armed rules, in the order they were armed; the first one that matches and no longer skips fires. */
export class FaultRules {
  private rules: ArmedFault[] = [];
  private nextId = 1;
  private held = new Set<ServerResponse>();

  arm(body: unknown): ArmedFault {
    const armed = { id: this.nextId++, ...parseFaultRule(body) };
    this.rules.push(armed);
    return armed;
  }

  /** Consumes one use of the rule that fires for this request, if any. */
  take(method: string, path: string): ArmedFault | undefined {
    for (const rule of this.rules) {
      if (rule.method !== '*' && rule.method !== method.toUpperCase()) continue;
      if (!pathMatches(rule.path, path)) continue;
      if (rule.skip > 0) {
        rule.skip--;
        continue;
      }
      return this.consume(rule);
    }
    return undefined;
  }

  private consume(rule: ArmedFault): ArmedFault {
    rule.count--;
    if (rule.count === 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }

  /**
   * Graph checks the token once per HTTP request, on the $batch itself: a refused token fails the
   * whole batch with 401, never one sub-request. So a 401 rule that matches a sub-request is taken
   * here, before the batch runs, and refuses all of it.
   */
  takeTokenRefusal(requests: Array<{ method: string; path: string }>): ArmedFault | undefined {
    for (const request of requests) {
      const rule = this.rules.find(
        (r) =>
          typeof r.outcome === 'object' &&
          r.outcome.status === 401 &&
          r.skip === 0 &&
          (r.method === '*' || r.method === request.method.toUpperCase()) &&
          pathMatches(r.path, request.path),
      );
      if (rule) return this.consume(rule);
    }
    return undefined;
  }

  /** What is armed, with the remaining skip and count of each rule. */
  list(): ArmedFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Disarms every rule and lets go of hung requests (their sockets are closed). */
  clear(): void {
    this.rules = [];
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  /** "hang": the response is kept open, unanswered, until clear() or the server closes. */
  hold(res: ServerResponse): void {
    this.held.add(res);
    res.once('close', () => this.held.delete(res));
  }
}

export function isConnectionOutcome(outcome: FaultOutcome): outcome is 'drop' | 'hang' {
  return outcome === 'drop' || outcome === 'hang';
}

/** The error a status outcome stands for, in the shape the handler already answers for Graph errors. */
export function faultError(outcome: FaultStatusOutcome, rule: { id: number }): GraphHttpError {
  const code = outcome.code ?? DEFAULT_CODES[outcome.status] ?? 'UnknownError';
  const message =
    outcome.message ??
    `The demo tenant's operator failed this request on purpose (fault ${rule.id}).`;
  const headers: Record<string, string> =
    outcome.retryAfter !== undefined ? { 'Retry-After': String(outcome.retryAfter) } : {};
  return new GraphHttpError(outcome.status, code, message, headers);
}
