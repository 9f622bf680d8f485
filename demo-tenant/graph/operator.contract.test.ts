// The operator endpoints (/_demo/*) change the whole tenant, so only scripts on this machine may
// call them: no web page (cross-origin, cross-site, form posts) and no foreign Host (DNS rebinding).
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore } from '../directory/store';
import type { DemoTenant } from '../server';
import { createGraphHandler } from './handler';
import { armFault, operator, startTestTenant } from '../test-support/http';

let tenant: DemoTenant;
let port: number;

beforeAll(async () => {
  tenant = await startTestTenant();
  port = Number(new URL(tenant.url).port);
});
afterAll(() => tenant.close());
beforeEach(async () => {
  expect((await operator(tenant.url, 'POST', '/reset')).status).toBe(200);
  expect(
    (await operator(tenant.url, 'POST', '/controls', { faultRate: 0, latencyMs: 0 })).status,
  ).toBe(200);
});

/** node:http, because fetch will not send a Host header of our choosing. */
function rawCall(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  toPort = port,
): Promise<{ status: number; headers: Record<string, unknown>; body: { error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: toPort,
        method,
        path,
        headers: { Host: `localhost:${toPort}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const currentControls = async () => (await operator(tenant.url, 'POST', '/controls', {})).body;
const armedCount = async () => (await operator(tenant.url, 'GET', '/faults')).body.faults.length;
const anyRule = { method: 'GET', path: '/**', count: 1, outcome: { status: 503 } };

describe('Host header (DNS rebinding)', () => {
  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('accepts %s', async (name) => {
    const response = await rawCall('GET', '/_demo/stats', { Host: `${name}:${port}` });
    expect(response.status).toBe(200);
  });

  it.each(['rebind.evil.example', 'localhost.evil.example', 'localhost/.evil.example', '10.0.0.7'])(
    'refuses %s with 403 and changes nothing',
    async (name) => {
      await armFault(tenant.url, anyRule);
      const response = await rawCall('DELETE', '/_demo/faults', { Host: `${name}:${port}` });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatch(/answer only to the host names localhost/);
      expect(await armedCount()).toBe(1);
    },
  );
});

describe('a configured DEMO_TENANT_HOST', () => {
  it('is accepted besides the loopback names, and nothing else is', async () => {
    const handler = createGraphHandler({
      store: new DirectoryStore({ size: 10 }),
      verifyToken: async () => ({ ok: false, message: 'no tokens here' }),
      publicBaseUrl: 'http://demo.internal:4000',
      allowedOrigins: [],
      allowedHosts: ['Demo.Internal'],
    });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const configuredPort = (server.address() as AddressInfo).port;
    try {
      const call = (host: string) =>
        rawCall('GET', '/_demo/stats', { Host: host }, undefined, configuredPort);
      expect((await call('demo.internal:4000')).status).toBe(200);
      expect((await call('localhost:4000')).status).toBe(200);
      expect((await call('other.internal:4000')).status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('web pages', () => {
  it('refuses a cross-origin request (Origin of another site, of the dashboard, or null)', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3999', 'null']) {
      const response = await rawCall('POST', '/_demo/reset', { Origin: origin });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatch(/refuse cross-origin requests/);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('accepts the tenant’s own origin', async () => {
    const response = await rawCall('POST', '/_demo/stats/reset', { Origin: tenant.url });
    expect(response.status).toBe(200);
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s', async (site) => {
    await armFault(tenant.url, anyRule);
    const response = await rawCall('GET', '/_demo/faults', { 'Sec-Fetch-Site': site });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatch(/Sec-Fetch-Site/);
    const deleted = await rawCall('DELETE', '/_demo/faults', { 'Sec-Fetch-Site': site });
    expect(deleted.status).toBe(403);
    expect(await armedCount()).toBe(1);
  });

  it('accepts Sec-Fetch-Site: same-origin and none (typed in the address bar)', async () => {
    for (const site of ['same-origin', 'none'])
      expect((await rawCall('GET', '/_demo/stats', { 'Sec-Fetch-Site': site })).status).toBe(200);
  });

  it.each([
    ['text/plain', '{"faultRate":1}'],
    ['application/x-www-form-urlencoded', 'faultRate=1'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n{"faultRate":1}\r\n--x--'],
  ])('refuses a body sent as %s (what a form can post) with 415', async (type, body) => {
    const response = await rawCall('POST', '/_demo/controls', { 'Content-Type': type }, body);
    expect(response.status).toBe(415);
    expect(response.body.error).toMatch(/application\/json/);
    expect(await currentControls()).toEqual({ faultRate: 0, latencyMs: 0 });
  });

  it('refuses a body with no Content-Type, accepts a POST with no body', async () => {
    expect((await rawCall('POST', '/_demo/controls', {}, '{"faultRate":1}')).status).toBe(415);
    expect((await rawCall('POST', '/_demo/reset', {})).status).toBe(200);
    expect(
      (
        await rawCall(
          'POST',
          '/_demo/controls',
          { 'Content-Type': 'application/json; charset=utf-8' },
          '{"latencyMs":5}',
        )
      ).status,
    ).toBe(200);
    expect(await currentControls()).toEqual({ faultRate: 0, latencyMs: 5 });
  });
});

describe('/_demo/controls values', () => {
  it.each([
    [{ faultRate: 1.5 }, /faultRate must be a number from 0 to 1; got 1.5/],
    [{ faultRate: -0.1 }, /faultRate must be a number from 0 to 1/],
    [{ faultRate: '0.3' }, /faultRate must be a number/],
    [{ faultRate: null }, /faultRate must be a number/],
    [{ latencyMs: 10_001 }, /latencyMs must be a number from 0 to 10000 ms/],
    [{ latencyMs: -1 }, /latencyMs must be a number/],
    [{ faultRate: 0.5, latencyMs: 99_999 }, /latencyMs/],
    [{ faultRate: 0.5, throttle: true }, /Unknown control 'throttle'/],
    [{ toString: 1 }, /Unknown control 'toString'/],
    [JSON.parse('{"__proto__":{"faultRate":1}}'), /Unknown control '__proto__'/],
    [[0.5], /JSON object/],
  ])('refuses %j with 400 and changes nothing', async (values, message) => {
    const response = await operator(tenant.url, 'POST', '/controls', values);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(message);
    expect(await currentControls()).toEqual({ faultRate: 0, latencyMs: 0 });
  });

  it('accepts the bounds', async () => {
    const response = await operator(tenant.url, 'POST', '/controls', {
      faultRate: 1,
      latencyMs: 10_000,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ faultRate: 1, latencyMs: 10_000 });
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const response = await rawCall(
      'POST',
      '/_demo/controls',
      { 'Content-Type': 'application/json' },
      '{"faultRate":',
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/not valid JSON/);
  });
});
