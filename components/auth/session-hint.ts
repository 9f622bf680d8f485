import { sessionHintCookie, type SessionHint } from '@/lib/auth/session-hint';

/** Remembered for the next page the server renders (lib/auth/session-hint.ts says why). */
export function rememberSessionHint(hint: SessionHint): void {
  document.cookie = sessionHintCookie(hint, window.location.protocol === 'https:');
}
