// The operator endpoints (/_demo/*) change the whole tenant, so only scripts on this machine may
// call them: no web page (cross-origin, same- or cross-site, form posts) and no foreign Host name.
import type { IncomingMessage } from 'node:http';

export class OperatorInputError extends Error {}

const CONTROL_RANGES = {
  faultRate: { min: 0, max: 1, unit: '' },
  latencyMs: { min: 0, max: 10_000, unit: ' ms' },
} as const;
type ControlName = keyof typeof CONTROL_RANGES;

/** All or nothing: one bad value and no control changes. */
export function parseControls(body: unknown): Partial<Record<ControlName, number>> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new OperatorInputError('Send a JSON object such as {"faultRate":0.3,"latencyMs":100}.');
  const controls: Partial<Record<ControlName, number>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(CONTROL_RANGES, key))
      throw new OperatorInputError(
        `Unknown control '${key}'. Known controls: ${Object.keys(CONTROL_RANGES).join(', ')}.`,
      );
    const { min, max, unit } = CONTROL_RANGES[key as ControlName];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
      throw new OperatorInputError(
        `${key} must be a number from ${min} to ${max}${unit}; got ${JSON.stringify(value)}.`,
      );
    controls[key as ControlName] = value;
  }
  return controls;
}

// Loopback names only (plus the configured DEMO_TENANT_HOST): a page on a foreign name that
// resolves to 127.0.0.1 (DNS rebinding) is same-origin to itself, so only the Host header tells.
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The canonical host name of a Host header value or a configured host; undefined if malformed. */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** A configured host (DEMO_TENANT_HOST) as it appears in a Host header: IPv6 in brackets. */
export function configuredHostName(host: string): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return hostnameOf(bracketed) ?? host.toLowerCase();
}

/** Why an operator request is refused (status and message), or undefined when it may go ahead. */
export function operatorRefusal(
  req: IncomingMessage,
  ownOrigin: string,
  extraHosts: string[],
): { status: number; message: string } | undefined {
  const host = req.headers.host ?? '';
  // A name and a port, nothing else ("localhost/.evil.example" would parse as localhost).
  const name = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host)
    ? hostnameOf(host)
    : undefined;
  const accepted = [...LOOPBACK_HOSTS, ...extraHosts];
  if (!host || !name || !accepted.includes(name))
    return {
      status: 403,
      message: `Operator endpoints answer only to the host names ${accepted.join(', ')}; this request was for '${host}'.`,
    };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin && origin !== `http://${host.toLowerCase()}`)
    return {
      status: 403,
      message: `Operator endpoints refuse cross-origin requests (Origin '${origin}'): call them from a script or a terminal, not from a web page.`,
    };
  // "same-site" too: the dashboard at localhost:3000 is the same site as localhost:4000 (ports
  // do not count), and an <img> or a GET sends no Origin header.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return {
      status: 403,
      message: `Operator endpoints refuse requests a web page makes for another origin (Sec-Fetch-Site: ${site}).`,
    };
  // A cross-origin HTML form can only send "simple" content types; requiring JSON means no form
  // can reach these endpoints even in a browser that sends no Origin.
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (hasBody && mediaType !== 'application/json')
    return {
      status: 415,
      message: `Operator endpoints take a body only as Content-Type: application/json (got '${req.headers['content-type'] ?? 'none'}').`,
    };
  return undefined;
}
