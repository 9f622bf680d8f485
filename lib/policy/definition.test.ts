import { describe, expect, it } from 'vitest';
import { buildDefinition, checkDefinitionForWrite, parseDefinition } from './definition';

const def = (inner: Record<string, unknown>) => [JSON.stringify({ TokenLifetimePolicy: inner })];
const codes = (definition: unknown) => parseDefinition(definition).findings.map((f) => f.code);

describe('parseDefinition', () => {
  it('reads a clean definition with no findings', () => {
    const parsed = parseDefinition(def({ Version: 1, AccessTokenLifetime: '08:00:00' }));
    expect(parsed).toMatchObject({
      accessTokenLifetimeSeconds: 28800,
      accessTokenLifetime: '08:00:00',
      rawAccessTokenLifetime: '08:00:00',
      version: 1,
      usable: true,
      findings: [],
    });
  });

  it('reports each retired property and keeps the policy usable', () => {
    const parsed = parseDefinition(
      def({
        Version: 1,
        AccessTokenLifetime: '02:00:00',
        MaxInactiveTime: '90.00:00:00',
        MaxAgeSessionMultiFactor: 'until-revoked',
      }),
    );
    expect(parsed.retiredProperties).toEqual(['MaxInactiveTime', 'MaxAgeSessionMultiFactor']);
    expect(
      parsed.findings.filter((f) => f.code === 'retired-property').map((f) => f.property),
    ).toEqual(['MaxInactiveTime', 'MaxAgeSessionMultiFactor']);
    expect(parsed.usable).toBe(true);
  });

  it('reports a retired-only definition as missing AccessTokenLifetime', () => {
    const parsed = parseDefinition(def({ Version: 1, MaxInactiveTime: '90.00:00:00' }));
    expect(parsed.usable).toBe(false);
    expect(codes(def({ Version: 1, MaxInactiveTime: '90.00:00:00' }))).toEqual([
      'retired-property',
      'missing-access-token-lifetime',
    ]);
  });

  it('reports malformed JSON without throwing', () => {
    expect(() => parseDefinition(['{"TokenLifetimePolicy":'])).not.toThrow();
    expect(codes(['{"TokenLifetimePolicy":'])).toEqual(['malformed-json']);
    expect(parseDefinition(['{']).usable).toBe(false);
  });

  it('reports a wrong Version but still reads the lifetime', () => {
    const parsed = parseDefinition(def({ Version: 2, AccessTokenLifetime: '02:00:00' }));
    expect(parsed.findings.map((f) => f.code)).toEqual(['unexpected-version']);
    expect(parsed.usable).toBe(true);
  });

  it('reports two strings and reads the first', () => {
    const parsed = parseDefinition([...def({ Version: 1, AccessTokenLifetime: '02:00:00' }), '{}']);
    expect(parsed.findings.map((f) => f.code)).toEqual(['multiple-definition-strings']);
    expect(parsed.accessTokenLifetimeSeconds).toBe(7200);
  });

  it.each([null, undefined, 42, { TokenLifetimePolicy: {} }, []])(
    'reports a non-array or empty definition %j',
    (value) => {
      const parsed = parseDefinition(value);
      expect(parsed.usable).toBe(false);
      expect(parsed.findings[0].code).toBe('empty-definition');
    },
  );

  it('reports an object without TokenLifetimePolicy', () => {
    expect(codes(['{"Something":{}}'])).toEqual(['not-a-policy-object']);
    expect(codes(['[1,2]'])).toEqual(['not-a-policy-object']);
  });

  it('reports out-of-range, non-canonical and invalid lifetimes', () => {
    expect(codes(def({ Version: 1, AccessTokenLifetime: '00:05:00' }))).toEqual(['out-of-range']);
    expect(codes(def({ Version: 1, AccessTokenLifetime: '00:90:00' }))).toEqual([
      'non-canonical-timespan',
    ]);
    expect(codes(def({ Version: 1, AccessTokenLifetime: 'abc' }))).toEqual(['invalid-timespan']);
    expect(codes(def({ Version: 1, AccessTokenLifetime: 3600 }))).toEqual(['invalid-timespan']);
    expect(parseDefinition(def({ Version: 1, AccessTokenLifetime: '1.00:00:01' }))).toMatchObject({
      usable: false,
      accessTokenLifetimeSeconds: 86401,
    });
  });

  it('keeps unknown properties', () => {
    const parsed = parseDefinition(
      def({ Version: 1, AccessTokenLifetime: '02:00:00', Custom: { a: 1 } }),
    );
    expect(parsed.properties.Custom).toEqual({ a: 1 });
  });
});

describe('buildDefinition', () => {
  it('writes canonical TimeSpan and Version 1', () => {
    expect(buildDefinition({ accessTokenLifetimeSeconds: 5400 })).toEqual([
      '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"01:30:00"}}',
    ]);
  });

  it('keeps unknown and retired properties from the base unless asked to drop retired ones', () => {
    const base = def({
      Version: 3,
      AccessTokenLifetime: '00:90:00',
      MaxInactiveTime: '1.00:00:00',
      Custom: 'x',
    });
    const kept = JSON.parse(buildDefinition({ base, accessTokenLifetimeSeconds: 86400 })[0]);
    expect(kept).toEqual({
      TokenLifetimePolicy: {
        Version: 1,
        AccessTokenLifetime: '1.00:00:00',
        MaxInactiveTime: '1.00:00:00',
        Custom: 'x',
      },
    });
    const cleaned = JSON.parse(
      buildDefinition({ base, accessTokenLifetimeSeconds: 7200, removeRetiredProperties: true })[0],
    );
    expect(cleaned).toEqual({
      TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '02:00:00', Custom: 'x' },
    });
  });

  it('refuses an out-of-range lifetime', () => {
    expect(() => buildDefinition({ accessTokenLifetimeSeconds: 599 })).toThrow(
      /minimum is 10 minutes/,
    );
  });

  it('round-trips through parseDefinition', () => {
    expect(parseDefinition(buildDefinition({ accessTokenLifetimeSeconds: 18000 }))).toMatchObject({
      usable: true,
      findings: [],
      accessTokenLifetime: '05:00:00',
    });
  });
});

describe('checkDefinitionForWrite', () => {
  it('accepts a valid definition', () => {
    expect(
      checkDefinitionForWrite(def({ Version: 1, AccessTokenLifetime: '02:00:00' })),
    ).toMatchObject({ ok: true });
  });
  it('accepts retired properties (Graph stores them, Entra ignores them)', () => {
    expect(
      checkDefinitionForWrite(
        def({ Version: 1, AccessTokenLifetime: '02:00:00', MaxInactiveTime: '1.00:00:00' }),
      ).ok,
    ).toBe(true);
  });
  it.each([
    ['a string', '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
    ['malformed JSON', ['{']],
    ['missing lifetime', def({ Version: 1 })],
    ['out of range', def({ Version: 1, AccessTokenLifetime: '1.00:00:01' })],
    ['too short', def({ Version: 1, AccessTokenLifetime: '00:09:59' })],
    ['two strings', [...def({ Version: 1, AccessTokenLifetime: '02:00:00' }), '{}']],
    ['a number inside', [42]],
    ['empty', []],
    ['too large', def({ Version: 1, AccessTokenLifetime: '02:00:00', Padding: 'x'.repeat(9000) })],
  ])('refuses %s', (_label, value) => {
    const result = checkDefinitionForWrite(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(0);
  });
});
