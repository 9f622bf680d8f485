// What governs sessions since 30 January 2021: Conditional Access sign-in frequency and persistent
// browser session replaced the refresh and session token settings of token lifetime policies
// (learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes, "token lifetime
// policies for refresh tokens and session tokens" retired; howto-conditional-access-session-lifetime).
// Shapes: Graph v1.0 conditionalAccessPolicy, signInFrequencySessionControl,
// persistentBrowserSessionControl (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0).
// The UI and the demo tenant both use these rules: the create is checked the same way in both.
import { RETIRED_PROPERTIES, parseDefinition } from './definition';
import { parseTimeSpan } from './timespan';
import type { TokenLifetimePolicy } from './types';

export type ConditionalAccessState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
export const CONDITIONAL_ACCESS_STATES: readonly ConditionalAccessState[] = [
  'enabled',
  'enabledForReportingButNotEnforced',
  'disabled',
];
export const STATE_LABELS: Record<ConditionalAccessState, string> = {
  enabled: 'On',
  enabledForReportingButNotEnforced: 'Report-only',
  disabled: 'Off',
};

export interface SignInFrequencySessionControl {
  isEnabled: boolean;
  type?: 'hours' | 'days' | null;
  value?: number | null;
  authenticationType?: string | null;
  frequencyInterval?: 'timeBased' | 'everyTime' | string | null;
}

export interface PersistentBrowserSessionControl {
  isEnabled: boolean;
  mode?: 'always' | 'never' | null;
}

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: ConditionalAccessState | string;
  createdDateTime?: string | null;
  modifiedDateTime?: string | null;
  conditions: {
    applications?: {
      includeApplications?: string[];
      excludeApplications?: string[];
      includeUserActions?: string[];
    } | null;
    users?: {
      includeUsers?: string[];
      excludeUsers?: string[];
      includeGroups?: string[];
      includeRoles?: string[];
    } | null;
    clientAppTypes?: string[];
  };
  grantControls?: { operator?: string; builtInControls?: string[] } | null;
  sessionControls?: {
    signInFrequency?: SignInFrequencySessionControl | null;
    persistentBrowser?: PersistentBrowserSessionControl | null;
  } | null;
}

// ---------------------------------------------------------------- sign-in frequency values

/** Sign-in frequency accepts 1–23 hours or 1–365 days (the admin center's choices; "1 hour to 365 days"). */
export const SIGN_IN_FREQUENCY_LIMITS = { hours: { min: 1, max: 23 }, days: { min: 1, max: 365 } };

export interface SignInFrequency {
  type: 'hours' | 'days';
  value: number;
}

export function formatSignInFrequency(f: SignInFrequency): string {
  const unit = f.type === 'hours' ? 'hour' : 'day';
  return `${f.value} ${unit}${f.value === 1 ? '' : 's'}`;
}

/**
 * The sign-in frequency nearest a retired MaxAge… value, rounded UP to whole hours (under a day)
 * or whole days: users are never asked more often than the old setting asked them.
 */
export function equivalentSignInFrequency(seconds: number): {
  frequency: SignInFrequency;
  exact: boolean;
  capped: boolean;
} {
  const hours = Math.max(1, Math.ceil(seconds / 3600));
  if (hours <= SIGN_IN_FREQUENCY_LIMITS.hours.max)
    return {
      frequency: { type: 'hours', value: hours },
      exact: hours * 3600 === seconds,
      capped: false,
    };
  const days = Math.ceil(seconds / 86400);
  const value = Math.min(days, SIGN_IN_FREQUENCY_LIMITS.days.max);
  return {
    frequency: { type: 'days', value },
    exact: days * 86400 === seconds && value === days,
    capped: value !== days,
  };
}

// ---------------------------------------------------------------- retired settings of a policy

/** Retired MaxAge… settings forced a new sign-in; MaxInactiveTime only expired idle refresh tokens. */
const REAUTHENTICATION_PROPERTIES = RETIRED_PROPERTIES.filter((p) => p.startsWith('MaxAge'));

export interface RetiredSessionSetting {
  property: string;
  raw: string;
  /** null for "until-revoked" (never expire) or an unreadable value. */
  seconds: number | null;
}

export function retiredSessionSettings(policy: TokenLifetimePolicy): RetiredSessionSetting[] {
  const parsed = parseDefinition(policy.definition);
  return parsed.retiredProperties.map((property) => {
    const raw = String(parsed.properties[property] ?? '');
    const timeSpan = /^until-revoked$/i.test(raw) ? null : parseTimeSpan(raw);
    return { property, raw, seconds: timeSpan && timeSpan.ok ? timeSpan.seconds : null };
  });
}

/**
 * The sign-in frequency that replaces a policy's retired settings: the shortest finite MaxAge…
 * value (the one that asked users to sign in again soonest). undefined when every MaxAge… value is
 * "until-revoked" — Entra's default today (a rolling 90-day window) is then already as lenient.
 */
export function replacementSignInFrequency(policy: TokenLifetimePolicy):
  | {
      from: RetiredSessionSetting;
      frequency: SignInFrequency;
      exact: boolean;
      capped: boolean;
    }
  | undefined {
  const finite = retiredSessionSettings(policy).filter(
    (s): s is RetiredSessionSetting & { seconds: number } =>
      s.seconds !== null && (REAUTHENTICATION_PROPERTIES as readonly string[]).includes(s.property),
  );
  if (finite.length === 0) return undefined;
  const shortest = finite.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { from: shortest, ...equivalentSignInFrequency(shortest.seconds) };
}

// ---------------------------------------------------------------- what governs sessions now

export interface SessionGoverningPolicy {
  policy: ConditionalAccessPolicy;
  signInFrequency?: SignInFrequency | 'everyTime';
  persistentBrowser?: 'always' | 'never';
  /** "All applications", or the count of named ones; exclusions counted. */
  targets: { allApplications: boolean; included: string[]; excluded: string[] };
}

/** Conditional Access policies with an enabled sign-in frequency or persistent browser control. */
export function sessionGoverningPolicies(
  policies: readonly ConditionalAccessPolicy[],
): SessionGoverningPolicy[] {
  const result: SessionGoverningPolicy[] = [];
  for (const policy of policies) {
    const sif = policy.sessionControls?.signInFrequency;
    const browser = policy.sessionControls?.persistentBrowser;
    const signInFrequency = sif?.isEnabled
      ? sif.frequencyInterval === 'everyTime'
        ? ('everyTime' as const)
        : (sif.type === 'hours' || sif.type === 'days') && typeof sif.value === 'number'
          ? { type: sif.type, value: sif.value }
          : undefined
      : undefined;
    const persistentBrowser =
      browser?.isEnabled && (browser.mode === 'always' || browser.mode === 'never')
        ? browser.mode
        : undefined;
    if (!signInFrequency && !persistentBrowser) continue;
    const apps = policy.conditions.applications ?? {};
    const included = apps.includeApplications ?? [];
    result.push({
      policy,
      signInFrequency,
      persistentBrowser,
      targets: {
        allApplications: included.some((a) => a.toLowerCase() === 'all'),
        included: included.filter((a) => a.toLowerCase() !== 'all'),
        excluded: apps.excludeApplications ?? [],
      },
    });
  }
  // Enforced first, then report-only, then off: what acts on users today comes first.
  const rank = (s: string) => CONDITIONAL_ACCESS_STATES.indexOf(s as ConditionalAccessState);
  return result.sort((a, b) => rank(a.policy.state) - rank(b.policy.state));
}

/** Whether a governing policy applies to an application (by appId) — exclusions win. */
export function governsApplication(g: SessionGoverningPolicy, appId: string): boolean {
  if (g.targets.excluded.includes(appId)) return false;
  return g.targets.allApplications || g.targets.included.includes(appId);
}

// ---------------------------------------------------------------- the draft

export const DRAFT_STATE: ConditionalAccessState = 'enabledForReportingButNotEnforced';

/** The body of POST /identity/conditionalAccess/policies for the report-only replacement. */
export function draftSignInFrequencyPolicy(input: {
  displayName: string;
  frequency: SignInFrequency;
  /** appIds the retired settings applied to; empty → All applications. */
  applications: readonly string[];
}) {
  return {
    displayName: input.displayName.slice(0, 256),
    // Report-only, always: the admin watches its effect in the sign-in logs before switching it on.
    state: DRAFT_STATE,
    conditions: {
      clientAppTypes: ['all'],
      applications: {
        includeApplications: input.applications.length > 0 ? [...input.applications] : ['All'],
      },
      users: { includeUsers: ['All'] },
    },
    sessionControls: {
      signInFrequency: {
        isEnabled: true,
        type: input.frequency.type,
        value: input.frequency.value,
        frequencyInterval: 'timeBased',
        authenticationType: 'primaryAndSecondaryAuthentication',
      },
    },
  };
}

export type DraftConditionalAccessPolicy = ReturnType<typeof draftSignInFrequencyPolicy>;

// ---------------------------------------------------------------- validation of a create

const TOP_LEVEL = new Set([
  'displayName',
  'state',
  'conditions',
  'grantControls',
  'sessionControls',
  'templateId',
]);
const BUILT_IN_CONTROLS = new Set([
  'block',
  'mfa',
  'compliantDevice',
  'domainJoinedDevice',
  'approvedApplication',
  'compliantApplication',
  'passwordChange',
  'unknownFutureValue',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyStrings = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '');
const stringsOrAbsent = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * What Graph checks when a Conditional Access policy is created: a display name, a known state,
 * an application rule, a user rule, and a grant or session control (conditionalaccessroot-post-
 * policies.md: "A valid policy should contain at least one of…" each). Never more lenient than
 * Graph: anything unsure is refused.
 */
export function checkConditionalAccessPolicyForCreate(
  body: unknown,
): { ok: true } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (!isRecord(body)) return fail('The request body is not a JSON object.');
  for (const key of Object.keys(body))
    if (!TOP_LEVEL.has(key) && !key.startsWith('@odata'))
      return fail(
        `Property '${key}' does not exist on type 'microsoft.graph.conditionalAccessPolicy'.`,
      );
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
    return fail('displayName is required.');
  if (body.displayName.length > 256) return fail('displayName is longer than 256 characters.');
  if (!CONDITIONAL_ACCESS_STATES.includes(body.state as ConditionalAccessState))
    return fail(`state must be one of ${CONDITIONAL_ACCESS_STATES.join(', ')}.`);
  const conditions = body.conditions;
  if (!isRecord(conditions)) return fail('conditions is required.');
  const apps = conditions.applications;
  if (
    !isRecord(apps) ||
    !(
      nonEmptyStrings(apps.includeApplications) ||
      nonEmptyStrings(apps.includeUserActions) ||
      nonEmptyStrings(apps.includeAuthenticationContextClassReferences)
    ) ||
    !stringsOrAbsent(apps.excludeApplications)
  )
    return fail('conditions.applications needs includeApplications (e.g. ["All"]).');
  const users = conditions.users;
  if (
    !isRecord(users) ||
    !(
      nonEmptyStrings(users.includeUsers) ||
      nonEmptyStrings(users.includeGroups) ||
      nonEmptyStrings(users.includeRoles)
    )
  )
    return fail('conditions.users needs includeUsers, includeGroups or includeRoles.');
  const grant = body.grantControls;
  const session = body.sessionControls;
  if (!isRecord(grant) && !isRecord(session))
    return fail('A policy needs grantControls or sessionControls.');
  if (isRecord(grant)) {
    if (grant.operator !== 'AND' && grant.operator !== 'OR')
      return fail("grantControls.operator must be 'AND' or 'OR'.");
    if (
      !Array.isArray(grant.builtInControls) ||
      !grant.builtInControls.every((c) => BUILT_IN_CONTROLS.has(String(c)))
    )
      return fail('grantControls.builtInControls holds an unknown control.');
  }
  if (isRecord(session)) {
    const sif = session.signInFrequency;
    if (sif !== undefined && sif !== null) {
      if (!isRecord(sif) || typeof sif.isEnabled !== 'boolean')
        return fail('sessionControls.signInFrequency.isEnabled is required.');
      const interval = sif.frequencyInterval ?? 'timeBased';
      if (interval !== 'timeBased' && interval !== 'everyTime')
        return fail("signInFrequency.frequencyInterval must be 'timeBased' or 'everyTime'.");
      if (sif.isEnabled && interval === 'timeBased') {
        const limits =
          sif.type === 'hours' || sif.type === 'days' ? SIGN_IN_FREQUENCY_LIMITS[sif.type] : null;
        if (!limits) return fail("signInFrequency.type must be 'hours' or 'days'.");
        if (
          typeof sif.value !== 'number' ||
          !Number.isInteger(sif.value) ||
          sif.value < limits.min ||
          sif.value > limits.max
        )
          return fail(
            `signInFrequency.value must be a whole number of ${sif.type} from ${limits.min} to ${limits.max}.`,
          );
      }
    }
    const browser = session.persistentBrowser;
    if (browser !== undefined && browser !== null) {
      if (
        !isRecord(browser) ||
        typeof browser.isEnabled !== 'boolean' ||
        (browser.mode !== 'always' && browser.mode !== 'never')
      )
        return fail("persistentBrowser needs isEnabled and mode 'always' or 'never'.");
      // howto-conditional-access-session-lifetime: persistent browser session needs All cloud apps.
      if (
        browser.isEnabled &&
        !(apps.includeApplications as string[] | undefined)?.some((a) => a.toLowerCase() === 'all')
      )
        return fail('Persistent browser session works only with All cloud apps selected.');
    }
  }
  return { ok: true };
}
