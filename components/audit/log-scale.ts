// The distribution chart's scale. On a linear scale the built-in bucket (most of a tenant) dwarfs
// the rest: 3 apps at 23:59:59 next to 9,000 at the built-in default draw as nothing. A log scale
// keeps every non-empty bucket visible and still orders them by size.

/** Where a count sits on a log scale from 0 (none) to 1 (the top of the scale). */
export function logPosition(count: number, top: number): number {
  if (count <= 0 || top <= 0) return 0;
  return Math.min(1, Math.log10(count + 1) / Math.log10(top + 1));
}

/** The top of the scale: the next power of ten at or above the largest count (at least 10). */
export function logScaleTop(counts: number[]): number {
  const largest = Math.max(0, ...counts);
  return 10 ** Math.max(1, Math.ceil(Math.log10(Math.max(1, largest))));
}

/** The tick marks: 1, 10, 100 … up to the top, each with its position on the scale. */
export function logTicks(top: number): Array<{ value: number; position: number }> {
  const ticks: Array<{ value: number; position: number }> = [];
  for (let value = 1; value <= top; value *= 10)
    ticks.push({ value, position: logPosition(value, top) });
  return ticks;
}
