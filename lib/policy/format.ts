// Durations in the admin's words: "2 h", "1 h 30 min", "1 day", "10 min".

const DAY = 86_400;
const HOUR = 3_600;
const MINUTE = 60;

export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return '—';
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(totalSeconds));
  if (rest === 0) return '0 s';
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  const seconds = rest - minutes * MINUTE;
  const parts: string[] = [];
  if (days) parts.push(days === 1 ? '1 day' : `${days} days`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds) parts.push(`${seconds} s`);
  return sign + parts.join(' ');
}

/** An effective lifetime: a fixed value, or the built-in 60–90 minute range. */
export function formatLifetime(lifetime: {
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
}): string {
  if (lifetime.seconds !== null) return formatDuration(lifetime.seconds);
  return `${Math.round(lifetime.minSeconds / 60)}–${Math.round(lifetime.maxSeconds / 60)} min (built-in)`;
}
