// .NET TimeSpan strings as AccessTokenLifetime uses them: [d.]hh:mm:ss. Always WRITE canonical;
// READ the doc-style overflow form (Microsoft's own article writes 90 min as "00:90:00").
import type { Finding } from './types';

export type TimeSpanResult =
  | { ok: true; seconds: number; canonical: string; findings: Finding[] }
  | { ok: false; error: string };

const EXPECTED = 'Expected a duration like 02:00:00 (hh:mm:ss) or 23:59:59 (the maximum).';
const TIMESPAN = /^(?:(\d{1,7})\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Canonical .NET TimeSpan ("c" format) for whole seconds: 86400 → 1.00:00:00, 5400 → 01:30:00. */
export function formatTimeSpan(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const days = Math.floor(total / 86400);
  const rest = total % 86400;
  const body = `${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}`;
  return (seconds < 0 ? '-' : '') + (days ? `${days}.${body}` : body);
}

export function parseTimeSpan(text: string): TimeSpanResult {
  const value = typeof text === 'string' ? text.trim() : '';
  if (value === '') return { ok: false, error: `The value is empty. ${EXPECTED}` };
  if (value.startsWith('-'))
    return { ok: false, error: `"${value}" is negative; a lifetime must be positive. ${EXPECTED}` };
  const m = TIMESPAN.exec(value);
  if (!m) return { ok: false, error: `"${value}" is not a duration. ${EXPECTED}` };
  const days = m[1] ? Number(m[1]) : 0;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const secs = Number(m[4]);
  if (secs > 59)
    return {
      ok: false,
      error: `"${value}" has ${secs} seconds; seconds go from 00 to 59. ${EXPECTED}`,
    };
  const fraction = m[5] ? Number(`0.${m[5]}`) : 0;
  if (fraction)
    return {
      ok: false,
      error: `"${value}" has a fraction of a second; use whole seconds. ${EXPECTED}`,
    };
  const seconds = days * 86400 + hours * 3600 + minutes * 60 + secs;
  const canonical = formatTimeSpan(seconds);
  if (hours > 23 && days > 0) {
    return {
      ok: false,
      error: `"${value}" has ${hours} hours after a day count; hours go from 00 to 23. ${EXPECTED}`,
    };
  }
  const findings: Finding[] = [];
  // Minutes 60+ or hours 24+ is what Microsoft's doc writes (00:90:00). .NET itself refuses it, so
  // we read it generously but say it is not canonical. One-digit hours (5:00:00) are plain .NET.
  if (minutes > 59 || hours > 23) {
    findings.push({
      code: 'non-canonical-timespan',
      severity: 'warning',
      message: `"${value}" is not a standard TimeSpan; it is read as ${canonical} and will be saved as ${canonical}.`,
    });
  }
  return { ok: true, seconds, canonical, findings };
}

const SHORT = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/;

/** What a person types in a form: a TimeSpan, or short forms 90m, 2h, 1h30m, 1d (spaces, any case). */
export function parseLifetimeInput(text: string): TimeSpanResult {
  const value = typeof text === 'string' ? text.trim().toLowerCase() : '';
  if (value.includes(':')) return parseTimeSpan(value);
  const m = value === '' ? null : SHORT.exec(value);
  if (!m || !(m[1] || m[2] || m[3] || m[4])) {
    if (value === '')
      return {
        ok: false,
        error: `The value is empty. ${EXPECTED} You can also type 90m, 2h, 1h30m or 1d.`,
      };
    return {
      ok: false,
      error: `"${text.trim()}" is not a duration. ${EXPECTED} You can also type 90m, 2h, 1h30m or 1d.`,
    };
  }
  const seconds =
    Number(m[1] ?? 0) * 86400 +
    Number(m[2] ?? 0) * 3600 +
    Number(m[3] ?? 0) * 60 +
    Number(m[4] ?? 0);
  return { ok: true, seconds, canonical: formatTimeSpan(seconds), findings: [] };
}
