import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '@/lib/graph/errors';
import { refused } from './use-write';

const forbidden = new GraphRequestError({
  status: 403,
  code: 'Authorization_RequestDenied',
  message: 'Insufficient privileges',
});
const throttled = new GraphRequestError({ status: 429, code: 'TooManyRequests', message: 'x' });

describe('refused (403 turns the dashboard read-only)', () => {
  it('finds a 403 thrown, or carried in an outcome or a list of outcomes', () => {
    expect(refused(forbidden)).toBe(true);
    expect(refused({ state: 'not-done', error: forbidden })).toBe(true);
    expect(refused([{ status: 'linked' }, { status: 'failed', error: forbidden }])).toBe(true);
  });

  it('ignores other failures and successes', () => {
    expect(refused(throttled)).toBe(false);
    expect(refused([{ status: 'failed', error: throttled }, { status: 'linked' }])).toBe(false);
    expect(refused(undefined)).toBe(false);
  });
});
