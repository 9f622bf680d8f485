// What about a target, besides its links, changes which policy wins or what the admin must be told.
// Packed in a bit mask: it is part of the memo key that makes resolving 100,000 targets cheap.
import {
  isManagedIdentity,
  isMicrosoftFirstParty,
  linkedPolicyHasNoEffect,
  SHAREPOINT_APP_ID,
} from './rules';
import type { DirectoryTarget } from './types';

export const TRAIT_MANAGED_IDENTITY = 1;
export const TRAIT_SHAREPOINT = 2;
export const TRAIT_FIRST_PARTY = 4;
/** A client-only app holding a policy: the policy changes nothing (rules.ts). */
export const TRAIT_POLICY_WITHOUT_EFFECT = 8;
export const TRAIT_DISABLED = 16;
export const TRAIT_HAS_SP = 32;
/** Traits fit in this many values; the memo key multiplies by it. */
export const TRAIT_SPACE = 64;

export function traitsOf(target: DirectoryTarget): number {
  const sp = target.servicePrincipal;
  let traits = 0;
  if (sp) {
    traits |= TRAIT_HAS_SP;
    if (isManagedIdentity(sp)) traits |= TRAIT_MANAGED_IDENTITY;
    if (sp.appId === SHAREPOINT_APP_ID) traits |= TRAIT_SHAREPOINT;
    if (isMicrosoftFirstParty(sp)) traits |= TRAIT_FIRST_PARTY;
    if (sp.accountEnabled === false) traits |= TRAIT_DISABLED;
  }
  if (linkedPolicyHasNoEffect(target)) traits |= TRAIT_POLICY_WITHOUT_EFFECT;
  return traits;
}

export const hasTrait = (traits: number, trait: number): boolean => (traits & trait) !== 0;
