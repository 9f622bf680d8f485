// `/policies?deleted=<name>` is where the policy page goes after a delete. The name comes from a
// URL anyone can write: it is shown as text only, shortened, and ignored when it is no name at all.

/** Longer names are shortened for the notice (Entra display names run to 256 characters). */
export const SHOWN_NAME_LENGTH = 120;
/** Longer than any display name Graph accepts: not a name, ignored. */
const LONGEST_NAME = 256;

/** The deleted policy's name to confirm, or undefined when the parameter holds none. */
export function deletedPolicyName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const name = raw.normalize('NFC').trim();
  // Control characters (line breaks, NUL, escapes) are in no display name the portal accepts.
  if (!name || [...name].length > LONGEST_NAME || /\p{Cc}/u.test(name)) return undefined;
  const characters = [...name];
  return characters.length > SHOWN_NAME_LENGTH
    ? `${characters.slice(0, SHOWN_NAME_LENGTH - 1).join('')}…`
    : name;
}
