// Sessions after the retirement (30 January 2021): the retired MaxAge… values, their sign-in
// frequency equivalent, the Conditional Access policies that govern sessions, and the create check.
// Sources: Graph v1.0 conditionalAccessPolicy / signInFrequencySessionControl /
// persistentBrowserSessionControl and conditionalaccessroot-post-policies.md
// (microsoftgraph/microsoft-graph-docs-contrib); sign-in frequency "from 1 hour to 365 days"
// (Microsoft Entra blog announcing authentication session management, 2019).
import { describe, expect, it } from 'vitest';
import {
  checkConditionalAccessPolicyForCreate,
  draftSignInFrequencyPolicy,
  equivalentSignInFrequency,
  formatSignInFrequency,
  governsApplication,
  replacementSignInFrequency,
  retiredSessionSettings,
  sessionGoverningPolicies,
  type ConditionalAccessPolicy,
} from './conditional-access';
import type { TokenLifetimePolicy } from './types';

const policy = (properties: Record<string, unknown>): TokenLifetimePolicy => ({
  id: 'p',
  displayName: 'Legacy',
  isOrganizationDefault: false,
  definition: [
    JSON.stringify({
      TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '08:00:00', ...properties },
    }),
  ],
});

describe('equivalentSignInFrequency', () => {
  it('rounds up to whole hours under a day, to whole days beyond, and caps at 365 days', () => {
    expect(equivalentSignInFrequency(12 * 3600)).toEqual({
      frequency: { type: 'hours', value: 12 },
      exact: true,
      capped: false,
    });
    expect(equivalentSignInFrequency(90 * 60).frequency).toEqual({ type: 'hours', value: 2 });
    expect(equivalentSignInFrequency(90 * 60).exact).toBe(false);
    expect(equivalentSignInFrequency(600).frequency).toEqual({ type: 'hours', value: 1 });
    expect(equivalentSignInFrequency(24 * 3600).frequency).toEqual({ type: 'days', value: 1 });
    expect(equivalentSignInFrequency(23.5 * 3600).frequency).toEqual({ type: 'days', value: 1 });
    expect(equivalentSignInFrequency(400 * 86400)).toEqual({
      frequency: { type: 'days', value: 365 },
      exact: false,
      capped: true,
    });
  });

  it('formats in words', () => {
    expect(formatSignInFrequency({ type: 'hours', value: 1 })).toBe('1 hour');
    expect(formatSignInFrequency({ type: 'days', value: 90 })).toBe('90 days');
  });
});

describe('replacementSignInFrequency', () => {
  it('takes the shortest finite MaxAge… value and ignores MaxInactiveTime', () => {
    const p = policy({
      MaxInactiveTime: '01:00:00',
      MaxAgeSingleFactor: '12:00:00',
      MaxAgeSessionMultiFactor: '2.00:00:00',
      MaxAgeMultiFactor: 'until-revoked',
    });
    expect(retiredSessionSettings(p).map((s) => [s.property, s.seconds])).toEqual([
      ['MaxInactiveTime', 3600],
      ['MaxAgeSingleFactor', 43200],
      ['MaxAgeMultiFactor', null],
      ['MaxAgeSessionMultiFactor', 172800],
    ]);
    const replacement = replacementSignInFrequency(p)!;
    expect(replacement.from.property).toBe('MaxAgeSingleFactor');
    expect(replacement.frequency).toEqual({ type: 'hours', value: 12 });
  });

  it('offers nothing when every MaxAge… value is until-revoked', () => {
    expect(
      replacementSignInFrequency(policy({ MaxAgeSingleFactor: 'until-revoked' })),
    ).toBeUndefined();
    expect(replacementSignInFrequency(policy({}))).toBeUndefined();
  });
});

const ca = (
  id: string,
  state: string,
  sessionControls: ConditionalAccessPolicy['sessionControls'],
  includeApplications = ['All'],
  excludeApplications: string[] = [],
): ConditionalAccessPolicy => ({
  id,
  displayName: id,
  state,
  conditions: {
    applications: { includeApplications, excludeApplications },
    users: { includeUsers: ['All'] },
  },
  sessionControls,
});

describe('sessionGoverningPolicies', () => {
  const governing = sessionGoverningPolicies([
    ca('mfa-only', 'enabled', null),
    ca('off', 'disabled', { signInFrequency: { isEnabled: true, type: 'days', value: 7 } }),
    ca('browser', 'enabledForReportingButNotEnforced', {
      persistentBrowser: { isEnabled: true, mode: 'never' },
    }),
    ca(
      'sif',
      'enabled',
      { signInFrequency: { isEnabled: true, type: 'hours', value: 8 } },
      ['All'],
      ['excluded-app'],
    ),
    ca('disabled-control', 'enabled', {
      signInFrequency: { isEnabled: false, type: 'hours', value: 1 },
    }),
    ca(
      'named',
      'enabled',
      { signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime' } },
      ['app-1'],
    ),
  ]);

  it('keeps policies with an enabled session control, enforced ones first', () => {
    expect(governing.map((g) => g.policy.id)).toEqual(['sif', 'named', 'browser', 'off']);
    expect(governing[0].signInFrequency).toEqual({ type: 'hours', value: 8 });
    expect(governing[1].signInFrequency).toBe('everyTime');
    expect(governing[2].persistentBrowser).toBe('never');
  });

  it('knows which apps a policy targets, exclusions winning over All', () => {
    expect(governsApplication(governing[0], 'any-app')).toBe(true);
    expect(governsApplication(governing[0], 'excluded-app')).toBe(false);
    expect(governsApplication(governing[1], 'app-1')).toBe(true);
    expect(governsApplication(governing[1], 'app-2')).toBe(false);
  });
});

describe('the draft and the create check', () => {
  const draft = draftSignInFrequencyPolicy({
    displayName: 'Sign-in frequency 12 hours',
    frequency: { type: 'hours', value: 12 },
    applications: [],
  });

  it('is report-only, targets All apps and users, and passes the check', () => {
    expect(draft.state).toBe('enabledForReportingButNotEnforced');
    expect(draft.conditions.applications.includeApplications).toEqual(['All']);
    expect(draft.sessionControls.signInFrequency).toMatchObject({ type: 'hours', value: 12 });
    expect(checkConditionalAccessPolicyForCreate(draft)).toEqual({ ok: true });
    expect(
      draftSignInFrequencyPolicy({
        ...draft,
        frequency: { type: 'days', value: 1 },
        applications: ['a'],
      }).conditions.applications.includeApplications,
    ).toEqual(['a']);
  });

  const refused = (mutate: (body: Record<string, unknown>) => void) => {
    const body = JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
    mutate(body);
    return checkConditionalAccessPolicyForCreate(body);
  };

  it.each([
    ['no display name', (b: Record<string, unknown>) => delete b.displayName, /displayName/],
    ['an unknown state', (b: Record<string, unknown>) => (b.state = 'on'), /state/],
    ['an unknown property', (b: Record<string, unknown>) => (b.owner = 'x'), /owner/],
    [
      'no application rule',
      (b: Record<string, unknown>) =>
        ((b.conditions as Record<string, unknown>).applications = { includeApplications: [] }),
      /applications/,
    ],
    [
      'no user rule',
      (b: Record<string, unknown>) => delete (b.conditions as Record<string, unknown>).users,
      /users/,
    ],
    [
      'no control at all',
      (b: Record<string, unknown>) => delete b.sessionControls,
      /grantControls/,
    ],
    [
      '24 hours',
      (b: Record<string, unknown>) =>
        Object.assign(
          (b.sessionControls as { signInFrequency: Record<string, unknown> }).signInFrequency,
          { value: 24 },
        ),
      /1 to 23/,
    ],
    [
      '366 days',
      (b: Record<string, unknown>) =>
        Object.assign(
          (b.sessionControls as { signInFrequency: Record<string, unknown> }).signInFrequency,
          { type: 'days', value: 366 },
        ),
      /1 to 365/,
    ],
    [
      'minutes',
      (b: Record<string, unknown>) =>
        Object.assign(
          (b.sessionControls as { signInFrequency: Record<string, unknown> }).signInFrequency,
          { type: 'minutes' },
        ),
      /hours' or 'days/,
    ],
    [
      'persistent browser on named apps',
      (b: Record<string, unknown>) => {
        (b.conditions as { applications: { includeApplications: string[] } }).applications = {
          includeApplications: ['app-1'],
        };
        b.sessionControls = { persistentBrowser: { isEnabled: true, mode: 'never' } };
      },
      /All cloud apps/,
    ],
    [
      'an unknown grant control',
      (b: Record<string, unknown>) =>
        (b.grantControls = { operator: 'OR', builtInControls: ['trustMe'] }),
      /unknown control/,
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const result = refused(mutate);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
  });

  it('accepts a grant-only policy (the docs’ MFA example)', () => {
    expect(
      checkConditionalAccessPolicyForCreate({
        displayName: 'Access to EXO requires MFA',
        state: 'enabled',
        conditions: {
          clientAppTypes: ['mobileAppsAndDesktopClients', 'browser'],
          applications: { includeApplications: ['00000002-0000-0ff1-ce00-000000000000'] },
          users: { includeGroups: ['ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba'] },
        },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      }),
    ).toEqual({ ok: true });
  });
});
