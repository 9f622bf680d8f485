// Test data for generated code: strings that reach every corner of PowerShell's lexer.
import fc from 'fast-check';
import { PS_SINGLE_QUOTE_CHARACTERS } from './powershell';

/** Characters that matter to PowerShell's lexer, to be drawn far more often than chance would. */
const HOSTILE = [
  ...PS_SINGLE_QUOTE_CHARACTERS,
  '"',
  '\u201C',
  '\u201D',
  '\u201E',
  '$',
  '$(',
  ')',
  '`',
  '@',
  "'@",
  '\u2019@',
  '#',
  '<#',
  '#>',
  '\r',
  '\n',
  '\r\n',
  '\0',
  ' ',
  '\u2028',
  '\u00A0',
  '{',
  '}',
  ';',
  '|',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const hostileUnit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** Any string: full Unicode, lone surrogates, every quote character, $(), backticks, CR/LF, NUL. */
export const anyString = fc.string({ unit: hostileUnit, maxLength: 40 });
