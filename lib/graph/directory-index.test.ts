import { describe, expect, it } from 'vitest';
import { batchUrlOf } from './directory-index';

describe('batchUrlOf', () => {
  const graph = 'https://graph.microsoft.com/v1.0';
  it('turns an appliesTo nextLink into a $batch URL below the version root', () => {
    expect(
      batchUrlOf(`${graph}/policies/tokenLifetimePolicies/p1/appliesTo?$skiptoken=abc`, graph),
    ).toBe('/policies/tokenLifetimePolicies/p1/appliesTo?$skiptoken=abc');
  });
  it('refuses a link to another host or version', () => {
    expect(() => batchUrlOf('https://evil.example/v1.0/x', graph)).toThrow(
      /outside Microsoft Graph/,
    );
    expect(() => batchUrlOf('https://graph.microsoft.com/beta/x', graph)).toThrow();
  });
});
