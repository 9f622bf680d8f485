import { describe, expect, it } from 'vitest';
import {
  buildDefinition,
  checkDefinitionForWrite,
  parseDefinition,
  RETIRED_ON_CREATE_MESSAGE,
  writableLifetimeSeconds,
} from './definition';

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
    const kept = JSON.parse(buildDefinition({ base, accessTokenLifetimeSeconds: 86399 })[0]);
    expect(kept).toEqual({
      TokenLifetimePolicy: {
        Version: 1,
        AccessTokenLifetime: '23:59:59',
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

  it('refuses an out-of-range lifetime, exactly 1 day included', () => {
    expect(() => buildDefinition({ accessTokenLifetimeSeconds: 599 })).toThrow(
      /minimum is 10 minutes/,
    );
    expect(() => buildDefinition({ accessTokenLifetimeSeconds: 86400 })).toThrow(
      /maximum is 23:59:59/,
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
  // Graph refuses new refresh/session settings: "Configure Token Lifetime for RT/ST (Refresh/Session
  // Token) has been retired on May 30, 2020. New policy cannot be created anymore."
  // (MicrosoftDocs/azure-docs#70438, 2021).
  it('refuses retired properties in a new definition, with Graph’s own message', () => {
    const result = checkDefinitionForWrite(
      def({ Version: 1, AccessTokenLifetime: '02:00:00', MaxInactiveTime: '1.00:00:00' }),
    );
    expect(result).toMatchObject({ ok: false, graphMessage: RETIRED_ON_CREATE_MESSAGE });
  });
  it('on update, keeps the retired properties the stored definition holds and refuses new ones', () => {
    const stored = def({
      Version: 1,
      AccessTokenLifetime: '02:00:00',
      MaxInactiveTime: '1.00:00:00',
    });
    expect(
      checkDefinitionForWrite(
        def({ Version: 1, AccessTokenLifetime: '08:00:00', MaxInactiveTime: '1.00:00:00' }),
        stored,
      ).ok,
    ).toBe(true);
    const added = checkDefinitionForWrite(
      def({ Version: 1, AccessTokenLifetime: '08:00:00', MaxAgeSingleFactor: 'until-revoked' }),
      stored,
    );
    expect(added).toMatchObject({ ok: false });
    expect(!added.ok && added.graphMessage).toMatch(
      /^Property definition has an invalid value\. MaxAgeSingleFactor was retired/,
    );
  });
  // No field report shows Graph refusing a missing Version: unsure, so be strict (never more
  // lenient than Microsoft).
  it.each([
    ['without Version', { AccessTokenLifetime: '02:00:00' }],
    ['with Version 2', { Version: 2, AccessTokenLifetime: '02:00:00' }],
  ])('refuses a definition %s', (_label, properties) => {
    const result = checkDefinitionForWrite(def(properties));
    expect(!result.ok && result.graphMessage).toMatch(
      /^Property definition has an invalid value\. Version is/,
    );
  });
  // Graph refuses exactly 24 h (MicrosoftDocs/azure-docs#37342, MicrosoftDocs/entra-docs#1946).
  it.each(['1.00:00:00', '24:00:00'])(
    'refuses %s with "Property definition has an invalid value"',
    (value) => {
      const result = checkDefinitionForWrite(def({ Version: 1, AccessTokenLifetime: value }));
      expect(!result.ok && result.graphMessage).toMatch(
        /^Property definition has an invalid value\. AccessTokenLifetime: .*maximum is 23:59:59/,
      );
    },
  );
  it('accepts 23:59:59, the largest value known to work', () => {
    expect(checkDefinitionForWrite(def({ Version: 1, AccessTokenLifetime: '23:59:59' })).ok).toBe(
      true,
    );
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

describe('a stored 1-day lifetime', () => {
  it.each(['1.00:00:00', '24:00:00'])(
    'reads %s as 1 day, usable, and says saving writes 23:59:59',
    (value) => {
      const parsed = parseDefinition(def({ Version: 1, AccessTokenLifetime: value }));
      expect(parsed.usable).toBe(true);
      expect(parsed.accessTokenLifetimeSeconds).toBe(86400);
      const finding = parsed.findings.find((f) => f.code === 'one-day-not-writable');
      expect(finding?.message).toContain(
        'Graph would refuse to write this value today; saving will write 23:59:59',
      );
      expect(writableLifetimeSeconds(parsed.accessTokenLifetimeSeconds!)).toBe(86399);
    },
  );
  it('leaves other values as they are', () => {
    expect(writableLifetimeSeconds(7200)).toBe(7200);
  });
});
