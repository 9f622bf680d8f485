import { describe, expect, it } from 'vitest';
import {
  changesSince,
  checkDraft,
  definitionToWrite,
  draftFromPolicy,
  emptyDraft,
  ONE_DAY_PRESET_NOTE,
  PRESETS,
} from './policy-form-state';

const policy = {
  id: 'p',
  displayName: 'Legacy',
  description: 'old',
  isOrganizationDefault: false,
  definition: [
    '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"00:90:00","MaxInactiveTime":"1.00:00:00","Future":true}}',
  ],
};

describe('policy form', () => {
  it('starts an edit from the canonical value of the stored lifetime', () => {
    expect(draftFromPolicy(policy).lifetimeText).toBe('01:30:00');
  });

  it('cannot save without a name or with an out-of-range lifetime, and says why', () => {
    expect(checkDraft({ ...emptyDraft(), displayName: '' })).toMatchObject({
      canSave: false,
      nameError: 'A display name is required.',
    });
    const short = checkDraft({ ...emptyDraft(), displayName: 'x', lifetimeText: '00:05:00' });
    expect(short.canSave).toBe(false);
    expect(!short.lifetime.ok && short.lifetime.error).toMatch(/minimum is 10 minutes/);
    const long = checkDraft({ ...emptyDraft(), displayName: 'x', lifetimeText: '1.00:00:01' });
    expect(!long.lifetime.ok && long.lifetime.error).toMatch(/maximum is 23:59:59/);
    expect(checkDraft({ ...emptyDraft(), displayName: 'x', lifetimeText: '8h' }).canSave).toBe(
      true,
    );
  });

  it('“1 day” writes 23:59:59, and an edit of a stored 1 day starts at 23:59:59', () => {
    // Graph refuses exactly 24 h (MicrosoftDocs/azure-docs#37342, MicrosoftDocs/entra-docs#1946).
    expect(PRESETS.find((p) => p.label === '1 day')?.text).toBe('23:59:59');
    expect(ONE_DAY_PRESET_NOTE).toContain('refuses exactly 24 hours');
    for (const preset of PRESETS)
      expect(
        checkDraft({ ...emptyDraft(), displayName: 'x', lifetimeText: preset.text }).canSave,
      ).toBe(true);
    const oneDay = {
      ...policy,
      definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"1.00:00:00"}}'],
    };
    const draft = draftFromPolicy(oneDay);
    expect(draft.lifetimeText).toBe('23:59:59');
    expect(JSON.parse(definitionToWrite(draft, oneDay.definition)[0])).toEqual({
      TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '23:59:59' },
    });
  });

  it('keeps unknown and retired properties on edit unless removal is asked for', () => {
    const kept = JSON.parse(
      definitionToWrite({ ...draftFromPolicy(policy), lifetimeText: '8h' }, policy.definition)[0],
    );
    expect(kept.TokenLifetimePolicy).toEqual({
      Version: 1,
      AccessTokenLifetime: '08:00:00',
      MaxInactiveTime: '1.00:00:00',
      Future: true,
    });
    const removed = JSON.parse(
      definitionToWrite(
        { ...draftFromPolicy(policy), lifetimeText: '8h', removeRetiredProperties: true },
        policy.definition,
      )[0],
    );
    expect(removed.TokenLifetimePolicy).toEqual({
      Version: 1,
      AccessTokenLifetime: '08:00:00',
      Future: true,
    });
  });

  it('lists what changed on the server since the form was opened', () => {
    expect(changesSince(policy, policy)).toEqual([]);
    const changes = changesSince(policy, {
      ...policy,
      displayName: 'Renamed',
      isOrganizationDefault: true,
    });
    expect(changes.map((c) => c.field)).toEqual(['displayName', 'isOrganizationDefault']);
    expect(changes[0]).toEqual({ field: 'displayName', before: 'Legacy', after: 'Renamed' });
  });
});
