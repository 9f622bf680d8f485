import { describe, expect, it } from 'vitest';
import { buildDefinition, checkDefinitionForWrite, parseDefinition } from './definition';

const def = (policy: Record<string, unknown>) => [JSON.stringify({ TokenLifetimePolicy: policy })];

describe('parseDefinition', () => {
  it('reads a plain 8 h policy', () => {
    const parsed = parseDefinition(def({ Version: 1, AccessTokenLifetime: '08:00:00' }));
    expect(parsed).toMatchObject({ usable: true, accessTokenLifetimeSeconds: 28800, accessTokenLifetime: '08:00:00' });
    expect(parsed.findings).toEqual([]);
  });

  it('flags every retired property by name', () => {
    const parsed = parseDefinition(
      def({ Version: 1, AccessTokenLifetime: '02:00:00', MaxInactiveTime: '90.00:00:00', MaxAgeSingleFactor: 'until-revoked' }),
    );
    expect(parsed.usable).toBe(true);
    expect(parsed.retiredProperties).toEqual(['MaxInactiveTime', 'MaxAgeSingleFactor']);
    const retired = parsed.findings.filter((f) => f.code === 'retired-property');
    expect(retired.map((f) => f.property)).toEqual(['MaxInactiveTime', 'MaxAgeSingleFactor']);
    expect(retired[0].message).toMatch(/no effect since 30 January 2021/);
  });

  it('reports malformed JSON instead of throwing', () => {
    const parsed = parseDefinition(['{"TokenLifetimePolicy":']);
    expect(parsed.usable).toBe(false);
    expect(parsed.findings[0]).toMatchObject({ code: 'malformed-json', severity: 'error' });
  });

  it('reports a missing AccessTokenLifetime', () => {
    const parsed = parseDefinition(def({ Version: 1, MaxInactiveTime: '1.00:00:00' }));
    expect(parsed.usable).toBe(false);
    expect(parsed.findings.map((f) => f.code)).toContain('missing-access-token-lifetime');
  });

  it('reports a wrong Version', () => {
    const parsed = parseDefinition(def({ Version: 2, AccessTokenLifetime: '02:00:00' }));
    expect(parsed.usable).toBe(true);
    expect(parsed.findings.map((f) => f.code)).toEqual(['unexpected-version']);
  });

  it('reads the first of several strings and says so', () => {
    const parsed = parseDefinition([...def({ Version: 1, AccessTokenLifetime: '02:00:00' }), '{}']);
    expect(parsed.accessTokenLifetimeSeconds).toBe(7200);
    expect(parsed.findings.map((f) => f.code)).toEqual(['multiple-definition-strings']);
  });

  it.each([[null], [42], [{}], [[42]], [[]], ['not json'], [['[1,2]']], [['{"TokenLifetimePolicy": "x"}']]])(
    'never throws on %j',
    (input) => {
      const parsed = parseDefinition(input);
      expect(parsed.usable).toBe(false);
      expect(parsed.findings.length).toBeGreaterThan(0);
    },
  );

  it('flags non-canonical and out-of-range values', () => {
    const ninety = parseDefinition(def({ Version: 1, AccessTokenLifetime: '00:90:00' }));
    expect(ninety).toMatchObject({ usable: true, accessTokenLifetimeSeconds: 5400, accessTokenLifetime: '01:30:00' });
    expect(ninety.findings.map((f) => f.code)).toEqual(['non-canonical-timespan']);
    const short = parseDefinition(def({ Version: 1, AccessTokenLifetime: '00:05:00' }));
    expect(short.usable).toBe(false);
    expect(short.findings.map((f) => f.code)).toEqual(['out-of-range']);
    const garbage = parseDefinition(def({ Version: 1, AccessTokenLifetime: 7200 }));
    expect(garbage.findings.map((f) => f.code)).toEqual(['invalid-timespan']);
  });
});

describe('buildDefinition', () => {
  it('writes canonical Version 1 and keeps unknown properties', () => {
    const base = def({ Version: 1, AccessTokenLifetime: '00:90:00', FutureSetting: { a: 1 }, MaxInactiveTime: '1.00:00:00' });
    const [text] = buildDefinition({ base, accessTokenLifetimeSeconds: 28800 });
    expect(JSON.parse(text)).toEqual({
      TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '08:00:00', FutureSetting: { a: 1 }, MaxInactiveTime: '1.00:00:00' },
    });
  });

  it('removes retired properties only when asked', () => {
    const base = def({ Version: 1, AccessTokenLifetime: '02:00:00', MaxInactiveTime: '1.00:00:00' });
    const [text] = buildDefinition({ base, accessTokenLifetimeSeconds: 5400, removeRetiredProperties: true });
    expect(JSON.parse(text)).toEqual({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '01:30:00' } });
  });

  it('refuses to write an out-of-range lifetime', () => {
    expect(() => buildDefinition({ accessTokenLifetimeSeconds: 300 })).toThrow(/minimum is 10 minutes/);
  });
});

describe('checkDefinitionForWrite', () => {
  it('accepts a valid definition', () => {
    expect(checkDefinitionForWrite(def({ Version: 1, AccessTokenLifetime: '02:00:00' })).ok).toBe(true);
  });
  it.each([
    ['not a collection', 'x'],
    ['two strings', ['{}', '{}']],
    ['out of range', def({ Version: 1, AccessTokenLifetime: '1.00:00:01' })],
    ['malformed', ['{']],
    ['missing lifetime', def({ Version: 1 })],
    ['too large', [JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '02:00:00', Pad: 'x'.repeat(9000) } })]],
  ])('refuses %s', (_name, definition) => {
    expect(checkDefinitionForWrite(definition).ok).toBe(false);
  });
});
