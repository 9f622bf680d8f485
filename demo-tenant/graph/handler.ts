// The Graph emulator's HTTP face: CORS, bearer tokens, request ids, latency and fault injection,
// $batch, and the operator's /_demo endpoints. Routes and rules live in routes.ts and lib/policy.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphTokenVerifier, RequestHandler } from '../contracts';
import { DirectoryError, type DirectoryStore } from '../directory/store';
import { executeBatch } from './batch';
import { bearerChallenge, errorBody, GraphHttpError } from './errors';
import { dispatch, routeTemplate, type GraphResponse } from './routes';
import { RequestStats } from './stats';

export interface GraphHandlerOptions {
  store: DirectoryStore;
  verifyToken: GraphTokenVerifier;
  /** e.g. http://localhost:4000 — nextLinks and ids are absolute, as Graph's are. */
  publicBaseUrl: string;
  allowedOrigins: string[];
  latencyMs?: number;
  faultRate?: number;
  random?: () => number;
}

const EXPOSED = 'request-id, client-request-id, Retry-After, Location';
const MAX_BODY = 1_000_000;

export function createGraphHandler(
  options: GraphHandlerOptions,
): RequestHandler & { stats: RequestStats } {
  const stats = new RequestStats();
  const random = options.random ?? Math.random;
  const graphRoot = `${options.publicBaseUrl}/v1.0`;
  const ctx = { store: options.store, graphRoot };

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
    const url = new URL(req.url ?? '/', options.publicBaseUrl);
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
    if (url.pathname.startsWith('/_demo/')) return handleOperator(req, res, url.pathname);

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
    stats.count(path === '/$batch' ? `${method} /v1.0/$batch` : routeTemplate(method, path));
    try {
      const body = await readJson(req);
      if (options.latencyMs) await delay(options.latencyMs);
      const auth = await options.verifyToken(headerValue(req.headers.authorization));
      if (!auth.ok)
        throw new GraphHttpError(401, 'InvalidAuthenticationToken', auth.message, {
          'WWW-Authenticate': bearerChallenge(`${options.publicBaseUrl}/auth`),
        });
      const fault = injectedFault();
      if (fault) throw fault;
      if (path === '/$batch' && method === 'POST') {
        return send(
          await executeBatch(body, (sub) => {
            const subFault = injectedFault();
            if (subFault) return toErrorResponse(subFault, randomUUID(), clientRequestId);
            try {
              stats.count(`${routeTemplate(sub.method, sub.path)} (in $batch)`);
              return dispatch({ ...sub, auth }, ctx);
            } catch (error) {
              return toErrorResponse(error, randomUUID(), clientRequestId);
            }
          }),
        );
      }
      send(
        dispatch(
          {
            method,
            path,
            params: url.searchParams,
            headers: { consistencylevel: headerValue(req.headers.consistencylevel) },
            body,
            auth,
          },
          ctx,
        ),
      );
    } catch (error) {
      sendError(error);
    }
  };

  const handleOperator = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (pathname === '/_demo/stats' && req.method === 'GET') return json(200, stats.snapshot());
    if (pathname === '/_demo/stats/reset' && req.method === 'POST') {
      stats.reset();
      return json(200, stats.snapshot());
    }
    if (pathname === '/_demo/controls' && req.method === 'POST') {
      // Tests turn throttling and latency on and off without restarting the tenant.
      return readJson(req).then((body) => {
        const controls = (body ?? {}) as { faultRate?: number; latencyMs?: number };
        if (typeof controls.faultRate === 'number') options.faultRate = controls.faultRate;
        if (typeof controls.latencyMs === 'number') options.latencyMs = controls.latencyMs;
        json(200, { faultRate: options.faultRate ?? 0, latencyMs: options.latencyMs ?? 0 });
      });
    }
    if (pathname === '/_demo/reset' && req.method === 'POST') {
      options.store.reset();
      stats.reset();
      return json(200, { reset: true });
    }
    json(404, {
      error:
        'Unknown operator endpoint. Use GET /_demo/stats, POST /_demo/stats/reset, POST /_demo/controls or POST /_demo/reset.',
    });
  };

  return Object.assign(handler, { stats });
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
