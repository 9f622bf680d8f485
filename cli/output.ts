// What the command prints. stdout carries only the result (table, JSON or CSV), so a pipeline can
// read it; everything for the person — progress, notices, errors — goes to stderr.
import { objectsToCsv } from '../lib/export/csv';

export type Format = 'table' | 'json' | 'csv';

export function colorOn(stream: NodeJS.WriteStream): boolean {
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

const paint = (code: number) => (text: string, on: boolean) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;
export const red = paint(31);

// Control characters (terminal escapes) and bidirectional overrides (a name that reads backwards).
// eslint-disable-next-line no-control-regex -- control characters are what must not reach the terminal
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters of tenant data (a display name) never reach the terminal as such. */
export function printable(value: unknown): string {
  return String(value ?? '').replace(UNPRINTABLE, '?');
}

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cells = rows.map((row) => columns.map((c) => printable(row[c])));
  const widths = columns.map((c, i) =>
    Math.min(60, Math.max(c.length, ...cells.map((r) => r[i].length))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function render(
  rows: Array<Record<string, unknown>>,
  format: Format,
  columns: string[],
): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') return objectsToCsv(rows);
  return table(rows, columns);
}

export function parseFormat(value: string): Format {
  if (value === 'table' || value === 'json' || value === 'csv') return value;
  throw new Error(`--format must be table, json or csv (not '${value}').`);
}
