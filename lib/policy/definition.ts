// The `definition` collection Graph returns: one string holding JSON like
// {"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"08:00:00"}}. Read generously, never throw,
// and write back canonical values while keeping properties we do not know.
import { validateAccessTokenLifetime } from './lifetime';
import { formatTimeSpan as formatTimeSpan, parseTimeSpan } from './timespan';
import type { Finding } from './types';

/** Retired on 30 Jan 2021: still found in old tenants, silently ignored by Entra. */
export const RETIRED_PROPERTIES = [
  'MaxInactiveTime',
  'MaxAgeSingleFactor',
  'MaxAgeMultiFactor',
  'MaxAgeSessionSingleFactor',
  'MaxAgeSessionMultiFactor',
] as const;

/** Graph refuses definitions larger than this. */
export const MAX_DEFINITION_BYTES = 8 * 1024;

export interface ParsedDefinition {
  accessTokenLifetimeSeconds: number | null;
  /** Canonical TimeSpan. */
  accessTokenLifetime: string | null;
  rawAccessTokenLifetime: string | null;
  version: unknown;
  /** The TokenLifetimePolicy object, unknown properties kept. */
  properties: Record<string, unknown>;
  retiredProperties: string[];
  findings: Finding[];
  /** AccessTokenLifetime present, parseable and in range. */
  usable: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function emptyParsed(findings: Finding[]): ParsedDefinition {
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
  let strings: unknown[];
  if (typeof definition === 'string') strings = [definition];
  else if (Array.isArray(definition)) strings = definition;
  else {
    return emptyParsed([
      {
        code: 'empty-definition',
        severity: 'error',
        message: 'The policy has no definition, so it sets no lifetime.',
      },
    ]);
  }
  if (strings.length === 0) {
    return emptyParsed([
      {
        code: 'empty-definition',
        severity: 'error',
        message: 'The definition is empty, so the policy sets no lifetime.',
      },
    ]);
  }
  if (strings.length > 1) {
    findings.push({
      code: 'multiple-definition-strings',
      severity: 'warning',
      message: `The definition holds ${strings.length} strings; Entra expects exactly one. Only the first is read.`,
    });
  }
  const first = strings[0];
  if (typeof first !== 'string') {
    return emptyParsed([
      ...findings,
      {
        code: 'malformed-json',
        severity: 'error',
        message: 'The definition is not text, so the policy sets no lifetime.',
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(first);
  } catch {
    return emptyParsed([
      ...findings,
      {
        code: 'malformed-json',
        severity: 'error',
        message:
          'The definition is not valid JSON, so the policy sets no lifetime. Re-enter the lifetime to repair it.',
      },
    ]);
  }
  const policyObject = isRecord(json) ? json.TokenLifetimePolicy : undefined;
  if (!isRecord(policyObject)) {
    return emptyParsed([
      ...findings,
      {
        code: 'not-a-policy-object',
        severity: 'error',
        message:
          'The definition has no "TokenLifetimePolicy" object, so the policy sets no lifetime.',
      },
    ]);
  }
  const properties: Record<string, unknown> = { ...policyObject };
  const version = properties.Version;
  if (version !== 1) {
    findings.push({
      code: 'unexpected-version',
      severity: 'warning',
      property: 'Version',
      message: `Version is ${JSON.stringify(version) ?? 'missing'}; Entra expects 1. It will be saved as 1.`,
    });
  }
  const retiredProperties = RETIRED_PROPERTIES.filter((name) => name in properties);
  for (const name of retiredProperties) {
    findings.push({
      code: 'retired-property',
      severity: 'warning',
      property: name,
      message: `${name} was retired on 30 January 2021 and does nothing any more; use sign-in frequency in Conditional Access instead.`,
    });
  }
  const raw = properties.AccessTokenLifetime;
  const result: ParsedDefinition = {
    accessTokenLifetimeSeconds: null,
    accessTokenLifetime: null,
    rawAccessTokenLifetime: typeof raw === 'string' ? raw : raw === undefined ? null : String(raw),
    version,
    properties,
    retiredProperties,
    findings,
    usable: false,
  };
  if (raw === undefined || raw === null) {
    findings.push({
      code: 'missing-access-token-lifetime',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: 'The policy sets no AccessTokenLifetime, so it has no effect on any token.',
    });
    return result;
  }
  if (typeof raw !== 'string') {
    findings.push({
      code: 'invalid-timespan',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime is ${JSON.stringify(raw)}, not a duration text like "02:00:00".`,
    });
    return result;
  }
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
  for (const f of parsed.findings) findings.push({ ...f, property: 'AccessTokenLifetime' });
  result.accessTokenLifetimeSeconds = parsed.seconds;
  result.accessTokenLifetime = parsed.canonical;
  const valid = validateAccessTokenLifetime(parsed.seconds);
  if (!valid.ok) {
    findings.push({
      code: 'out-of-range',
      severity: 'error',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime: ${valid.error}`,
    });
    return result;
  }
  result.usable = true;
  return result;
}

/** The definition collection to send to Graph: one string, Version 1, canonical lifetime. */
export function buildDefinition(options: {
  base?: unknown;
  accessTokenLifetimeSeconds: number;
  removeRetiredProperties?: boolean;
}): string[] {
  const valid = validateAccessTokenLifetime(options.accessTokenLifetimeSeconds);
  if (!valid.ok) throw new RangeError(valid.error);
  const base = options.base === undefined ? {} : parseDefinition(options.base).properties;
  const properties: Record<string, unknown> = {};
  // Version and AccessTokenLifetime first so the stored text reads like Microsoft's examples.
  properties.Version = 1;
  properties.AccessTokenLifetime = formatTimeSpan(options.accessTokenLifetimeSeconds);
  for (const [key, value] of Object.entries(base)) {
    if (key === 'Version' || key === 'AccessTokenLifetime') continue;
    if (options.removeRetiredProperties && (RETIRED_PROPERTIES as readonly string[]).includes(key))
      continue;
    properties[key] = value;
  }
  return [JSON.stringify({ TokenLifetimePolicy: properties })];
}

/** What Graph answers 400 for ("Property definition has an invalid value"). */
export function checkDefinitionForWrite(
  definition: unknown,
): { ok: true; parsed: ParsedDefinition } | { ok: false; error: string } {
  if (!Array.isArray(definition))
    return { ok: false, error: 'definition must be a collection of strings.' };
  if (definition.length !== 1)
    return {
      ok: false,
      error: `definition must hold exactly one string; it holds ${definition.length}.`,
    };
  const text: unknown = definition[0];
  if (typeof text !== 'string')
    return { ok: false, error: 'definition must be a collection of strings.' };
  if (new TextEncoder().encode(text).length > MAX_DEFINITION_BYTES) {
    return { ok: false, error: `definition is larger than ${MAX_DEFINITION_BYTES} bytes.` };
  }
  const parsed = parseDefinition(definition);
  const blocking = parsed.findings.find((f) => f.severity === 'error');
  if (blocking || !parsed.usable)
    return { ok: false, error: blocking?.message ?? 'AccessTokenLifetime is not usable.' };
  return { ok: true, parsed };
}
