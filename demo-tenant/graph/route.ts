// One route of the Graph emulator: its method, path template, permissions and handler. Kept apart
// from the route table so that the tables of each area (reach, audit log) can use it without a cycle.
import type { TokenCheck } from '../contracts';
import type { DirectoryStore } from '../directory/store';
import type { PermissionNeed } from './permissions';

export interface GraphRequest {
  method: string;
  /** Path below /v1.0, e.g. /policies/tokenLifetimePolicies */
  path: string;
  params: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  auth: Extract<TokenCheck, { ok: true }>;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RouteContext {
  store: DirectoryStore;
  graphRoot: string;
}

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  permissions: PermissionNeed[];
  handle: (req: GraphRequest, params: string[], ctx: RouteContext) => GraphResponse;
}

export function route(
  method: string,
  template: string,
  permissions: PermissionNeed[],
  handle: Route['handle'],
): Route {
  const pattern = new RegExp(
    '^' +
      template
        .replace(/\{[^}]+\}/g, '([^/]+)')
        .replace(/\$/g, '\\$')
        .replace(/\((?!\[)/g, '\\(') +
      '$',
  );
  return { method, template, pattern, permissions, handle };
}
