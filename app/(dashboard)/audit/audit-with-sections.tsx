'use client';

import dynamic from 'next/dynamic';
import { AuditViewDeferred } from '@/components/audit/audit-view-deferred';

// The audit page composes three features: the audit's own figures, who receives the extended
// tokens (reach) and what governs sessions. Features do not import each other; the page joins them.
// Reach and sessions load after first paint: the audit's figures show at once, within the budget.
const ReachSection = dynamic(
  () => import('@/components/reach/reach-section').then((m) => m.ReachSection),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="text-sm">
        Loading who receives long-lived tokens…
      </p>
    ),
  },
);
const SessionsSection = dynamic(
  () => import('@/components/sessions/sessions-section').then((m) => m.SessionsSection),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="text-sm">
        Loading what governs sessions…
      </p>
    ),
  },
);

export function AuditWithSections() {
  return (
    <AuditViewDeferred
      reach={(extended) => <ReachSection extended={extended} />}
      sessions={<SessionsSection />}
    />
  );
}
