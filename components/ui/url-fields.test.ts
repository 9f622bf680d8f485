import { describe, expect, it } from 'vitest';
import { flagField, oneOfField, parseUrlValues, serializeUrlValues, textField } from './url-fields';

const schema = {
  q: textField(),
  rule: oneOfField(['graph-reference', 'current-article'], 'graph-reference'),
  kind: oneOfField(['app-only', 'first-party'], ''),
  disagree: flagField(),
};

describe('URL view state', () => {
  it('reads known values as they are', () => {
    const values = parseUrlValues(
      new URLSearchParams('q=Orders&rule=current-article&kind=app-only&disagree=1'),
      schema,
    );
    expect(values).toEqual({
      q: 'Orders',
      rule: 'current-article',
      kind: 'app-only',
      disagree: true,
    });
  });

  it('falls back to the default for absent, unknown or odd values, without throwing', () => {
    for (const query of [
      '',
      'rule=foo&kind=bogus&disagree=yes',
      'rule=&kind=',
      'rule=__proto__&kind=constructor&disagree=true',
      'rule=GRAPH-REFERENCE',
    ]) {
      expect(parseUrlValues(new URLSearchParams(query), schema)).toEqual({
        q: '',
        rule: 'graph-reference',
        kind: '',
        disagree: false,
      });
    }
  });

  it('keeps free text exactly, including characters that look like markup', () => {
    const q = '<img src=x> & "quotes" 在庫';
    expect(parseUrlValues(new URLSearchParams({ q }), schema).q).toBe(q);
  });

  it('writes defaults as absent parameters and ignores unknown keys', () => {
    expect(
      serializeUrlValues(schema, {
        q: '',
        rule: 'graph-reference',
        kind: 'first-party',
        disagree: false,
      }),
    ).toEqual({ q: undefined, rule: undefined, kind: 'first-party', disagree: undefined });
    expect(serializeUrlValues(schema, { rule: 'current-article', disagree: true })).toEqual({
      rule: 'current-article',
      disagree: '1',
    });
    expect(
      serializeUrlValues(schema, { nonsense: 'x' } as unknown as Parameters<
        typeof serializeUrlValues<typeof schema>
      >[1]),
    ).toEqual({});
  });
});
