// .NET TimeSpan strings as token lifetime policies carry them: `[d.]hh:mm:ss`.
import type { Finding } from './types';

export type TimeSpanResult =
  | { ok: true; seconds: number; canonical: string; findings: Finding[] }
  | { ok: false; error: string };

const EXPECTED =
  'Expected a duration such as 02:00:00 (2 hours), 00:30:00 (30 minutes) or 1.00:00:00 (1 day), or a short form such as 90m, 2h, 1h30m, 1d.';

const TIMESPAN = /^(?:(\d{1,8})\.)?(\d{1,2}):(\d{1,3}):(\d{1,3})(?:\.(\d{1,7}))?$/;

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}

/** Canonical .NET "c" format: `hh:mm:ss`, or `d.hh:mm:ss` from one day on. */
export function formatTimeSpan(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`Cannot write a negative or infinite duration (${totalSeconds}).`);
  }
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(rest)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}

export function parseTimeSpan(text: string): TimeSpanResult {
  const value = (text ?? '').trim();
  if (value === '') return { ok: false, error: `The duration is empty. ${EXPECTED}` };
  if (value.startsWith('-')) {
    return { ok: false, error: `"${value}" is negative; a token lifetime must be positive. ${EXPECTED}` };
  }
  const match = TIMESPAN.exec(value);
  if (!match) return { ok: false, error: `"${value}" is not a TimeSpan. ${EXPECTED}` };
  const [, d, h, m, s, fraction] = match;
  const days = d ? Number(d) : 0;
  const hours = Number(h);
  const minutes = Number(m);
  const secs = Number(s);
  if (fraction && /[1-9]/.test(fraction)) {
    return {
      ok: false,
      error: `"${value}" has fractions of a second; token lifetimes are whole seconds. ${EXPECTED}`,
    };
  }
  const seconds = days * 86_400 + hours * 3_600 + minutes * 60 + secs;
  const canonical = formatTimeSpan(seconds);
  const findings: Finding[] = [];
  // Microsoft's own doc writes 90 minutes as 00:90:00: not a real TimeSpan, but meant as 90 min.
  const overflows = hours > 23 || minutes > 59 || secs > 59;
  if (overflows) {
    findings.push({
      code: 'non-canonical-timespan',
      severity: 'warning',
      message: `"${value}" is not a canonical TimeSpan (a field overflows); it is read as ${canonical}. It will be written as ${canonical}.`,
    });
  } else if (value !== canonical) {
    findings.push({
      code: 'non-canonical-timespan',
      severity: 'info',
      message: `"${value}" is written in a non-canonical form; it means ${canonical} and will be written that way.`,
    });
  }
  return { ok: true, seconds, canonical, findings };
}

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const SHORT_PART = /(\d+)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)/gy;

/** What a person types in a form: a TimeSpan, or `90m`, `2h`, `1h30m`, `1d`, `1 h 30 min`. */
export function parseLifetimeInput(text: string): TimeSpanResult {
  const value = (text ?? '').trim();
  if (value.includes(':')) return parseTimeSpan(value);
  if (value === '') return { ok: false, error: `The duration is empty. ${EXPECTED}` };
  if (value.startsWith('-')) {
    return { ok: false, error: `"${value}" is negative; a token lifetime must be positive. ${EXPECTED}` };
  }
  const compact = value.toLowerCase();
  let seconds = 0;
  let consumed = 0;
  let parts = 0;
  SHORT_PART.lastIndex = 0;
  for (;;) {
    while (compact[consumed] === ' ') consumed++;
    if (consumed >= compact.length) break;
    SHORT_PART.lastIndex = consumed;
    const match = SHORT_PART.exec(compact);
    if (!match) return { ok: false, error: `"${value}" is not a duration. ${EXPECTED}` };
    seconds += Number(match[1]) * UNIT_SECONDS[match[2][0]];
    consumed = SHORT_PART.lastIndex;
    parts++;
  }
  if (parts === 0) return { ok: false, error: `"${value}" is not a duration. ${EXPECTED}` };
  return { ok: true, seconds, canonical: formatTimeSpan(seconds), findings: [] };
}
