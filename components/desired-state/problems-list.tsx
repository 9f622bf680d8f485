'use client';

import type { BaselineProblem, ItemKey } from '@/lib/desired-state/parse';

/** Every problem of the baseline, each with a way out: exclude the item it is about. */
export function ProblemsList({
  problems,
  excluded,
  onToggle,
}: {
  problems: BaselineProblem[];
  excluded: ReadonlySet<ItemKey>;
  onToggle: (item: ItemKey, exclude: boolean) => void;
}) {
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">
        {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in the baseline. Nothing
        is compared or applied until each is fixed in the file or its item excluded.
      </p>
      <ul className="space-y-2" data-testid="baseline-problems">
        {problems.map((p, i) => (
          <li key={`${p.item}-${p.code}-${i}`} data-testid="baseline-problem">
            <span className="font-medium tenant-text">{p.where}</span>: {p.message}
            {p.item && (
              <label className="ml-2 inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={excluded.has(p.item)}
                  onChange={(e) => p.item && onToggle(p.item, e.target.checked)}
                />
                Exclude {p.item.startsWith('link') ? 'this link' : 'this policy'}
              </label>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
