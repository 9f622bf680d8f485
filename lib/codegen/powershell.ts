// Every piece of data that goes into generated PowerShell (snippets, exports, DSC configurations,
// scripts) goes through here: a name, an id, a description or a definition is data, never code.
// Section numbers refer to the PowerShell Language Specification 3.0 (lexical grammar, chapter 2).
//
// Pasted text reaches PowerShell as UTF-16 and is safe as generated. A saved .ps1 must start with
// PS_FILE_BOM: Windows PowerShell 5.1 reads a BOM-less file in the ANSI code page, where UTF-8
// bytes such as 0x91, 0x92 and 0x82 (in ђ = D1 92) turn into single-quote-characters.
export const PS_FILE_BOM = '\uFEFF';

/**
 * single-quote-character (§2.3.5.2): PowerShell ends a single-quoted string at ANY of these five,
 * not only at ASCII ', so a name such as `x’+$(Write-Host PWNED)+’` breaks out of a literal that
 * doubles only ASCII quotes.
 */
export const PS_SINGLE_QUOTE_CHARACTERS = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;
const SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/g;

/**
 * A verbatim-string-literal (§2.3.5.2) whose value is exactly `value`: inside it a pair of
 * single-quote-characters stands for the second one, so each of the five is doubled. Nothing in
 * a single-quoted string is expanded ($, `, $() are plain characters) and new lines are allowed.
 */
export function psSingleQuoted(value: string): string {
  return `'${value.replace(SINGLE_QUOTE, (quote) => quote + quote)}'`;
}

/** `@('a', 'b')`: an array of verbatim string literals. */
export function psStringArray(values: readonly string[]): string {
  return `@(${values.map(psSingleQuoted).join(', ')})`;
}

/** $true / $false (§2.3.4's automatic variables); never a string that merely looks like one. */
export function psBoolean(value: boolean): string {
  return value ? '$true' : '$false';
}

/**
 * JSON as PowerShell reads it back unchanged: a verbatim-here-string-literal (§2.3.5.2), `@'` new
 * line … new line `'@`. A here-string ends at a new-line-character followed by any of the five
 * single-quote-characters and `@`; doubling does not exist there. So every non-ASCII character (the
 * four typographic quotes included, and U+2028/U+2029) is written as a JSON \uXXXX escape: each
 * line then starts with a space, `{`, `}`, `[`, `]`, `"` or a digit — never with a quote and `@`.
 * `ConvertFrom-Json` (and Graph) read the escapes back as the original characters.
 */
export function psJsonHereString(value: unknown): string {
  return `@'\n${asciiJson(value, 2)}\n'@`;
}

/**
 * JSON text with only printable ASCII and (when indented) LF: safe in any PowerShell quoting and
 * under any file encoding a reader may guess.
 */
export function asciiJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (json === undefined) throw new TypeError('This value has no JSON form.');
  // JSON.stringify already escapes U+0000–U+001F and lone surrogates; the rest of non-ASCII is
  // escaped per UTF-16 code unit, which JSON reads back as the same string.
  return json.replace(
    /[^\x20-\x7E\n]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A single-line comment (§2.2.3) of the generator's own words. Names and other data never go into
 * comments — they go into a psSingleQuoted literal or are left out — so anything beyond printable
 * ASCII here is a programming error, refused loudly rather than cleaned up quietly.
 */
export function psComment(text: string): string {
  if (!/^[\x20-\x7E]*$/.test(text))
    throw new Error(
      'psComment takes only the generator’s own ASCII words; quote data with psSingleQuoted.',
    );
  return `# ${text}`;
}

/**
 * A simple variable name (§2.3.2, `$` followed by letters, digits and underscores) chosen by the
 * generator. Refuses anything else: a name from the directory is never spliced into code.
 */
export function psVariable(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new Error(`Not a simple PowerShell variable name: ${JSON.stringify(name)}.`);
  return `$${name}`;
}

/**
 * An identifier derived from data (e.g. a DSC resource instance key): only ASCII letters, digits
 * and underscores survive; when nothing does, `fallback` (itself checked) is used.
 */
export function psIdentifierFrom(text: string, fallback: string): string {
  const kept = text.replace(/[^A-Za-z0-9_]/g, '');
  const identifier = /^[A-Za-z_]/.test(kept) ? kept : fallback;
  psVariable(identifier);
  return identifier;
}
