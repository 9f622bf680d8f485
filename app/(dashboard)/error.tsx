'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function DashboardError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <ErrorPanel error={error} title="This page could not be shown" onRetry={reset} />
    </div>
  );
}
