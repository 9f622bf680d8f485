// A small PowerShell tokenizer for tests: enough of the lexical grammar of the PowerShell Language
// Specification 3.0 (chapter 2) to tell where a string literal, a comment or code begins and ends.
// It is not PowerShell's parser; it is an independent reading of the grammar that generated code
// is checked against (lib/codegen/powershell.test.ts, components/policies/snippets.test.ts).

export type PsStringForm = 'single' | 'single-here' | 'double' | 'double-here';

export type PsToken =
  | { kind: 'string'; form: PsStringForm; value: string; text: string; expandable: boolean }
  | { kind: 'comment'; text: string }
  | { kind: 'newline'; text: string }
  | { kind: 'variable'; text: string }
  | { kind: 'punctuation'; text: string }
  | { kind: 'word'; text: string };

export class PsSyntaxError extends Error {}

// §2.3.5.2 single-quote-character and double-quote-character.
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);
// §2.2.4 whitespace: Unicode Zs, Zl, Zp, horizontal tab, vertical tab, form feed.
const WHITESPACE = /^[\p{Zs}\p{Zl}\p{Zp}\t\v\f]$/u;
const PUNCTUATION = new Set(['(', ')', '{', '}', '[', ']', ';', ',', '|', '&', '=']);

const isSingleQuote = (c: string | undefined) => c !== undefined && SINGLE_QUOTES.has(c);
const isDoubleQuote = (c: string | undefined) => c !== undefined && DOUBLE_QUOTES.has(c);
// §2.2.2 new-line-character: CR, LF, or CR LF.
const isNewLine = (c: string | undefined) => c === '\r' || c === '\n';
const newLineLength = (src: string, i: number) =>
  src[i] === '\r' && src[i + 1] === '\n' ? 2 : isNewLine(src[i]) ? 1 : 0;

export function tokenize(src: string): PsToken[] {
  const tokens: PsToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const nl = newLineLength(src, i);
    if (nl) {
      tokens.push({ kind: 'newline', text: src.slice(i, i + nl) });
      i += nl;
    } else if (WHITESPACE.test(c)) {
      i++;
    } else if (c === '`' && newLineLength(src, i + 1)) {
      i += 1 + newLineLength(src, i + 1); // §2.2.4: line continuation is whitespace
    } else if (c === '#') {
      let end = i;
      while (end < src.length && !isNewLine(src[end])) end++;
      tokens.push({ kind: 'comment', text: src.slice(i, end) });
      i = end;
    } else if (c === '<' && src[i + 1] === '#') {
      const end = src.indexOf('#>', i + 2);
      if (end < 0) throw new PsSyntaxError(`Unterminated <# comment at ${i}.`);
      tokens.push({ kind: 'comment', text: src.slice(i, end + 2) });
      i = end + 2;
    } else if (c === '@' && (isSingleQuote(src[i + 1]) || isDoubleQuote(src[i + 1]))) {
      i = hereString(src, i, tokens);
    } else if (isSingleQuote(c)) {
      i = verbatimString(src, i, tokens);
    } else if (isDoubleQuote(c)) {
      i = expandableString(src, i, tokens);
    } else if (c === '$') {
      i = variable(src, i, tokens);
    } else if (c === '@' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      tokens.push({ kind: 'punctuation', text: src.slice(i, i + 2) });
      i += 2;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punctuation', text: c });
      i++;
    } else {
      let end = i;
      while (end < src.length && !endsWord(src[end])) end++;
      tokens.push({ kind: 'word', text: src.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

function endsWord(c: string): boolean {
  return (
    isNewLine(c) ||
    WHITESPACE.test(c) ||
    PUNCTUATION.has(c) ||
    isSingleQuote(c) ||
    isDoubleQuote(c) ||
    c === '$'
  );
}

/** verbatim-string-literal: a pair of single-quote-characters stands for the second one. */
function verbatimString(src: string, start: number, tokens: PsToken[]): number {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new PsSyntaxError(`Unterminated single-quoted string at ${start}.`);
    const c = src[i];
    if (isSingleQuote(c)) {
      if (!isSingleQuote(src[i + 1])) break;
      value += src[i + 1];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  tokens.push({
    kind: 'string',
    form: 'single',
    value,
    text: src.slice(start, i + 1),
    expandable: false,
  });
  return i + 1;
}

/**
 * expandable-string-literal: backtick escapes the next character, a pair of double-quote-characters
 * stands for one, `$name` and `$( … )` are expanded when the script runs.
 */
function expandableString(src: string, start: number, tokens: PsToken[]): number {
  let value = '';
  let expandable = false;
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new PsSyntaxError(`Unterminated double-quoted string at ${start}.`);
    const c = src[i];
    if (c === '`' && i + 1 < src.length) {
      value += src[i + 1];
      i += 2;
    } else if (isDoubleQuote(c)) {
      if (!isDoubleQuote(src[i + 1])) break;
      value += src[i + 1];
      i += 2;
    } else if (c === '$' && src[i + 1] === '(') {
      expandable = true;
      const end = closingParen(src, i + 1);
      value += src.slice(i, end + 1);
      i = end + 1;
    } else {
      if (c === '$' && /[\p{L}\p{Nd}_{:?^$]/u.test(src[i + 1] ?? '')) expandable = true;
      value += c;
      i++;
    }
  }
  tokens.push({ kind: 'string', form: 'double', value, text: src.slice(start, i + 1), expandable });
  return i + 1;
}

function closingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')' && --depth === 0) return i;
  }
  throw new PsSyntaxError(`Unterminated $( at ${open - 1}.`);
}

/**
 * verbatim-here-string-literal / expandable-here-string-literal: `@'` (or `@"`), optional
 * whitespace, a new line; the content ends at a new line followed by a quote of the same family
 * and `@`. The new lines after the header and before the terminator are not part of the value.
 */
function hereString(src: string, start: number, tokens: PsToken[]): number {
  const single = isSingleQuote(src[start + 1]);
  const isQuote = single ? isSingleQuote : isDoubleQuote;
  let i = start + 2;
  while (i < src.length && WHITESPACE.test(src[i])) i++;
  const headerNewLine = newLineLength(src, i);
  if (!headerNewLine)
    throw new PsSyntaxError(`No characters are allowed after a here-string header (at ${start}).`);
  const contentStart = i + headerNewLine;
  let contentEnd: number;
  let end: number;
  if (isQuote(src[contentStart]) && src[contentStart + 1] === '@') {
    contentEnd = contentStart;
    end = contentStart + 2;
  } else {
    let j = contentStart;
    for (;;) {
      if (j >= src.length) throw new PsSyntaxError(`Unterminated here-string at ${start}.`);
      const nl = newLineLength(src, j);
      if (nl && isQuote(src[j + nl]) && src[j + nl + 1] === '@') {
        contentEnd = j;
        end = j + nl + 2;
        break;
      }
      j++;
    }
  }
  const value = src.slice(contentStart, contentEnd);
  tokens.push({
    kind: 'string',
    form: single ? 'single-here' : 'double-here',
    value,
    text: src.slice(start, end),
    expandable: !single && value.includes('$'),
  });
  return end;
}

/** `$name`, `${any name}`, `$(`: the last one is the start of a subexpression (code). */
function variable(src: string, start: number, tokens: PsToken[]): number {
  if (src[start + 1] === '(') {
    tokens.push({ kind: 'punctuation', text: '$(' });
    return start + 2;
  }
  if (src[start + 1] === '{') {
    const end = src.indexOf('}', start + 2);
    if (end < 0) throw new PsSyntaxError(`Unterminated \${ at ${start}.`);
    tokens.push({ kind: 'variable', text: src.slice(start, end + 1) });
    return end + 1;
  }
  let end = start + 1;
  while (end < src.length && /[\p{L}\p{Nd}_:?^$]/u.test(src[end])) end++;
  tokens.push({ kind: 'variable', text: src.slice(start, end) });
  return end;
}
