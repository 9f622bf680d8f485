// The benches' one summary of repeated runs: the middle value (the upper middle of an even count),
// so one slow run on a shared machine moves nothing.
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
