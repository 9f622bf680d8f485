// The safe-retry rules of GRAPH-CONTRACT.md ("Safe retries"): a create is never sent twice, and a
// write without a clear answer is checked against the tenant before anything is said.
import { describe, expect, it } from 'vitest';
import { GraphRequestError, timeoutError } from './errors';
import { createPolicyOnce, deletePolicyChecked, updatePolicyChecked } from './policy-writes';
import type { PolicyInput, TokenLifetimePolicy } from './types';

const input: PolicyInput = { displayName: ' Export 2h ', definition: ['{}'] };
const stored = (id: string, displayName = 'Export 2h'): TokenLifetimePolicy => ({
  id,
  displayName,
  isOrganizationDefault: false,
  definition: ['{}'],
});

function fakePolicies(options: {
  existing?: TokenLifetimePolicy[];
  /** 'before': refused before acting; 'after': made, but the answer lost. */
  createFails?: { when: 'before' | 'after'; error: unknown };
  findFails?: (call: number) => boolean;
}) {
  const policies = [...(options.existing ?? [])];
  const calls: string[] = [];
  let finds = 0;
  return {
    calls,
    policies,
    api: {
      async findPoliciesByDisplayName(name: string) {
        calls.push('find');
        if (options.findFails?.(++finds))
          throw new GraphRequestError({ status: 503, code: 'ServiceUnavailable', message: 'x' });
        return policies.filter((p) => p.displayName === name);
      },
      async createPolicy(body: PolicyInput) {
        calls.push(`create ${body.displayName}`);
        if (options.createFails?.when === 'before') throw options.createFails.error;
        const made = stored(`p${policies.length + 1}`, body.displayName);
        policies.push(made);
        if (options.createFails?.when === 'after') throw options.createFails.error;
        return made;
      },
    },
  };
}

describe('createPolicyOnce', () => {
  it('looks the name up first and writes nothing when it is taken', async () => {
    const tenant = fakePolicies({ existing: [stored('old')] });
    const outcome = await createPolicyOnce(tenant.api, input);
    expect(outcome).toMatchObject({ state: 'name-taken', existing: [{ id: 'old' }] });
    expect(tenant.calls).toEqual(['find']);
  });

  it('creates with the trimmed name, once', async () => {
    const tenant = fakePolicies({});
    const outcome = await createPolicyOnce(tenant.api, input);
    expect(outcome).toMatchObject({ state: 'created', policy: { displayName: 'Export 2h' } });
    expect(tenant.calls).toEqual(['find', 'create Export 2h']);
  });

  it('after a timeout, finds the policy the lost answer was about instead of creating again', async () => {
    const tenant = fakePolicies({ createFails: { when: 'after', error: timeoutError('30 s') } });
    const checks: string[] = [];
    const outcome = await createPolicyOnce(tenant.api, input, {
      onChecking: () => checks.push('checking'),
    });
    expect(outcome).toMatchObject({
      state: 'created',
      policy: { id: 'p1' },
      error: { timedOut: true },
    });
    expect(tenant.calls).toEqual(['find', 'create Export 2h', 'find']);
    expect(checks).toEqual(['checking']);
    expect(tenant.policies).toHaveLength(1);
  });

  it('a definite refusal (400) is reported as not created, without looking again', async () => {
    const refused = new GraphRequestError({
      status: 400,
      code: 'Request_BadRequest',
      message: 'x',
    });
    const tenant = fakePolicies({ createFails: { when: 'before', error: refused } });
    expect(await createPolicyOnce(tenant.api, input)).toEqual({
      state: 'not-created',
      error: refused,
    });
    expect(tenant.calls).toEqual(['find', 'create Export 2h']);
  });

  it('no clear answer and nothing found: not created; no clear answer and no read: unknown', async () => {
    const lost = new GraphRequestError({ status: 504, code: 'GatewayTimeout', message: 'x' });
    const notMade = fakePolicies({ createFails: { when: 'before', error: lost } });
    expect((await createPolicyOnce(notMade.api, input)).state).toBe('not-created');
    const unreadable = fakePolicies({
      createFails: { when: 'after', error: lost },
      findFails: (call) => call > 1,
    });
    expect((await createPolicyOnce(unreadable.api, input)).state).toBe('unknown');
  });

  it('asked for a second policy of the same name, a lost answer is only "maybe created"', async () => {
    const tenant = fakePolicies({
      existing: [stored('old')],
      createFails: { when: 'after', error: timeoutError('30 s') },
    });
    const outcome = await createPolicyOnce(tenant.api, input, { allowSameName: true });
    expect(outcome).toMatchObject({ state: 'maybe-created' });
    expect(tenant.calls).toEqual(['create Export 2h', 'find']);
  });
});

describe('updatePolicyChecked and deletePolicyChecked', () => {
  const lost = () =>
    new GraphRequestError({ status: 503, code: 'ServiceUnavailable', message: 'x' });

  it('an update whose answer was lost is done when the policy reads back as patched', async () => {
    let now = stored('p1', 'Old');
    const result = await updatePolicyChecked(
      {
        async updatePolicy(_id, patch) {
          now = { ...now, ...patch } as TokenLifetimePolicy;
          throw lost();
        },
        getPolicy: async () => now,
      },
      'p1',
      { displayName: 'New' },
    );
    expect(result.state).toBe('done');
  });

  it('a delete whose answer was lost is done when the policy reads back as 404', async () => {
    const gone = new GraphRequestError({
      status: 404,
      code: 'Request_ResourceNotFound',
      message: 'x',
    });
    const result = await deletePolicyChecked(
      {
        async deletePolicy() {
          throw lost();
        },
        async getPolicy() {
          throw gone;
        },
      },
      'p1',
    );
    expect(result.state).toBe('done');
  });
});
