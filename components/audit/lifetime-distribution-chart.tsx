import type { HistogramBucket } from '@/lib/policy/audit';
import { countText } from '@/lib/plain-format';
import { logPosition, logScaleTop, logTicks } from './log-scale';

const percent = (position: number) => `${(position * 100).toFixed(2)}%`;

/**
 * Applications per effective-lifetime range, as bars on a log scale (the built-in default would
 * dwarf every other range on a linear one). The counts are text beside the bars and the figure
 * says in words what the bars show, so nothing depends on seeing them.
 */
export function LifetimeDistributionChart({ buckets }: { buckets: HistogramBucket[] }) {
  const top = logScaleTop(buckets.map((b) => b.count));
  const ticks = logTicks(top);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const largest = buckets.reduce<HistogramBucket | undefined>(
    (most, b) => (b.count > (most?.count ?? 0) ? b : most),
    undefined,
  );
  return (
    <figure className="mt-2" data-testid="lifetime-distribution">
      <ul className="space-y-1" aria-label="Applications per lifetime range">
        {buckets.map((bucket) => (
          <li
            key={bucket.label}
            className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)_3.5rem] items-center gap-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)_4rem]"
            data-testid="distribution-bucket"
          >
            <span>{bucket.label}</span>
            <span className="relative h-4 rounded bg-slate-100 dark:bg-slate-800" aria-hidden>
              <span
                className="block h-4 rounded bg-blue-700"
                data-testid="distribution-bar"
                style={{ width: percent(logPosition(bucket.count, top)) }}
              />
            </span>
            <span className="text-right tabular-nums" data-testid="distribution-count">
              {countText(bucket.count)}
            </span>
          </li>
        ))}
      </ul>
      <div
        className="mt-1 grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)_3.5rem] gap-2 text-xs text-slate-600 sm:grid-cols-[12rem_minmax(0,1fr)_4rem] dark:text-slate-400"
        aria-hidden
      >
        <span />
        <span className="relative h-4">
          {ticks.map((tick) => (
            <span
              key={tick.value}
              className="absolute -translate-x-1/2 tabular-nums"
              style={{ left: percent(tick.position) }}
            >
              {countText(tick.value)}
            </span>
          ))}
        </span>
        <span />
      </div>
      <figcaption className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {countText(total)} applications.
        {largest ? ` The largest group: ${largest.label}, ${countText(largest.count)}.` : ''} Bar
        lengths use a logarithmic scale (1, 10, 100 …), so small groups stay visible next to large
        ones; the numbers beside the bars are the exact counts.
      </figcaption>
    </figure>
  );
}
