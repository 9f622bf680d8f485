// CSV that opens safely in Excel and Sheets: tenant data (display names!) may start with = + - @,
// which a spreadsheet would run as a formula. Such cells get a leading apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(
  rows: T[],
  columns: Array<{ header: string; value: (row: T) => unknown }>,
): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  // A BOM so Excel reads UTF-8 names (日本語, العربية) correctly.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Plain records, one column per key of the first record, in its order. */
export function objectsToCsv<T extends Record<string, unknown>>(rows: T[]): string {
  const keys = Object.keys(rows[0] ?? { displayName: '' });
  return toCsv(
    rows,
    keys.map((key) => ({ header: key, value: (row: T) => row[key] })),
  );
}

export function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
