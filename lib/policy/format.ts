// Human durations for the UI: "10 min", "1 h 30 min", "1 day", "1 day 1 s".

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

export function formatLifetime(e: {
  seconds: number | null;
  minSeconds: number;
  maxSeconds: number;
}): string {
  if (e.seconds !== null) return formatDuration(e.seconds);
  return `${Math.round(e.minSeconds / 60)}–${Math.round(e.maxSeconds / 60)} min (built-in)`;
}
