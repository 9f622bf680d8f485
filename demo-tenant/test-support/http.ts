// Test helpers that talk to a running demo tenant over real HTTP, as any client would.
import { checkGraphResponse } from '../conformance/conformance';
import { startDemoTenant, type DemoTenant, type DemoTenantOptions } from '../server';

export async function startTestTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  return startDemoTenant({
    port: 0,
    httpsPort: 0,
    appOrigins: ['http://localhost:3999'],
    ...options,
  });
}

export async function clientToken(
  url: string,
  scope: string,
  client = 'demo-automation',
  secret = `${client}-secret`,
) {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client,
      client_secret: secret,
      scope,
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & {
      access_token: string;
      expires_in: number;
    },
  };
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** A Graph client holding a client-credentials token of a demo client (the writer by default). */
export async function graphAs(url: string, client = 'demo-automation') {
  const { body } = await clientToken(url, 'https://graph.microsoft.com/.default', client);
  return graphClient(url, body.access_token);
}

export function graphClient(url: string, token: string) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(path.startsWith('http') ? path : `${url}/v1.0${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    // Every response a contract test sees must have the shape Graph's published types give.
    const problems = checkGraphResponse({
      method,
      path: path.startsWith('http') ? new URL(path).pathname.replace(/^\/v1\.0/, '') : path,
      status: response.status,
      body: parsed,
      requestBody: body,
    });
    if (problems.length > 0)
      throw new Error(`${method} ${path} does not answer as Graph would:\n${problems.join('\n')}`);
    return {
      status: response.status,
      headers: response.headers,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are checked field by field
      body: parsed as any,
    };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body: unknown) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export const definition = (lifetime: string, extra: Record<string, unknown> = {}) => [
  JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: lifetime, ...extra } }),
];

/** An operator call, as a script on this machine makes it (JSON, no Origin). */
export async function operator(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/_demo${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are checked field by field
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
}

export async function controls(url: string, values: { faultRate?: number; latencyMs?: number }) {
  const response = await operator(url, 'POST', '/controls', values);
  if (response.status !== 200)
    throw new Error(`controls refused: ${JSON.stringify(response.body)}`);
}

export async function armFault(url: string, rule: Record<string, unknown>) {
  const response = await operator(url, 'POST', '/faults', rule);
  if (response.status !== 201) throw new Error(`fault refused: ${JSON.stringify(response.body)}`);
  return response.body as { id: number };
}
