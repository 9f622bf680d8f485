import { describe, expect, it } from 'vitest';
import {
  changesSince,
  checkDraft,
  definitionToWrite,
  draftFromPolicy,
  emptyDraft,
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
    expect(!long.lifetime.ok && long.lifetime.error).toMatch(/maximum is 1 day/);
    expect(checkDraft({ ...emptyDraft(), displayName: 'x', lifetimeText: '8h' }).canSave).toBe(
      true,
    );
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
