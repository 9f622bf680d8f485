'use client';

import { usePolicies } from './use-policies';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/feedback';

export function PolicyList() {
  const policies = usePolicies();
  if (policies.isPending) return <Skeleton className="h-40" label="Loading policies" />;
  if (policies.isError) return <ErrorPanel error={policies.error} title="Could not load policies" onRetry={() => policies.refetch()} />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">Token lifetime policies</h1>
      <ul>
        {policies.data.map((p) => (
          <li key={p.id} className="tenant-text">
            {p.displayName}
          </li>
        ))}
      </ul>
    </div>
  );
}
