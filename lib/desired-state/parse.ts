// Reading a baseline file an admin chose: every problem is reported per item, in the admin's words,
// and nothing can be planned while an item with a problem is still included.
import { validateAccessTokenLifetime } from '../policy/lifetime';
import { onePolicyPerObjectMessage } from '../policy/messages';
import { formatTimeSpan, parseTimeSpan } from '../policy/timespan';
import { BASELINE_SCHEMA, BASELINE_VERSION, nameKey, type LinkedObjectKind } from './baseline';

export type BaselineProblemCode =
  | 'not-json'
  | 'not-a-baseline'
  | 'unknown-version'
  | 'missing-name'
  | 'duplicate-name'
  | 'invalid-lifetime'
  | 'out-of-range'
  | 'non-canonical-lifetime'
  | 'several-defaults'
  | 'invalid-link'
  | 'unknown-app'
  | 'duplicate-link';

export interface BaselineProblem {
  code: BaselineProblemCode;
  /** The item it is about (an ItemKey), absent when the whole file is unusable. */
  item?: ItemKey;
  /** Which item, as the admin would say it: the policy's name, or the policy and the appId. */
  where: string;
  message: string;
}

/** `policy:3` or `link:3:0`: what the admin can exclude. Excluding a policy excludes its links. */
export type ItemKey = string;
export const policyKey = (i: number): ItemKey => `policy:${i}`;
export const linkKey = (i: number, j: number): ItemKey => `link:${i}:${j}`;

export interface DesiredLink {
  key: ItemKey;
  appId: string;
  object: LinkedObjectKind;
}

export interface DesiredPolicy {
  key: ItemKey;
  displayName: string;
  description: string | null;
  lifetimeSeconds: number;
  isOrganizationDefault: boolean;
  links: DesiredLink[];
}

/** A file that is a baseline, its items still unchecked (the raw values are kept for messages). */
export interface BaselineFile {
  version: number;
  exportedAt?: string;
  tenant?: string;
  policies: RawPolicy[];
}

interface RawPolicy {
  displayName: unknown;
  description: unknown;
  accessTokenLifetime: unknown;
  isOrganizationDefault: unknown;
  links: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Step 1: is it a baseline at all? A file-level problem means nothing in it can be used. */
export function readBaselineFile(
  text: string,
): { ok: true; file: BaselineFile } | { ok: false; problem: BaselineProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem(
      'not-json',
      `The file is not JSON (${error instanceof Error ? error.message : 'unreadable'}). Choose a baseline exported by this dashboard.`,
    );
  }
  if (!isRecord(json) || json.schema !== BASELINE_SCHEMA)
    return fileProblem(
      'not-a-baseline',
      `The file is JSON but not a token lifetime policy baseline: it needs "schema": "${BASELINE_SCHEMA}".`,
    );
  if (json.version !== BASELINE_VERSION)
    return fileProblem(
      'unknown-version',
      `The baseline is version ${JSON.stringify(json.version) ?? 'missing'}; this dashboard reads version ${BASELINE_VERSION}. Export a new baseline, or use the dashboard version that wrote it.`,
    );
  if (!Array.isArray(json.policies))
    return fileProblem('not-a-baseline', 'The baseline has no "policies" list.');
  return {
    ok: true,
    file: {
      version: BASELINE_VERSION,
      exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : undefined,
      tenant: typeof json.tenant === 'string' ? json.tenant : undefined,
      policies: json.policies.map((p): RawPolicy => {
        const r = isRecord(p) ? p : {};
        return {
          displayName: r.displayName,
          description: r.description,
          accessTokenLifetime: r.accessTokenLifetime,
          isOrganizationDefault: r.isOrganizationDefault,
          links: r.links,
        };
      }),
    },
  };
}

function fileProblem(
  code: BaselineProblemCode,
  message: string,
): { ok: false; problem: BaselineProblem } {
  return { ok: false, problem: { code, where: 'The file', message } };
}

export interface TenantFacts {
  /** appIds with an application object in the tenant. */
  applicationAppIds: ReadonlySet<string>;
  /** appIds with a service principal in the tenant. */
  servicePrincipalAppIds: ReadonlySet<string>;
}

export interface CheckedBaseline {
  /** What is left to plan with, once every included item is free of problems. */
  policies: DesiredPolicy[];
  problems: BaselineProblem[];
}

/**
 * Step 2: every item, against the rules of lib/policy and the tenant it is compared with. Only
 * included items are checked together (duplicates, several defaults): excluding one of two
 * duplicates resolves the problem.
 */
export function checkBaseline(
  file: BaselineFile,
  tenant: TenantFacts,
  excluded: ReadonlySet<ItemKey> = new Set(),
): CheckedBaseline {
  const problems: BaselineProblem[] = [];
  const policies: DesiredPolicy[] = [];
  const byName = new Map<string, number[]>();
  const defaults: number[] = [];
  file.policies.forEach((raw, i) => {
    const key = policyKey(i);
    if (excluded.has(key)) return;
    const where =
      typeof raw.displayName === 'string' && raw.displayName.trim()
        ? `Policy '${raw.displayName}'`
        : `Policy ${i + 1}`;
    const add = (code: BaselineProblemCode, message: string, item = key, at = where) =>
      problems.push({ code, item, where: at, message });
    if (typeof raw.displayName !== 'string' || !raw.displayName.trim()) {
      add(
        'missing-name',
        'It has no display name: Graph requires one, and policies are matched by name.',
      );
      return;
    }
    const displayName = raw.displayName;
    const names = byName.get(nameKey(displayName)) ?? [];
    byName.set(nameKey(displayName), [...names, i]);
    const lifetimeSeconds = checkLifetime(raw.accessTokenLifetime, (code, message) =>
      add(code, message),
    );
    if (raw.isOrganizationDefault === true) defaults.push(i);
    const links: DesiredLink[] = [];
    const rawLinks = raw.links === undefined ? [] : raw.links;
    if (!Array.isArray(rawLinks)) add('invalid-link', '"links" must be a list.');
    else
      rawLinks.forEach((link, j) => {
        const lk = linkKey(i, j);
        if (excluded.has(lk)) return;
        const r = isRecord(link) ? link : {};
        const appId = typeof r.appId === 'string' ? r.appId.trim().toLowerCase() : '';
        const object = r.object;
        const at = `${where}, link ${j + 1}${appId ? ` (appId ${appId})` : ''}`;
        if (!appId || (object !== 'application' && object !== 'servicePrincipal')) {
          add(
            'invalid-link',
            'A link needs an "appId" and "object": "application" or "servicePrincipal".',
            lk,
            at,
          );
          return;
        }
        const known =
          object === 'application' ? tenant.applicationAppIds : tenant.servicePrincipalAppIds;
        if (!known.has(appId)) {
          add(
            'unknown-app',
            `No ${object === 'application' ? 'application object (app registration)' : 'service principal (enterprise application)'} with this appId exists in this tenant. Create it first, or exclude this link.`,
            lk,
            at,
          );
          return;
        }
        if (links.some((l) => l.appId === appId && l.object === object)) {
          add('duplicate-link', 'The same link is listed twice.', lk, at);
          return;
        }
        links.push({ key: lk, appId, object });
      });
    if (lifetimeSeconds === undefined) return;
    policies.push({
      key,
      displayName,
      description: typeof raw.description === 'string' ? raw.description : null,
      lifetimeSeconds,
      isOrganizationDefault: raw.isOrganizationDefault === true,
      links,
    });
  });
  for (const indexes of byName.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes)
      problems.push({
        code: 'duplicate-name',
        item: policyKey(i),
        where: `Policy '${String(file.policies[i].displayName)}'`,
        message: `${indexes.length} policies share this display name (compared without case): policies are matched by name, so keep one and exclude the others.`,
      });
  }
  if (defaults.length > 1)
    for (const i of defaults)
      problems.push({
        code: 'several-defaults',
        item: policyKey(i),
        where: `Policy '${String(file.policies[i].displayName)}'`,
        message: `${defaults.length} policies are marked as the organization default; Entra holds one at most. Exclude all but one.`,
      });
  // Links to the same object from two policies: Entra holds one policy per object.
  const linkOwners = new Map<string, DesiredLink[]>();
  for (const policy of policies)
    for (const link of policy.links) {
      const k = `${link.object}:${link.appId}`;
      linkOwners.set(k, [...(linkOwners.get(k) ?? []), link]);
    }
  for (const owners of linkOwners.values())
    if (owners.length > 1)
      for (const link of owners)
        problems.push({
          code: 'duplicate-link',
          item: link.key,
          where: `appId ${link.appId}`,
          message: onePolicyPerObjectMessage(link.object, owners.length),
        });
  return { policies, problems };
}

function checkLifetime(
  value: unknown,
  report: (code: BaselineProblemCode, message: string) => void,
): number | undefined {
  if (typeof value !== 'string') {
    report('invalid-lifetime', 'accessTokenLifetime is missing; write it like 02:00:00.');
    return undefined;
  }
  const parsed = parseTimeSpan(value);
  if (!parsed.ok) {
    report('invalid-lifetime', parsed.error);
    return undefined;
  }
  const range = validateAccessTokenLifetime(parsed.seconds);
  if (!range.ok) {
    report(
      'out-of-range',
      `${range.error} Nearest valid value: ${formatTimeSpan(range.nearestValidSeconds)}.`,
    );
    return undefined;
  }
  // The dashboard writes only canonical TimeSpans; a baseline is what will be written, so it must
  // say exactly that (00:90:00 is Microsoft's doc style, .NET itself refuses it).
  if (parsed.canonical !== value) {
    report(
      'non-canonical-lifetime',
      `"${value}" is not a canonical TimeSpan; write ${parsed.canonical} instead.`,
    );
    return undefined;
  }
  return parsed.seconds;
}

/** The problems that stop planning: every problem of an included item. */
export function isBlocking(problem: BaselineProblem): boolean {
  return problem.item !== undefined;
}

/** The appIds a baseline's links may name, from the loaded tenant (compared without case). */
export function tenantFactsOf(index: {
  targets: readonly { appId: string; application?: unknown; servicePrincipal?: unknown }[];
}): TenantFacts {
  const applicationAppIds = new Set<string>();
  const servicePrincipalAppIds = new Set<string>();
  for (const t of index.targets) {
    if (t.application) applicationAppIds.add(t.appId.toLowerCase());
    if (t.servicePrincipal) servicePrincipalAppIds.add(t.appId.toLowerCase());
  }
  return { applicationAppIds, servicePrincipalAppIds };
}
