// What the admin is told about each rule, worded once. The linking controls, the explanation of an
// effective lifetime, the audit, the CLI and the demo tenant all quote these, so a rule never reads
// three different ways on three screens.
import { BUILT_IN_ACCESS_TOKEN_LIFETIME } from './lifetime';
import type { LinkSource } from './types';

const minutes = (seconds: number) => Math.round(seconds / 60);

/** "60–90 min": the built-in access token lifetime when no policy applies. */
export const BUILT_IN_RANGE_TEXT = `${minutes(BUILT_IN_ACCESS_TOKEN_LIFETIME.minSeconds)}–${minutes(
  BUILT_IN_ACCESS_TOKEN_LIFETIME.maxSeconds,
)} min`;

/** "random 60–90 min, 75 min on average": the built-in lifetime in a sentence. */
export const BUILT_IN_LIFETIME_WORDS = `random ${BUILT_IN_RANGE_TEXT}, ${minutes(
  BUILT_IN_ACCESS_TOKEN_LIFETIME.averageSeconds,
)} min on average`;

export const MANAGED_IDENTITY_UNSUPPORTED =
  'Managed identities are not supported by token lifetime policies: a policy linked to one has no effect, and the built-in default applies.';

export const PERSONAL_ACCOUNTS_UNSUPPORTED =
  'Apps for personal Microsoft accounts only cannot hold a token lifetime policy.';

export const NO_APPLICATION_OBJECT =
  'This app has no application object in this tenant; link the policy to its service principal instead.';

export const NO_SERVICE_PRINCIPAL =
  'This app has no service principal in this tenant yet; link the policy to its application object instead.';

export const LIFETIME_FOLLOWS_RESOURCE =
  'The lifetime follows the resource (the API a token is for), not the client: this app exposes no API, so a policy here does not change the tokens it gets for Microsoft Graph or other APIs.';

export const SHAREPOINT_DESKTOP_MOBILE_ONLY =
  'For SharePoint Online and OneDrive a policy applies to desktop and mobile clients only, not to browser sessions.';

export const UNLINKED_POLICY =
  'Linked to no application or service principal, and not the organization default: it changes nothing.';

/** An application or service principal holds at most one token lifetime policy. */
export function onePolicyPerObjectMessage(
  objectType: 'application' | 'servicePrincipal',
  policyCount: number,
): string {
  const object = objectType === 'application' ? 'application object' : 'service principal';
  return `${policyCount} policies are linked to this ${object}; it can hold one token lifetime policy. Exclude all but one.`;
}

/** Only one policy may be the organization default. */
export function organizationDefaultsConflictMessage(displayNames: readonly string[]): string {
  const names = displayNames.map((n) => `"${n}"`).join(', ');
  return `${displayNames.length} policies claim to be the organization default (${names}); only one may be.`;
}

/** Who set the effective lifetime, as a label ("Set by: …"). */
export const SOURCE_LABELS: Record<LinkSource, string> = {
  servicePrincipal: 'Policy on the service principal',
  organizationDefault: 'Organization default',
  application: 'Policy on the app object',
  builtIn: 'Built-in default',
};
