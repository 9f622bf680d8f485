import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiJson,
  PS_SINGLE_QUOTE_CHARACTERS,
  psBoolean,
  psComment,
  psIdentifierFrom,
  psJsonHereString,
  psSingleQuoted,
  psStringArray,
  psVariable,
} from './powershell';
import { anyString } from './powershell-test-strings';
import { PsSyntaxError, tokenize } from './powershell-tokenizer';

describe('psSingleQuoted', () => {
  it('for any string, is exactly one verbatim string token whose value is that string', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const tokens = tokenize(psSingleQuoted(value));
        expect(tokens).toHaveLength(1);
        expect(tokens[0]).toMatchObject({ kind: 'string', form: 'single', value });
      }),
      { numRuns: 2000 },
    );
  });

  it('for any string, ends where it should inside a statement: the code around it is unchanged', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const tokens = tokenize(`$name = ${psSingleQuoted(value)}; Write-Output $name # done\n`);
        expect(tokens.map((t) => (t.kind === 'string' ? t.value : t.text))).toEqual([
          '$name',
          '=',
          value,
          ';',
          'Write-Output',
          '$name',
          '# done',
          '\n',
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a policy named x’+$(Write-Host PWNED)+’ a plain string', () => {
    const name = 'x’+$(Write-Host PWNED)+’';
    // Doubling only ASCII quotes (the old psString) lets the name out of its literal.
    const naive = `'${name.replace(/'/g, "''")}'`;
    expect(tokenize(naive).map((t) => t.kind)).not.toEqual(['string']);
    expect(tokenize(naive)).toContainEqual({ kind: 'punctuation', text: '$(' });

    expect(psSingleQuoted(name)).toBe("'x’’+$(Write-Host PWNED)+’’'");
    expect(tokenize(psSingleQuoted(name))).toEqual([
      expect.objectContaining({ kind: 'string', form: 'single', value: name, expandable: false }),
    ]);
  });

  it.each(PS_SINGLE_QUOTE_CHARACTERS)('doubles %s', (quote) => {
    expect(psSingleQuoted(`a${quote}b`)).toBe(`'a${quote}${quote}b'`);
  });

  it('leaves every other character alone, new lines included', () => {
    expect(psSingleQuoted('"$env:USERNAME" `n\r\n#>')).toBe('\'"$env:USERNAME" `n\r\n#>\'');
  });

  it('writes string arrays and booleans', () => {
    expect(psStringArray(['a’b', 'c'])).toBe("@('a’’b', 'c')");
    expect(psBoolean(true)).toBe('$true');
    expect(psBoolean(false)).toBe('$false');
  });
});

describe('psJsonHereString', () => {
  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      anyString,
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('for any JSON value, is exactly one verbatim here-string whose JSON is that value', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const tokens = tokenize(`$body = ${psJsonHereString(value)}\nInvoke-MgGraphRequest\n`);
        expect(tokens.map((t) => t.kind)).toEqual([
          'variable',
          'punctuation',
          'string',
          'newline',
          'word',
          'newline',
        ]);
        const here = tokens[2];
        expect(here).toMatchObject({ kind: 'string', form: 'single-here' });
        expect(JSON.parse(here.kind === 'string' ? here.value : '')).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('cannot be ended early by a description that holds a new line, a quote and @', () => {
    const description = "Exports\n’@\nWrite-Host PWNED\n@’\n\u2028'@";
    const text = psJsonHereString({ displayName: 'd', description });
    const lines = text.split('\n');
    expect(lines.slice(1, -1).every((line) => /^[ {}[\]"0-9]/.test(line))).toBe(true);
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(1);
    expect(JSON.parse((tokens[0] as { value: string }).value).description).toBe(description);
  });

  it('escapes non-ASCII as \\uXXXX, per UTF-16 code unit, and JSON reads it back', () => {
    expect(asciiJson({ n: 'Ops’ 😀\uD800' })).toBe('{"n":"Ops\\u2019 \\ud83d\\ude00\\ud800"}');
    expect(JSON.parse(asciiJson({ n: 'Ops’ 😀\uD800' }))).toEqual({ n: 'Ops’ 😀\uD800' });
  });
});

describe('comments and identifiers', () => {
  it('writes the generator’s own words as a comment, refuses anything that could end the line', () => {
    expect(psComment('Link the policy')).toBe('# Link the policy');
    for (const text of ['a\nWrite-Host PWNED', 'a\rb', 'name ’x’', 'a\u2028b'])
      expect(() => psComment(text)).toThrow(/psSingleQuoted/);
  });

  it('accepts only simple variable names', () => {
    expect(psVariable('params')).toBe('$params');
    for (const name of ['a b', '(x)', 'env:PATH', '1x', '', 'a$(b)'])
      expect(() => psVariable(name)).toThrow(/Not a simple PowerShell variable name/);
  });

  it('derives identifiers from data by keeping only ASCII letters, digits and underscores', () => {
    expect(psIdentifierFrom('Contoso 2h (exports)', 'Policy')).toBe('Contoso2hexports');
    expect(psIdentifierFrom('’$(rm)’', 'Policy')).toBe('rm');
    expect(psIdentifierFrom('日本語', 'Policy1')).toBe('Policy1');
    expect(psIdentifierFrom('2h', 'Policy1')).toBe('Policy1');
    fc.assert(
      fc.property(anyString, (text) => {
        expect(psIdentifierFrom(text, 'Fallback')).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }),
    );
  });
});

describe('the test tokenizer itself (PowerShell Language Specification 3.0, chapter 2)', () => {
  it('reads a doubled quote of any of the five kinds as the second one', () => {
    expect(tokenize("'a‘’b'")).toEqual([
      { kind: 'string', form: 'single', value: 'a’b', text: "'a‘’b'", expandable: false },
    ]);
  });

  it('ends a single-quoted string at a typographic quote', () => {
    expect(tokenize("'a’ + $x").map((t) => t.kind)).toEqual(['string', 'word', 'variable']);
  });

  it('sees expansion in double-quoted strings and none in single-quoted ones', () => {
    expect(tokenize('"a $(Get-Date) b"')[0]).toMatchObject({ form: 'double', expandable: true });
    expect(tokenize('"a `$x"')[0]).toMatchObject({ value: 'a $x', expandable: false });
    expect(tokenize("'a $(Get-Date) b'")[0]).toMatchObject({ form: 'single', expandable: false });
  });

  it('ends a here-string at a new line, any single quote and @', () => {
    const tokens = tokenize("@'\nline\n‛@ more");
    expect(tokens[0]).toMatchObject({ form: 'single-here', value: 'line' });
    expect(tokens[1]).toEqual({ kind: 'word', text: 'more' });
    expect(tokenize("@'\r\na\r\nb\r\n'@")[0]).toMatchObject({ value: 'a\r\nb' });
    expect(() => tokenize("@'x\n'@")).toThrow(PsSyntaxError);
  });

  it('reads comments, block comments and new lines', () => {
    expect(tokenize('a # b\r\n<# c\n #> d').map((t) => t.kind)).toEqual([
      'word',
      'comment',
      'newline',
      'comment',
      'word',
    ]);
  });

  it('refuses unterminated strings', () => {
    expect(() => tokenize("'abc")).toThrow(PsSyntaxError);
    expect(() => tokenize('"abc')).toThrow(PsSyntaxError);
  });
});
