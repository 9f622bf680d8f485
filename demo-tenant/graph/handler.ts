// The Graph emulator's HTTP face: CORS, bearer tokens, request ids, latency and fault injection,
// $batch, and the operator's /_demo endpoints. Routes and rules live in routes.ts and lib/policy.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphTokenVerifier, RequestHandler, TokenCheck } from '../contracts';
import { DirectoryError, type DirectoryStore } from '../directory/store';
import { executeBatch } from './batch';
import { bearerChallenge, errorBody, GraphHttpError } from './errors';
import {
  faultError,
  FaultRuleError,
  FaultRules,
  isConnectionOutcome,
  type ArmedFault,
} from './faults';
import {
  configuredHostName,
  OperatorInputError,
  operatorRefusal,
  parseControls,
} from './operator-guard';

import { dispatch, routeTemplate, type GraphResponse } from './routes';
import { clearAuditLog } from './audit-log';
import { RequestStats } from './stats';

export interface GraphHandlerOptions {
  store: DirectoryStore;
  verifyToken: GraphTokenVerifier;
  /**
   * e.g. http://localhost:4000 — nextLinks and ids are absolute, as Graph's are. A function when the
   * tenant listens twice (http and https): each answer names the origin it was asked on.
   */
  publicBaseUrl: string | ((req: IncomingMessage) => string);
  allowedOrigins: string[];
  latencyMs?: number;
  faultRate?: number;
  random?: () => number;
  /** Host names the operator endpoints accept besides loopback ones (DEMO_TENANT_HOST). */
  allowedHosts?: string[];
}

const EXPOSED = 'request-id, client-request-id, Retry-After, Location';
const MAX_BODY = 1_000_000;

export function createGraphHandler(
  options: GraphHandlerOptions,
): RequestHandler & { stats: RequestStats; faults: FaultRules } {
  const stats = new RequestStats();
  const faults = new FaultRules();
  const random = options.random ?? Math.random;
  const baseUrlOf = (req: IncomingMessage) =>
    typeof options.publicBaseUrl === 'function'
      ? options.publicBaseUrl(req)
      : options.publicBaseUrl;

  /** Decided before any state changes, so a faulted write changed nothing — as with real throttling. */
  const injectedFault = (): GraphHttpError | undefined => {
    if (!options.faultRate || random() >= options.faultRate) return undefined;
    return random() < 0.5
      ? new GraphHttpError(
          429,
          'TooManyRequests',
          'Too many requests. Retry after the time given in Retry-After.',
          { 'Retry-After': '1' },
        )
      : new GraphHttpError(
          503,
          'ServiceUnavailable',
          'The service is temporarily unavailable. Retry after the time given in Retry-After.',
          { 'Retry-After': '1' },
        );
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const baseUrl = baseUrlOf(req);
    const ctx = { store: options.store, graphRoot: `${baseUrl}/v1.0` };
    const url = new URL(req.url ?? '/', baseUrl);
    // Operator endpoints get no CORS headers at all: no web page may call them.
    if (url.pathname.startsWith('/_demo/')) return handleOperator(req, res, url.pathname);
    const origin = req.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    const requestId = randomUUID();
    const clientRequestId = headerValue(req.headers['client-request-id']) ?? requestId;
    const send = (response: GraphResponse) => {
      const headers: Record<string, string> = {
        'request-id': requestId,
        'client-request-id': clientRequestId,
        ...(response.headers ?? {}),
      };
      if (response.body !== undefined && !response.headers?.['Content-Type'])
        headers['Content-Type'] = 'application/json;odata.metadata=minimal;odata.streaming=true';
      res.writeHead(response.status, headers);
      // A text/plain body (the /$count segment) goes out as it is.
      const text =
        typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      res.end(response.body === undefined ? undefined : text);
    };
    const sendError = (error: unknown) => send(toErrorResponse(error, requestId, clientRequestId));

    if (!url.pathname.startsWith('/v1.0/')) {
      stats.count(`${req.method} (not Graph)`);
      return sendError(
        new GraphHttpError(
          404,
          'Request_ResourceNotFound',
          `No Graph resource at ${url.pathname}.`,
        ),
      );
    }
    const path = url.pathname.slice('/v1.0'.length);
    const method = req.method ?? 'GET';
    const malformed = malformedPathError(path);
    if (malformed) {
      stats.count(`${method} /v1.0/(malformed)`);
      req.resume();
      return sendError(malformed);
    }
    stats.count(path === '/$batch' ? `${method} /v1.0/$batch` : routeTemplate(method, path));
    const errorResponse = (error: unknown) => toErrorResponse(error, requestId, clientRequestId);
    // The answer the client gets, unless a connection fault (drop/hang) takes its place.
    const deliver = (response: GraphResponse | 'drop' | 'hang') => {
      if (response === 'drop') return void res.destroy();
      if (response === 'hang') return faults.hold(res);
      send(response);
    };
    let fault: ArmedFault | undefined;
    try {
      const body = await readJson(req);
      if (options.latencyMs) await delay(options.latencyMs);
      const auth = await options.verifyToken(headerValue(req.headers.authorization));
      if (!auth.ok)
        throw new GraphHttpError(401, 'InvalidAuthenticationToken', auth.message, {
          'WWW-Authenticate': bearerChallenge(`${baseUrl}/auth`),
        });
      fault = faults.take(method, path);
      if (fault?.when === 'before') return deliver(faultAnswer(fault, errorResponse));
      const tokenRefused =
        path === '/$batch' && method === 'POST'
          ? faults.takeTokenRefusal(batchSubRequestsOf(body))
          : undefined;
      if (tokenRefused) return deliver(faultAnswer(tokenRefused, errorResponse));
      // A targeted rule decides this request alone: "after" must really carry it out.
      const randomFault = fault ? undefined : injectedFault();
      if (randomFault) throw randomFault;
      const response =
        path === '/$batch' && method === 'POST'
          ? await runBatch(body, auth, clientRequestId, ctx)
          : dispatch(
              {
                method,
                path,
                params: url.searchParams,
                headers: { consistencylevel: headerValue(req.headers.consistencylevel) },
                body,
                auth,
              },
              ctx,
            );
      deliver(fault ? faultAnswer(fault, errorResponse) : response);
    } catch (error) {
      deliver(fault?.when === 'after' ? faultAnswer(fault, errorResponse) : errorResponse(error));
    }
  };

  /**
   * A sub-request's status fault becomes its sub-response; a drop or hang takes the whole $batch
   * response with it, after the batch ran (the other sub-requests are carried out either way).
   */
  const runBatch = async (
    body: unknown,
    auth: Extract<TokenCheck, { ok: true }>,
    clientRequestId: string,
    ctx: { store: DirectoryStore; graphRoot: string },
  ): Promise<GraphResponse | 'drop' | 'hang'> => {
    let lostConnection: 'drop' | 'hang' | undefined;
    const response = await executeBatch(body, (sub) => {
      const subErrorResponse = (error: unknown) =>
        toErrorResponse(error, randomUUID(), clientRequestId);
      const subFault = faults.take(sub.method, sub.path);
      const answerFault = (fault: ArmedFault): GraphResponse => {
        const answer = faultAnswer(fault, subErrorResponse);
        if (answer !== 'drop' && answer !== 'hang') return answer;
        lostConnection ??= answer;
        // Never seen by the client; it only lets dependsOn treat this request as failed.
        return { status: 502 };
      };
      if (subFault?.when === 'before') return answerFault(subFault);
      let subResponse: GraphResponse;
      const randomFault = subFault ? undefined : injectedFault();
      const malformed = malformedPathError(sub.path);
      if (malformed) subResponse = subErrorResponse(malformed);
      else if (randomFault) subResponse = subErrorResponse(randomFault);
      else {
        try {
          stats.count(`${routeTemplate(sub.method, sub.path)} (in $batch)`);
          subResponse = dispatch({ ...sub, auth }, ctx);
        } catch (error) {
          subResponse = subErrorResponse(error);
        }
      }
      return subFault ? answerFault(subFault) : subResponse;
    });
    return lostConnection ?? response;
  };

  const extraHosts = (options.allowedHosts ?? []).map(configuredHostName);

  const handleOperator = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const refusal = operatorRefusal(req, new URL(baseUrlOf(req)).origin, extraHosts);
    if (refusal) {
      req.resume();
      return json(refusal.status, { error: refusal.message });
    }
    try {
      if (pathname === '/_demo/stats' && req.method === 'GET') return json(200, stats.snapshot());
      if (pathname === '/_demo/stats/reset' && req.method === 'POST') {
        stats.reset();
        return json(200, stats.snapshot());
      }
      if (pathname === '/_demo/controls' && req.method === 'POST') {
        // Tests turn throttling and latency on and off without restarting the tenant.
        const controls = parseControls(await readJson(req));
        if (controls.faultRate !== undefined) options.faultRate = controls.faultRate;
        if (controls.latencyMs !== undefined) options.latencyMs = controls.latencyMs;
        return json(200, { faultRate: options.faultRate ?? 0, latencyMs: options.latencyMs ?? 0 });
      }
      if (pathname === '/_demo/faults') {
        if (req.method === 'GET') return json(200, { faults: faults.list() });
        if (req.method === 'DELETE') {
          faults.clear();
          return json(200, { faults: [] });
        }
        if (req.method === 'POST') return json(201, faults.arm(await readJson(req)));
      }
      if (pathname === '/_demo/reset' && req.method === 'POST') {
        options.store.reset();
        clearAuditLog(options.store);
        stats.reset();
        faults.clear();
        return json(200, { reset: true });
      }
      req.resume();
      json(404, {
        error:
          'Unknown operator endpoint. Use GET /_demo/stats, POST /_demo/stats/reset, POST /_demo/controls, GET/POST/DELETE /_demo/faults or POST /_demo/reset.',
      });
    } catch (error) {
      if (error instanceof OperatorInputError || error instanceof FaultRuleError)
        return json(400, { error: error.message });
      if (error instanceof GraphHttpError) return json(error.status, { error: error.message });
      throw error;
    }
  };

  return Object.assign(handler, { stats, faults });
}

function faultAnswer(
  fault: ArmedFault,
  errorResponse: (error: unknown) => GraphResponse,
): GraphResponse | 'drop' | 'hang' {
  return isConnectionOutcome(fault.outcome)
    ? fault.outcome
    : errorResponse(faultError(fault.outcome, fault));
}

function toErrorResponse(
  error: unknown,
  requestId: string,
  clientRequestId: string,
): GraphResponse {
  if (error instanceof GraphHttpError || error instanceof DirectoryError) {
    const headers = error instanceof GraphHttpError ? error.headers : {};
    return {
      status: error.status,
      headers: { 'request-id': requestId, 'client-request-id': clientRequestId, ...headers },
      body: errorBody(error.code, error.message, requestId, clientRequestId),
    };
  }
  // Only client input is ever percent-decoded (segments, '@odata.id'): a malformed escape is the
  // client's mistake, answered as Graph does, not a crash with a stack trace in the log.
  if (error instanceof URIError)
    return toErrorResponse(
      new GraphHttpError(400, 'Request_BadRequest', 'Bad request: malformed percent-encoding.'),
      requestId,
      clientRequestId,
    );
  console.error('demo tenant: unexpected error', error);
  return {
    status: 500,
    body: errorBody(
      'InternalServerError',
      'The demo tenant failed unexpectedly.',
      requestId,
      clientRequestId,
    ),
  };
}

/**
 * routes.ts decodes each path segment with decodeURIComponent, which throws on a malformed escape
 * (`%E0%A4%A`); Graph answers such a URL with a 400, so it is refused here, before dispatch.
 */
function malformedPathError(path: string): GraphHttpError | undefined {
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return new GraphHttpError(
        400,
        'Request_BadRequest',
        `Bad request: the URL segment '${segment}' holds a malformed percent-encoding.`,
      );
    }
  }
  return undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'DELETE' || req.method === 'HEAD') {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new GraphHttpError(413, 'Request_EntityTooLarge', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphHttpError(400, 'Request_BadRequest', 'The request body is not valid JSON.');
  }
}

/** The method and path of each sub-request of a $batch body, as far as it is well formed. */
function batchSubRequestsOf(body: unknown): Array<{ method: string; path: string }> {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return [];
  return requests.flatMap((r: { method?: unknown; url?: unknown }) =>
    typeof r?.method === 'string' && typeof r.url === 'string'
      ? [{ method: r.method, path: `/${r.url.replace(/^\//, '').split('?')[0]}` }]
      : [],
  );
}
