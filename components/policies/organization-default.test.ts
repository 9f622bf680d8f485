import { describe, expect, it } from 'vitest';
import { GraphRequestError, timeoutError } from '@/lib/graph/errors';
import type { TokenLifetimePolicy } from '@/lib/graph/types';
import {
  switchOrganizationDefault,
  type DefaultSwitchOutcome,
} from '@/lib/graph/organization-default';
import { describeDefaultSwitch } from './organization-default';

const OLD = { id: 'old', displayName: 'Old 4h' };
const NEW = { id: 'new', displayName: 'New 8h' };
const OTHER = { id: 'other', displayName: 'Other tab 2h' };

const failure = () =>
  new GraphRequestError({ status: 503, code: 'ServiceUnavailable', message: 'down' });

interface Write {
  id: string;
  value: boolean;
  call: number;
}

/**
 * A tenant of three policies. `fail` decides per write whether it fails before taking effect
 * ('before'), takes effect but the answer is lost ('after'), or succeeds (undefined).
 */
function fakeTenant(
  fail: (write: Write) => 'before' | 'after' | undefined = () => undefined,
  options: { listFails?: (call: number) => boolean } = {},
) {
  const state = new Map([
    ['old', true],
    ['new', false],
    ['other', false],
  ]);
  let writes = 0;
  let lists = 0;
  return {
    state,
    async updatePolicy(id: string, patch: { isOrganizationDefault?: boolean }) {
      const value = patch.isOrganizationDefault!;
      const mode = fail({ id, value, call: ++writes });
      if (mode === 'before') throw failure();
      // As Entra (and the demo tenant) do: a second default is refused.
      if (value && [...state].some(([other, on]) => on && other !== id))
        throw new GraphRequestError({
          status: 400,
          code: 'Request_BadRequest',
          message: 'Another token lifetime policy is already the organization default.',
        });
      state.set(id, value);
      if (mode === 'after') throw timeoutError('Graph did not answer in 30 s');
    },
    async listPolicies(): Promise<TokenLifetimePolicy[]> {
      if (options.listFails?.(++lists)) throw failure();
      return [OLD, NEW, OTHER].map((p) => ({
        ...p,
        description: null,
        definition: [],
        deletedDateTime: null,
        isOrganizationDefault: state.get(p.id)!,
      }));
    },
  };
}

const defaults = (state: Map<string, boolean>) => [...state].filter(([, v]) => v).map(([k]) => k);

describe('switchOrganizationDefault', () => {
  it('unsets the old default, then sets the new one, and reads the result back', async () => {
    const tenant = fakeTenant();
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['new']);
    expect(outcome.defaultsNow).toEqual([NEW]);
    expect(describeDefaultSwitch(outcome)).toMatchObject({
      tone: 'success',
      message: '“New 8h” is now the organization default.',
    });
  });

  it('puts the old default back when the new one fails: never none by accident', async () => {
    const tenant = fakeTenant((w) => (w.id === 'new' ? 'before' : undefined));
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['old']);
    expect(describeDefaultSwitch(outcome).message).toBe(
      'Nothing changed: “Old 4h” is still the organization default. “New 8h” could not be made the default.',
    );
  });

  it('changes nothing when unsetting the old default fails: never two', async () => {
    const tenant = fakeTenant((w) => (w.id === 'old' ? 'before' : undefined));
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['old']);
    expect(outcome.defaultsNow).toEqual([OLD]);
  });

  it('says the tenant has NO default, and what it was, when the new default and the rollback both fail', async () => {
    const tenant = fakeTenant((w) => (w.value ? 'before' : undefined));
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual([]);
    const report = describeDefaultSwitch(outcome);
    expect(report.tone).toBe('danger');
    expect(report.message).toMatch(/^The tenant now has NO organization default \(was “Old 4h”\)/);
    expect(report.message).not.toMatch(/Nothing/);
    expect(report.repairs.map((r) => r.label)).toEqual([
      'Make “New 8h” the organization default',
      'Restore “Old 4h” as the organization default',
    ]);
  });

  it('repairs through the same path: the repair makes the new policy the default', async () => {
    let failing = true;
    const tenant = fakeTenant((w) => (failing && w.value ? 'before' : undefined));
    const broken = await switchOrganizationDefault(tenant, NEW, OLD);
    failing = false;
    const [makeNew] = describeDefaultSwitch(broken).repairs;
    expect(makeNew.kind).toBe('make-default');
    const repaired = await switchOrganizationDefault(
      tenant,
      makeNew.kind === 'make-default' ? makeNew.policy : NEW,
      broken.defaultsNow?.[0],
    );
    expect(defaults(tenant.state)).toEqual(['new']);
    expect(describeDefaultSwitch(repaired).tone).toBe('success');
  });

  it('tells the truth when Graph’s answer was lost but the write happened (timeout after the write)', async () => {
    const tenant = fakeTenant((w) => (w.id === 'new' ? 'after' : undefined));
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['new']);
    expect(outcome.error).toMatchObject({ timedOut: true });
    expect(describeDefaultSwitch(outcome)).toMatchObject({ tone: 'success' });
  });

  it('writes nothing when another tab switched the default since this one confirmed, and names it', async () => {
    const tenant = fakeTenant();
    await switchOrganizationDefault(tenant, OTHER, OLD);
    const losing = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['other']);
    const report = describeDefaultSwitch(losing);
    expect(report.message).toBe(
      'Nothing was changed: “Other tab 2h” became the organization default since you opened this page (changed elsewhere — another tab or admin).',
    );
    expect(report.message).not.toMatch(/still no organization default/);
    expect(report.repairs[0].label).toBe(
      'Make “New 8h” the organization default (replacing “Other tab 2h”)',
    );
  });

  it('names the default another tab set while this switch ran', async () => {
    // The other tab wins between this tab's unset and set.
    const tenant = fakeTenant((w) => {
      if (w.id === 'old' && !w.value) queueMicrotask(() => tenant.state.set('other', true));
      return undefined;
    });
    const outcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(defaults(tenant.state)).toEqual(['other']);
    expect(describeDefaultSwitch(outcome).message).toBe(
      '“Other tab 2h” is the organization default now (set elsewhere while this change ran); “New 8h” is not. Before, it was “Old 4h”.',
    );
  });

  it('says the outcome is unknown when the tenant cannot be read back after writing', async () => {
    const tenant = fakeTenant((w) => (w.id === 'new' ? 'before' : undefined), {
      listFails: (call) => call > 1,
    });
    const report = describeDefaultSwitch(await switchOrganizationDefault(tenant, NEW, OLD));
    expect(report.tone).toBe('danger');
    expect(report.message).toMatch(/^Outcome unknown/);
    expect(report.repairs).toEqual([{ kind: 'check', label: 'Check what the tenant holds' }]);
  });

  it('writes nothing when the current default cannot be read first', async () => {
    const tenant = fakeTenant(() => undefined, { listFails: () => true });
    const outcome: DefaultSwitchOutcome = await switchOrganizationDefault(tenant, NEW, OLD);
    expect(outcome.wrote).toBe(false);
    expect(defaults(tenant.state)).toEqual(['old']);
    expect(describeDefaultSwitch(outcome).message).toMatch(/^Nothing was changed/);
  });
});
