import type { AuthSettings } from './settings';

const DEFAULT_MS = 30_000;
/** Set by end-to-end tests (demo tenant only) to see what a frozen tenant does without waiting 30 s. */
export const TEST_TIME_LIMIT_KEY = 'tlp.test.time-limit-ms';

/** How long a Graph or token call may go unanswered; read at every call. */
export function timeLimitMs(settings: AuthSettings): number {
  if (settings.mode !== 'demo' || typeof window === 'undefined') return DEFAULT_MS;
  const override = Number(window.sessionStorage.getItem(TEST_TIME_LIMIT_KEY));
  return Number.isFinite(override) && override > 0 ? override : DEFAULT_MS;
}
