// GET /auditLogs/directoryAudits with the query options Microsoft documents for it
// (microsoft-graph-docs-contrib api-reference/v1.0/api/directoryaudit-list.md and
// resources/directoryaudit.md): $filter with eq/ge/le on activityDateTime, eq/startswith on
// activityDisplayName, eq on category, id, correlationId, loggedByService, result, initiatedBy
// user/app fields, targetResources/any(t: t/id eq '…'), clauses joined by `and`; $top; $orderby
// activityDateTime; paging by $skiptoken in an absolute nextLink. Anything else is refused, as the
// demo tenant is never more lenient than Graph. Permissions (directoryaudit-list-permissions):
// AuditLog.Read.All and Directory.Read.All.
import { GraphHttpError } from './errors';
import { AUDIT_RETENTION_DAYS, auditLogOf, type DirectoryAudit } from './audit-log';
import type { GraphRequest, GraphResponse, Route } from './route';
import type { DirectoryStore } from '../directory/store';

type Predicate = (entry: DirectoryAudit) => boolean;

const unsupported = (text: string) =>
  new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported Query: ${text}`);

const STRING = `'((?:[^']|'')*)'`;
const unquote = (raw: string) => raw.replace(/''/g, "'");

const STRING_FIELDS: Record<string, (e: DirectoryAudit) => string | null | undefined> = {
  id: (e) => e.id,
  category: (e) => e.category,
  correlationId: (e) => e.correlationId,
  activityDisplayName: (e) => e.activityDisplayName,
  loggedByService: (e) => e.loggedByService,
  result: (e) => e.result,
  'initiatedBy/user/id': (e) => e.initiatedBy.user?.id,
  'initiatedBy/user/displayName': (e) => e.initiatedBy.user?.displayName,
  'initiatedBy/user/userPrincipalName': (e) => e.initiatedBy.user?.userPrincipalName,
  'initiatedBy/app/appId': (e) => e.initiatedBy.app?.appId,
  'initiatedBy/app/displayName': (e) => e.initiatedBy.app?.displayName,
};
const STARTSWITH_FIELDS = ['activityDisplayName', 'initiatedBy/user/userPrincipalName'];

function clause(text: string): Predicate {
  const eq = new RegExp(`^([A-Za-z/]+)\\s+eq\\s+${STRING}$`).exec(text);
  if (eq && STRING_FIELDS[eq[1]]) {
    const get = STRING_FIELDS[eq[1]];
    const value = unquote(eq[2]);
    return (e) => get(e) === value;
  }
  const starts = new RegExp(`^startswith\\(\\s*([A-Za-z/]+)\\s*,\\s*${STRING}\\s*\\)$`).exec(text);
  if (starts && STARTSWITH_FIELDS.includes(starts[1])) {
    const get = STRING_FIELDS[starts[1]];
    const prefix = unquote(starts[2]).toLowerCase();
    return (e) => (get(e) ?? '').toLowerCase().startsWith(prefix);
  }
  const date = /^activityDateTime\s+(eq|ge|le)\s+(\d{4}-\d{2}-\d{2}T[0-9:.]+Z)$/.exec(text);
  if (date) {
    const at = Date.parse(date[2]);
    if (Number.isNaN(at)) throw unsupported(text);
    const op = date[1];
    return (e) => {
      const t = Date.parse(e.activityDateTime);
      return op === 'eq' ? t === at : op === 'ge' ? t >= at : t <= at;
    };
  }
  const any = new RegExp(
    `^targetResources/any\\(\\s*(\\w+)\\s*:\\s*(\\w+)/(id|displayName)\\s+eq\\s+${STRING}\\s*\\)$`,
  ).exec(text);
  if (any && any[1] === any[2]) {
    const value = unquote(any[4]);
    const field = any[3] as 'id' | 'displayName';
    return (e) => e.targetResources.some((t) => t[field] === value);
  }
  throw unsupported(text);
}

/** Splits on ` and ` outside quotes and parentheses; `or` and `not` are not documented: refused. */
export function parseAuditFilter(text: string): Predicate {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && /^\sand\s/i.test(text.slice(i, i + 5))) {
      parts.push(text.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(text.slice(start));
  const predicates = parts.map((p) => clause(p.trim()));
  return (e) => predicates.every((p) => p(e));
}

const ALLOWED = new Set(['$filter', '$top', '$orderby', '$skiptoken', '$select']);
const MAX_TOP = 999;

function list(req: GraphRequest, store: DirectoryStore, graphRoot: string): GraphResponse {
  for (const key of req.params.keys())
    if (key.startsWith('$') && !ALLOWED.has(key)) throw unsupported(key);
  const filterText = req.params.get('$filter');
  const filter = filterText ? parseAuditFilter(filterText) : () => true;
  const topText = req.params.get('$top');
  const top = topText === null ? 100 : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    throw new GraphHttpError(400, 'Request_BadRequest', `Invalid value '${topText}' for $top.`);
  const orderby = (req.params.get('$orderby') ?? 'activityDateTime desc').trim();
  if (!/^activityDateTime(\s+(asc|desc))?$/.test(orderby)) throw unsupported(orderby);
  const skip = decodeSkipToken(req.params.get('$skiptoken'));
  const since = Date.now() - AUDIT_RETENTION_DAYS * 86400_000;
  const ordered = auditLogOf(store)
    .filter((e) => Date.parse(e.activityDateTime) >= since && filter(e))
    .sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime));
  if (!orderby.endsWith('asc')) ordered.reverse();
  const page = ordered.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': `${graphRoot}/$metadata#auditLogs/directoryAudits`,
    value: page,
  };
  if (skip + top < ordered.length) {
    const next = new URLSearchParams(req.params);
    next.set('$skiptoken', Buffer.from(`audit:${skip + top}`).toString('base64url'));
    body['@odata.nextLink'] =
      `${graphRoot}/auditLogs/directoryAudits?${next.toString().replace(/\+/g, '%20')}`;
  }
  return { status: 200, body };
}

function decodeSkipToken(token: string | null): number {
  if (token === null) return 0;
  const match = /^audit:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) throw new GraphHttpError(400, 'Request_BadRequest', 'Invalid $skiptoken.');
  return Number(match[1]);
}

export const AUDIT_LOG_ROUTES: Route[] = [
  {
    method: 'GET',
    template: '/auditLogs/directoryAudits',
    pattern: /^\/auditLogs\/directoryAudits$/,
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    handle: (req, _params, ctx) => list(req, ctx.store, ctx.graphRoot),
  },
];
