// The switch's order and rollback as the tenant sees them; what the admin is told about each
// outcome is components/policies/organization-default.test.ts.
import { describe, expect, it } from 'vitest';
import { GraphRequestError, timeoutError } from './errors';
import { switchOrganizationDefault, unsetOrganizationDefault } from './organization-default';
import type { TokenLifetimePolicy } from './types';

const OLD = { id: 'old', displayName: 'Old 4h' };
const NEW = { id: 'new', displayName: 'New 8h' };

/** Two policies, `old` the default; Entra refuses a second default (as the demo tenant does). */
function tenant(fail?: (id: string, value: boolean) => 'before' | 'after' | undefined) {
  const state = new Map([
    ['old', true],
    ['new', false],
  ]);
  const writes: string[] = [];
  const read = (id: string): TokenLifetimePolicy => ({
    id,
    displayName: id === 'old' ? OLD.displayName : NEW.displayName,
    isOrganizationDefault: state.get(id)!,
    definition: [],
  });
  return {
    state,
    writes,
    async updatePolicy(id: string, patch: { isOrganizationDefault?: boolean }) {
      const value = patch.isOrganizationDefault!;
      writes.push(`${id}=${value}`);
      const mode = fail?.(id, value);
      if (mode === 'before')
        throw new GraphRequestError({ status: 503, code: 'ServiceUnavailable', message: 'x' });
      if (value && [...state].some(([other, on]) => on && other !== id))
        throw new GraphRequestError({ status: 400, code: 'Request_BadRequest', message: 'two' });
      state.set(id, value);
      if (mode === 'after') throw timeoutError('30 s');
    },
    listPolicies: async () => [read('old'), read('new')],
    getPolicy: async (id: string) => read(id),
  };
}

describe('switchOrganizationDefault', () => {
  it('unsets the old default before setting the new one, then reads the tenant back', async () => {
    const t = tenant();
    const outcome = await switchOrganizationDefault(t, NEW, OLD);
    expect(t.writes).toEqual(['old=false', 'new=true']);
    expect(outcome).toMatchObject({ wrote: true, defaultsNow: [NEW] });
  });

  it('puts the old default back when setting the new one fails', async () => {
    const t = tenant((id) => (id === 'new' ? 'before' : undefined));
    const outcome = await switchOrganizationDefault(t, NEW, OLD);
    expect(t.writes).toEqual(['old=false', 'new=true', 'old=true']);
    expect(outcome.defaultsNow).toEqual([OLD]);
  });

  it('does not restore on top of a set whose answer was lost: it looks first', async () => {
    const t = tenant((id, value) => (id === 'new' && value ? 'after' : undefined));
    const outcome = await switchOrganizationDefault(t, NEW, OLD);
    expect(t.writes).toEqual(['old=false', 'new=true']);
    expect(outcome.defaultsNow).toEqual([NEW]);
  });

  it('writes nothing when the default is not the one the admin confirmed against', async () => {
    const t = tenant();
    const outcome = await switchOrganizationDefault(t, NEW, undefined);
    expect(t.writes).toEqual([]);
    expect(outcome).toMatchObject({ wrote: false, changedElsewhere: true });
  });
});

describe('unsetOrganizationDefault', () => {
  it('is done when the policy reads back as no longer the default, even if the answer was lost', async () => {
    const t = tenant(() => 'after');
    expect((await unsetOrganizationDefault(t, 'old')).state).toBe('done');
    expect(t.state.get('old')).toBe(false);
  });

  it('is not done when the write was refused before it acted', async () => {
    const t = tenant(() => 'before');
    const checks: string[] = [];
    const result = await unsetOrganizationDefault(t, 'old', () => checks.push('checking'));
    expect(result.state).toBe('not-done');
    expect(checks).toEqual(['checking']);
  });
});
