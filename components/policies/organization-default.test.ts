import { describe, expect, it } from 'vitest';
import { switchOrganizationDefault } from './organization-default';

function fakeApi(failOn: (id: string, value: boolean, call: number) => boolean) {
  const state = new Map([
    ['old', true],
    ['new', false],
  ]);
  let calls = 0;
  return {
    state,
    async updatePolicy(id: string, patch: { isOrganizationDefault?: boolean }) {
      calls++;
      if (failOn(id, patch.isOrganizationDefault!, calls)) throw new Error(`failed ${id}`);
      state.set(id, patch.isOrganizationDefault!);
    },
  };
}

const defaults = (state: Map<string, boolean>) => [...state].filter(([, v]) => v).map(([k]) => k);

describe('switchOrganizationDefault', () => {
  it('unsets the old default, then sets the new one', async () => {
    const api = fakeApi(() => false);
    expect(await switchOrganizationDefault(api, 'new', 'old')).toEqual({ ok: true });
    expect(defaults(api.state)).toEqual(['new']);
  });

  it('puts the old default back when the new one fails: never none by accident', async () => {
    const api = fakeApi((id, value) => id === 'new' && value);
    const result = await switchOrganizationDefault(api, 'new', 'old');
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(defaults(api.state)).toEqual(['old']);
  });

  it('changes nothing when unsetting the old default fails: never two', async () => {
    const api = fakeApi((id) => id === 'old');
    const result = await switchOrganizationDefault(api, 'new', 'old');
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(defaults(api.state)).toEqual(['old']);
  });

  it('says so loudly when the rollback fails too', async () => {
    const api = fakeApi((id, value, call) => (id === 'new' && value) || call === 3);
    const result = await switchOrganizationDefault(api, 'new', 'old');
    expect(result).toMatchObject({ ok: false, rolledBack: false });
    expect(defaults(api.state)).toEqual([]);
  });
});
