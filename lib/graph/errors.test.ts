import { describe, expect, it } from 'vitest';
import { GraphRequestError, graphErrorFrom, retryAfterSeconds, waitFor } from './errors';

const unavailable = (write: boolean) =>
  new GraphRequestError({ status: 503, code: 'ServiceUnavailable', message: 'down', write });

describe('GraphRequestError.advice', () => {
  it('asks whether the change was applied only after a write', () => {
    expect(unavailable(true).advice).toMatch(/Check whether the change was applied/);
    expect(unavailable(false).advice).not.toMatch(/change was applied/);
    expect(unavailable(false).advice).toMatch(/temporary problem/);
  });

  it('says "Wait 1 second", "Wait 30 seconds" and "a few seconds" when throttled', () => {
    const throttled = (retryAfterSeconds?: number) =>
      new GraphRequestError({
        status: 429,
        code: 'TooManyRequests',
        message: 'x',
        retryAfterSeconds,
      }).advice;
    expect(throttled(1)).toContain('Wait 1 second and try again');
    expect(throttled(30)).toContain('Wait 30 seconds and try again');
    expect(throttled()).toContain('Wait a few seconds and try again');
  });

  it('rounds a fractional or zero Retry-After up to a whole second', () => {
    expect(waitFor(0)).toBe('1 second');
    expect(waitFor(1.2)).toBe('2 seconds');
  });
});

describe('graphErrorFrom: the one reader of Graph error envelopes', () => {
  it('reads code, message and request id from the envelope (GRAPH-CONTRACT.md, "Errors")', () => {
    const error = graphErrorFrom(
      400,
      { 'Content-Type': 'application/json' },
      {
        error: {
          code: 'Request_MultipleObjectsWithSameKeyValue',
          message: 'Another policy is linked.',
          innerError: { 'request-id': 'r-1', date: '2026-11-24T12:00:00' },
        },
      },
      { write: true },
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'Request_MultipleObjectsWithSameKeyValue',
      message: 'Another policy is linked.',
      requestId: 'r-1',
      write: true,
    });
  });

  it('falls back to the headers of a $batch sub-response, whatever their case', () => {
    const error = graphErrorFrom(429, { 'retry-after': '7', 'Request-Id': 'r-2' }, undefined);
    expect(error).toMatchObject({ code: 'HTTP429', requestId: 'r-2', retryAfterSeconds: 7 });
  });

  it('names a skipped dependent request and a request that got no answer', () => {
    expect(graphErrorFrom(424, undefined, undefined).code).toBe('FailedDependency');
    expect(graphErrorFrom(0, undefined, undefined)).toMatchObject({
      code: 'NoAnswer',
      message: 'Graph answered nothing.',
      ambiguous: true,
    });
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date, from Headers or a plain object', () => {
    expect(retryAfterSeconds(new Headers({ 'Retry-After': '3' }))).toBe(3);
    expect(
      retryAfterSeconds({ 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }),
    ).toBeGreaterThan(55);
    expect(retryAfterSeconds({})).toBeUndefined();
  });
});
