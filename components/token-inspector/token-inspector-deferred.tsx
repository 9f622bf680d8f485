'use client';

import dynamic from 'next/dynamic';

/** The inspector's code (decoding, comparison with policies) loads after first paint. */
export const TokenInspectorDeferred = dynamic(
  () => import('./token-inspector').then((m) => m.TokenInspector),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="text-sm">
        Loading the token inspector…
      </p>
    ),
  },
);
