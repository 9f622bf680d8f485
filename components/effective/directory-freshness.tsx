'use client';

import { Button } from '@/components/ui/button';
import { clockTime } from '@/lib/plain-format';

/** "As of 14:02" and a refresh: the view may show objects kept from the admin's last visit. */
export function DirectoryFreshness({
  asOf,
  refreshing,
  onRefresh,
}: {
  asOf?: Date;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
      {/* Its room is kept while the tenant loads: the time appearing moves nothing beside it. */}
      {asOf ? (
        <span data-testid="directory-as-of">
          As of <time dateTime={asOf.toISOString()}>{clockTime(asOf)}</time>
        </span>
      ) : (
        <span className="invisible" aria-hidden="true">
          As of 00:00
        </span>
      )}
      {/* As wide as "Refreshing…": the label changing moves nothing either. */}
      <Button onClick={onRefresh} disabled={refreshing} className="min-w-[7.5rem]">
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </div>
  );
}
