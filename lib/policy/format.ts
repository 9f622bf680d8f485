// Human durations for the UI: "10 min", "1 h 30 min", "1 day", "1 day 1 s", and an effective
// lifetime with who set it: "8 h (org default)", "60–90 min (built-in)".
import type { LinkSource } from './types';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const total = Math.round(Math.abs(seconds));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const parts: string[] = [];
  if (days) parts.push(days === 1 ? '1 day' : `${days} days`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (secs || parts.length === 0) parts.push(`${secs} s`);
  return (seconds < 0 ? '-' : '') + parts.join(' ');
}

interface LifetimeRange {
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
}

/** "(built-in)" is said here, once: no policy applies, so the lifetime is a range. */
export function formatLifetime(e: LifetimeRange): string {
  if (e.seconds !== null) return formatDuration(e.seconds);
  return `${Math.round(e.minSeconds / 60)}–${Math.round(e.maxSeconds / 60)} min (built-in)`;
}

/** Who set an effective lifetime, short enough for a table cell beside it. */
const SOURCE_SHORT_LABELS: Record<LinkSource, string> = {
  servicePrincipal: 'SP policy',
  organizationDefault: 'org default',
  application: 'app policy',
  builtIn: 'built-in',
};

/**
 * The lifetime and who set it: "8 h (org default)". The built-in range already says "(built-in)",
 * so it is not said twice ("60–90 min (built-in) (built-in)" was the impact preview's slip).
 */
export function formatLifetimeWithSource(e: LifetimeRange & { source: LinkSource }): string {
  const lifetime = formatLifetime(e);
  return e.seconds === null ? lifetime : `${lifetime} (${SOURCE_SHORT_LABELS[e.source]})`;
}
