'use client';

import dynamic from 'next/dynamic';

/**
 * The audit's code (the policy engine's resolution and classes, its figures and sections) loads
 * after first paint: it has nothing to show before the tenant is read, and keeps /audit within
 * the 250 kB first-load budget.
 */
export const AuditViewDeferred = dynamic(() => import('./audit-view').then((m) => m.AuditView), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm">
      Loading the audit…
    </p>
  ),
});
