// The policy form's rules, kept out of React: what the admin typed, what will be written, and
// what changed on the server since the form was opened.
import { buildDefinition, parseDefinition, writableLifetimeSeconds } from '@/lib/policy/definition';
import { formatTimeSpan } from '@/lib/policy/timespan';
import { checkAccessTokenLifetime } from '@/lib/policy/lifetime';

type LifetimeCheck = ReturnType<typeof checkAccessTokenLifetime>;
import type { TokenLifetimePolicy } from '@/lib/policy/types';

export interface PolicyDraft {
  displayName: string;
  description: string;
  /** What the admin typed: a TimeSpan (02:00:00), a short form (2h, 90m) or a preset's value. */
  lifetimeText: string;
  removeRetiredProperties: boolean;
  /** Create only: make the new policy the organization default. */
  makeOrganizationDefault: boolean;
}

/**
 * "1 day" writes 23:59:59: Graph refuses exactly 24 hours with "Property definition has an invalid
 * value" (lib/policy/lifetime.ts names the field reports), so the form offers the largest value
 * Graph accepts and says so beside the preset.
 */
export const ONE_DAY_PRESET_NOTE =
  '“1 day” writes 23:59:59: Microsoft Graph refuses exactly 24 hours (24:00:00 or 1.00:00:00).';

export const PRESETS: Array<{ label: string; text: string }> = [
  { label: '10 min', text: '00:10:00' },
  { label: '30 min', text: '00:30:00' },
  { label: '1 h', text: '01:00:00' },
  { label: '2 h', text: '02:00:00' },
  { label: '4 h', text: '04:00:00' },
  { label: '8 h', text: '08:00:00' },
  { label: '12 h', text: '12:00:00' },
  { label: '1 day', text: '23:59:59' },
];

export function emptyDraft(): PolicyDraft {
  return {
    displayName: '',
    description: '',
    lifetimeText: '02:00:00',
    removeRetiredProperties: false,
    makeOrganizationDefault: false,
  };
}

export function draftFromPolicy(policy: TokenLifetimePolicy): PolicyDraft {
  const parsed = parseDefinition(policy.definition);
  // A stored 1 day is read as it is but cannot be written back: the form starts at 23:59:59.
  const lifetimeText =
    parsed.accessTokenLifetimeSeconds !== null && parsed.usable
      ? formatTimeSpan(writableLifetimeSeconds(parsed.accessTokenLifetimeSeconds))
      : (parsed.accessTokenLifetime ?? parsed.rawAccessTokenLifetime ?? '');
  return {
    displayName: policy.displayName,
    description: policy.description ?? '',
    lifetimeText,
    removeRetiredProperties: false,
    makeOrganizationDefault: false,
  };
}

export interface DraftCheck {
  lifetime: LifetimeCheck;
  nameError?: string;
  descriptionError?: string;
  canSave: boolean;
}

export function checkDraft(draft: PolicyDraft): DraftCheck {
  const lifetime = checkAccessTokenLifetime(draft.lifetimeText);
  const name = draft.displayName.trim();
  const nameError = !name
    ? 'A display name is required.'
    : name.length > 256
      ? 'The display name can be at most 256 characters.'
      : undefined;
  const descriptionError =
    draft.description.length > 1024 ? 'The description can be at most 1024 characters.' : undefined;
  return {
    lifetime,
    nameError,
    descriptionError,
    canSave: lifetime.ok && !nameError && !descriptionError,
  };
}

/** The definition to write: canonical lifetime, every other property as it was (unless asked). */
export function definitionToWrite(draft: PolicyDraft, base?: string[]): string[] {
  const check = checkAccessTokenLifetime(draft.lifetimeText);
  if (!check.ok) throw new RangeError(check.error);
  return buildDefinition({
    base,
    accessTokenLifetimeSeconds: check.seconds,
    removeRetiredProperties: draft.removeRetiredProperties,
  });
}

export interface ServerChange {
  field: 'displayName' | 'description' | 'definition' | 'isOrganizationDefault';
  before: string;
  after: string;
}

/** What someone else changed between opening the form (baseline) and saving (latest). */
export function changesSince(
  baseline: TokenLifetimePolicy,
  latest: TokenLifetimePolicy,
): ServerChange[] {
  const changes: ServerChange[] = [];
  const compare = (field: ServerChange['field'], before: unknown, after: unknown) => {
    const a = JSON.stringify(before ?? null);
    const b = JSON.stringify(after ?? null);
    if (a !== b)
      changes.push({
        field,
        before: typeof before === 'string' ? before : a,
        after: typeof after === 'string' ? after : b,
      });
  };
  compare('displayName', baseline.displayName, latest.displayName);
  compare('description', baseline.description ?? '', latest.description ?? '');
  compare('definition', baseline.definition, latest.definition);
  compare('isOrganizationDefault', baseline.isOrganizationDefault, latest.isOrganizationDefault);
  return changes;
}

/** Split seconds for the hours + minutes inputs. */
export function hoursAndMinutes(seconds: number): { hours: number; minutes: number } {
  return { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) };
}
