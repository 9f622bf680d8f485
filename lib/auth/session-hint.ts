// Whether this browser was last signed in, kept in a cookie so the server can already send the
// sign-in page to a signed-out admin (painted at once) instead of "Starting sign-in…" and the card
// only after MSAL has loaded and read its cache. Only a hint: it holds no account and no token,
// MSAL still decides, and a wrong hint costs one re-render, never a wrong answer.

export const SESSION_HINT_COOKIE = 'tlp-session-hint';
export type SessionHint = 'signed-in' | 'signed-out';

/** A missing or unknown cookie is a signed-out browser: the sign-in card is the likely page. */
export function sessionHintFrom(cookieValue: string | undefined): SessionHint {
  return cookieValue === 'signed-in' ? 'signed-in' : 'signed-out';
}

/** The Set-Cookie text: a session cookie, for this site's pages only. */
export function sessionHintCookie(hint: SessionHint, secure: boolean): string {
  return `${SESSION_HINT_COOKIE}=${hint}; Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
}
