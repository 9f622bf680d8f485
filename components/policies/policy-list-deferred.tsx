'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/feedback';

/**
 * The Policies list's code (its summaries, filters and the policy engine's findings) loads after
 * first paint: it has nothing to show before the tenant answers, and /policies stays within the
 * 250 kB first-load budget.
 */
export const PolicyListDeferred = dynamic(() => import('./policy-list').then((m) => m.PolicyList), {
  ssr: false,
  loading: () => <Skeleton className="h-40" label="Loading the policies" />,
});
