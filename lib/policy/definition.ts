// The `definition` collection Graph returns: one string that is itself JSON. Read it without ever
// throwing (tenants hold odd, old definitions) and write it back canonical, keeping what we don't know.
import { validateAccessTokenLifetime } from './lifetime';
import { formatTimeSpan, parseTimeSpan } from './timespan';
import type { Finding } from './types';

/** Retired on 30 January 2021: still found in old tenants, silently ignored by Entra. */
export const RETIRED_PROPERTIES = [
  'MaxInactiveTime',
  'MaxAgeSingleFactor',
  'MaxAgeMultiFactor',
  'MaxAgeSessionSingleFactor',
  'MaxAgeSessionMultiFactor',
] as const;

const RETIRED = new Set<string>(RETIRED_PROPERTIES);
/** Graph's own limit is not documented; anything this large is not a policy we should write. */
export const MAX_DEFINITION_LENGTH = 8_192;

export interface ParsedDefinition {
  accessTokenLifetimeSeconds: number | null;
  /** Canonical TimeSpan of the lifetime, when it could be read. */
  accessTokenLifetime: string | null;
  /** The value exactly as stored. */
  rawAccessTokenLifetime: string | null;
  version: unknown;
  /** The TokenLifetimePolicy object, unknown properties kept. */
  properties: Record<string, unknown>;
  retiredProperties: string[];
  findings: Finding[];
  /** True when the policy sets a readable, in-range AccessTokenLifetime: Entra applies it. */
  usable: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function emptyResult(findings: Finding[]): ParsedDefinition {
  return {
    accessTokenLifetimeSeconds: null,
    accessTokenLifetime: null,
    rawAccessTokenLifetime: null,
    version: undefined,
    properties: {},
    retiredProperties: [],
    findings,
    usable: false,
  };
}

export function parseDefinition(definition: unknown): ParsedDefinition {
  const findings: Finding[] = [];
  let text: unknown = definition;
  if (Array.isArray(definition)) {
    if (definition.length === 0) {
      return emptyResult([
        {
          code: 'empty-definition',
          severity: 'error',
          message: 'The definition is empty: this policy sets nothing. Edit it to set an access-token lifetime.',
        },
      ]);
    }
    if (definition.length > 1) {
      findings.push({
        code: 'multiple-definition-strings',
        severity: 'warning',
        message: `The definition holds ${definition.length} strings; Entra expects one. Only the first is read here; saving writes one.`,
      });
    }
    text = definition[0];
  }
  if (typeof text !== 'string') {
    return emptyResult([
      ...findings,
      {
        code: 'not-a-policy-object',
        severity: 'error',
        message: 'The definition is not a JSON string as Graph should return it; it cannot be read.',
      },
    ]);
  }
  if (text.length > MAX_DEFINITION_LENGTH) {
    return emptyResult([
      ...findings,
      {
        code: 'malformed-json',
        severity: 'error',
        message: `The definition is ${text.length} characters long, far larger than any token lifetime policy; it was not read.`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return emptyResult([
      ...findings,
      {
        code: 'malformed-json',
        severity: 'error',
        message: 'The definition is not valid JSON, so Entra cannot apply it. Rewrite it with an AccessTokenLifetime.',
      },
    ]);
  }
  const policy = isRecord(json) ? json.TokenLifetimePolicy : undefined;
  if (!isRecord(policy)) {
    return emptyResult([
      ...findings,
      {
        code: 'not-a-policy-object',
        severity: 'error',
        message: 'The definition has no "TokenLifetimePolicy" object, so it sets no lifetime.',
      },
    ]);
  }
  const result = emptyResult(findings);
  result.properties = { ...policy };
  result.version = policy.Version;
  if (policy.Version !== 1) {
    findings.push({
      code: 'unexpected-version',
      severity: 'warning',
      message: `Version is ${JSON.stringify(policy.Version ?? null)}; Entra documents only Version 1. Saving writes Version 1.`,
      property: 'Version',
    });
  }
  for (const key of Object.keys(policy)) {
    if (RETIRED.has(key)) {
      result.retiredProperties.push(key);
      findings.push({
        code: 'retired-property',
        severity: 'warning',
        property: key,
        message: `${key} has had no effect since 30 January 2021: Entra ignores it. Sign-in frequency in Conditional Access replaced it. You can remove it.`,
      });
    }
  }
  const raw = policy.AccessTokenLifetime;
  if (raw === undefined) {
    findings.push({
      code: 'missing-access-token-lifetime',
      severity: 'warning',
      property: 'AccessTokenLifetime',
      message: 'No AccessTokenLifetime: this policy does not change access-token lifetimes (the built-in 60–90 minutes apply).',
    });
    return result;
  }
  if (typeof raw !== 'string') {
    findings.push({
      code: 'invalid-timespan',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime is ${JSON.stringify(raw)}, not a TimeSpan string such as "02:00:00".`,
    });
    return result;
  }
  result.rawAccessTokenLifetime = raw;
  const parsed = parseTimeSpan(raw);
  if (!parsed.ok) {
    findings.push({
      code: 'invalid-timespan',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime: ${parsed.error}`,
    });
    return result;
  }
  result.accessTokenLifetimeSeconds = parsed.seconds;
  result.accessTokenLifetime = parsed.canonical;
  for (const finding of parsed.findings) findings.push({ ...finding, property: 'AccessTokenLifetime' });
  const range = validateAccessTokenLifetime(parsed.seconds);
  if (!range.ok) {
    findings.push({
      code: 'out-of-range',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime ${raw}: ${range.error}`,
    });
    return result;
  }
  result.usable = true;
  return result;
}

export interface BuildDefinitionOptions {
  /** The existing definition collection, so unknown properties survive an edit. */
  base?: unknown;
  accessTokenLifetimeSeconds: number;
  removeRetiredProperties?: boolean;
}

/** Always writes Version 1 and a canonical TimeSpan; throws on an out-of-range lifetime. */
export function buildDefinition(options: BuildDefinitionOptions): string[] {
  const range = validateAccessTokenLifetime(options.accessTokenLifetimeSeconds);
  if (!range.ok) throw new RangeError(range.error);
  const kept = options.base === undefined ? {} : parseDefinition(options.base).properties;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kept)) {
    if (key === 'Version' || key === 'AccessTokenLifetime') continue;
    if (options.removeRetiredProperties && RETIRED.has(key)) continue;
    rest[key] = value;
  }
  const policy = {
    Version: 1,
    AccessTokenLifetime: formatTimeSpan(options.accessTokenLifetimeSeconds),
    ...rest,
  };
  return [JSON.stringify({ TokenLifetimePolicy: policy })];
}

export type DefinitionWriteCheck =
  | { ok: true; parsed: ParsedDefinition }
  | { ok: false; error: string };

/** What Graph accepts on create/update; the demo tenant answers 400 with this error otherwise. */
export function checkDefinitionForWrite(definition: unknown): DefinitionWriteCheck {
  if (!Array.isArray(definition) || definition.length !== 1 || typeof definition[0] !== 'string') {
    return { ok: false, error: 'definition must be a collection holding exactly one JSON string.' };
  }
  if (definition[0].length > MAX_DEFINITION_LENGTH) {
    return { ok: false, error: `definition is too large (${definition[0].length} characters).` };
  }
  const parsed = parseDefinition(definition);
  const blocking = parsed.findings.find((f) => f.severity === 'error');
  if (blocking) return { ok: false, error: blocking.message };
  if (parsed.accessTokenLifetimeSeconds === null) {
    return { ok: false, error: 'definition sets no AccessTokenLifetime.' };
  }
  return { ok: true, parsed };
}
