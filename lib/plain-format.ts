// Counts and clock times as the dashboard shows them, without Intl. A page's first Intl call
// (toLocaleString, toLocaleTimeString, localeCompare) sets ICU up: 15–60 ms of main thread in
// Chromium on this project's 2-core machine, four times that on the slow laptop Lighthouse
// models, and all of it while the page is first drawn. The UI is English, so "12,345" and
// "14:02" are what it says anyway.

/** 12345 → "12,345"; a fraction keeps its decimals as they are ("1,234.5"). */
export function countText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The local time of day on a 24-hour clock: "14:02", "09:05". */
export function clockTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}`;
}
