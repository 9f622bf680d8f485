// What the admin must know beside the number: limits of the policy for this kind of target.
import { formatDuration } from './format';
import { CAE_MAX_LIFETIME_SECONDS } from './lifetime';
import {
  LIFETIME_FOLLOWS_RESOURCE,
  MANAGED_IDENTITY_UNSUPPORTED,
  SHAREPOINT_DESKTOP_MOBILE_ONLY,
} from './messages';
import {
  hasTrait,
  TRAIT_DISABLED,
  TRAIT_FIRST_PARTY,
  TRAIT_HAS_SP,
  TRAIT_MANAGED_IDENTITY,
  TRAIT_POLICY_WITHOUT_EFFECT,
  TRAIT_SHAREPOINT,
} from './target-traits';

export type CaveatCode =
  | 'managed-identity-unsupported'
  | 'sharepoint-desktop-mobile-only'
  | 'cae-up-to-28h'
  | 'client-credentials-no-refresh'
  | 'lifetime-follows-resource'
  | 'disabled-service-principal';

export interface Caveat {
  code: CaveatCode;
  message: string;
}

export const CAVEATS: Readonly<Record<CaveatCode, Readonly<Caveat>>> = Object.freeze({
  'managed-identity-unsupported': Object.freeze({
    code: 'managed-identity-unsupported',
    message: MANAGED_IDENTITY_UNSUPPORTED,
  }),
  'sharepoint-desktop-mobile-only': Object.freeze({
    code: 'sharepoint-desktop-mobile-only',
    message: SHAREPOINT_DESKTOP_MOBILE_ONLY,
  }),
  'cae-up-to-28h': Object.freeze({
    code: 'cae-up-to-28h',
    message: `Clients that use Continuous Access Evaluation can get tokens for this resource lasting up to ${formatDuration(CAE_MAX_LIFETIME_SECONDS)}, whatever the policy says.`,
  }),
  'client-credentials-no-refresh': Object.freeze({
    code: 'client-credentials-no-refresh',
    message:
      'Scripts and daemons using client credentials get no refresh token: they must request a new token before this lifetime ends.',
  }),
  'lifetime-follows-resource': Object.freeze({
    code: 'lifetime-follows-resource',
    message: LIFETIME_FOLLOWS_RESOURCE,
  }),
  'disabled-service-principal': Object.freeze({
    code: 'disabled-service-principal',
    message:
      'The service principal is disabled: no tokens are issued for it until it is enabled again.',
  }),
} as const);

/** The caveats of a target with these traits, in a fixed order; `policyWins`: a policy took effect. */
export function caveatsFor(traits: number, policyWins: boolean): readonly Caveat[] {
  const caveats: Caveat[] = [];
  const managedIdentity = hasTrait(traits, TRAIT_MANAGED_IDENTITY);
  if (managedIdentity) caveats.push(CAVEATS['managed-identity-unsupported']);
  if (hasTrait(traits, TRAIT_SHAREPOINT)) caveats.push(CAVEATS['sharepoint-desktop-mobile-only']);
  if (hasTrait(traits, TRAIT_FIRST_PARTY)) caveats.push(CAVEATS['cae-up-to-28h']);
  if (policyWins && hasTrait(traits, TRAIT_HAS_SP) && !managedIdentity)
    caveats.push(CAVEATS['client-credentials-no-refresh']);
  if (hasTrait(traits, TRAIT_POLICY_WITHOUT_EFFECT))
    caveats.push(CAVEATS['lifetime-follows-resource']);
  if (hasTrait(traits, TRAIT_DISABLED)) caveats.push(CAVEATS['disabled-service-principal']);
  return Object.freeze(caveats);
}
