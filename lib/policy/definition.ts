// The `definition` collection Graph returns: one string holding JSON like
// {"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"08:00:00"}}. Read generously, never throw,
// and write back canonical values while keeping properties we do not know.
import {
  DOCUMENTED_ONE_DAY_SECONDS,
  MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
  validateAccessTokenLifetime,
} from './lifetime';
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
  if (parsed.seconds === DOCUMENTED_ONE_DAY_SECONDS) {
    // Written before Graph started refusing exactly 24 h: Entra still honours it, so read it as is.
    findings.push({
      code: 'one-day-not-writable',
      severity: 'warning',
      property: 'AccessTokenLifetime',
      message: `AccessTokenLifetime is 1 day (${raw}). Graph would refuse to write this value today; saving will write 23:59:59.`,
    });
    result.usable = true;
    return result;
  }
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

/**
 * What Microsoft Graph refuses to store. Each refusal carries the message Graph gives; the demo
 * tenant answers 400 Request_BadRequest with it.
 */
export type DefinitionRefusal = { ok: false; error: string; graphMessage: string };

const INVALID_DEFINITION = 'Property definition has an invalid value.';
/**
 * Graph's own words when a new policy carries refresh/session token settings, as reported in
 * MicrosoftDocs/azure-docs#70438 (2021, New-AzureADPolicy with MaxAgeSingleFactor: 400
 * Request_BadRequest).
 */
export const RETIRED_ON_CREATE_MESSAGE =
  'Configure Token Lifetime for RT/ST (Refresh/Session Token) has been retired on May 30, 2020. New policy cannot be created anymore.';

const refuse = (
  error: string,
  graphMessage = `${INVALID_DEFINITION} ${error}`,
): DefinitionRefusal => ({
  ok: false,
  error,
  graphMessage,
});

/**
 * What Graph answers 400 for. `stored` is the definition the policy holds today (an update); without
 * it the definition is for a new policy.
 *
 * Retired refresh/session settings: a NEW definition holding one is refused (field report above).
 * On update no report says either way; the demo tenant lets a definition keep the retired settings
 * the stored one already holds (so an old policy stays editable) and refuses adding any.
 * Version: no field report shows Graph refusing a missing or other Version, so, unsure, the demo
 * tenant is strict and refuses anything but `"Version": 1`.
 */
export function checkDefinitionForWrite(
  definition: unknown,
  stored?: unknown,
): { ok: true; parsed: ParsedDefinition } | DefinitionRefusal {
  if (!Array.isArray(definition)) return refuse('definition must be a collection of strings.');
  if (definition.length !== 1)
    return refuse(`definition must hold exactly one string; it holds ${definition.length}.`);
  const text: unknown = definition[0];
  if (typeof text !== 'string') return refuse('definition must be a collection of strings.');
  if (new TextEncoder().encode(text).length > MAX_DEFINITION_BYTES)
    return refuse(`definition is larger than ${MAX_DEFINITION_BYTES} bytes.`);
  const parsed = parseDefinition(definition);
  const blocking = parsed.findings.find((f) => f.severity === 'error');
  if (blocking || !parsed.usable || parsed.accessTokenLifetimeSeconds === null)
    return refuse(blocking?.message ?? 'AccessTokenLifetime is not usable.');
  const range = validateAccessTokenLifetime(parsed.accessTokenLifetimeSeconds);
  if (!range.ok) return refuse(`AccessTokenLifetime: ${range.error}`);
  if (parsed.version !== 1)
    return refuse(`Version is ${JSON.stringify(parsed.version) ?? 'missing'}; it must be 1.`);
  const alreadyStored =
    stored === undefined ? [] : (parseDefinition(stored).retiredProperties as string[]);
  const added = parsed.retiredProperties.filter((name) => !alreadyStored.includes(name));
  if (added.length > 0) {
    const error = `${added.join(', ')} ${added.length === 1 ? 'was' : 'were'} retired on 30 January 2021 and cannot be written.`;
    return stored === undefined ? refuse(error, RETIRED_ON_CREATE_MESSAGE) : refuse(error);
  }
  return { ok: true, parsed };
}

/** The lifetime a save writes for what a definition holds: a stored 1 day becomes 23:59:59. */
export function writableLifetimeSeconds(seconds: number): number {
  return seconds === DOCUMENTED_ONE_DAY_SECONDS ? MAX_ACCESS_TOKEN_LIFETIME_SECONDS : seconds;
}
