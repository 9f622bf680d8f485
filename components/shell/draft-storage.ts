// Where unsaved policy drafts live: the tab's sessionStorage (never a token). Shared by the policy
// form, which writes them, and sign-out, which must not lose them.
const DRAFT_PREFIX = 'tlp.draft.';
export const draftKey = (id: string | undefined) => `${DRAFT_PREFIX}${id ?? 'new'}`;

/** How many unsaved policy drafts this tab holds. */
export function countDrafts(storage: Storage): number {
  return Object.keys(storage).filter((k) => k.startsWith(DRAFT_PREFIX)).length;
}

/**
 * Sign-out empties the tab's storage except unsaved drafts: the advice after a 401 promises that
 * unsaved changes are kept, and a draft holds no token (MSAL clears its own cache).
 */
export function clearSessionKeepingDrafts(storage: Storage): void {
  for (const name of Object.keys(storage))
    if (!name.startsWith(DRAFT_PREFIX)) storage.removeItem(name);
}
