'use client';

import dynamic from 'next/dynamic';

/**
 * The Applications view's code (virtual list, every row's resolution) loads after first paint:
 * it is not part of the route's first-load JavaScript, and it has nothing to show before sign-in.
 */
export const ApplicationsViewDeferred = dynamic(
  () => import('./applications-view').then((m) => m.ApplicationsView),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="text-sm">
        Loading the Applications view…
      </p>
    ),
  },
);
