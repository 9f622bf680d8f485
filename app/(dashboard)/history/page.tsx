'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { HistoryView } from '@/components/history/history-view';
import type { HistoryScope } from '@/lib/history/queries';

// ?policy={id} or ?app={objectId},{objectId}: the history of one policy or one application
// (its application object and service principal); nothing: the whole tenant.
function HistoryPage() {
  const params = useSearchParams();
  const policy = params.get('policy');
  const app = params.get('app');
  const name = params.get('name');
  const scope: HistoryScope = policy
    ? { kind: 'policy', policyId: policy }
    : app
      ? { kind: 'app', objectIds: app.split(',').filter(Boolean) }
      : { kind: 'tenant' };
  const title =
    scope.kind === 'tenant'
      ? 'Change history'
      : `Change history of ${name ?? (scope.kind === 'policy' ? 'this policy' : 'this application')}`;
  return <HistoryView scope={scope} title={title} />;
}

export default function Page() {
  return (
    <Suspense>
      <HistoryPage />
    </Suspense>
  );
}
