'use client';

import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/feedback';
import { PolicyForm } from './policy-form';
import { usePolicy } from '@/components/shared/use-policies';

export function EditPolicy({ id }: { id: string }) {
  const policy = usePolicy(id);
  if (policy.isPending) return <Skeleton className="h-64" label="Loading the policy" />;
  if (policy.isError)
    return (
      <ErrorPanel
        error={policy.error}
        title="Could not load this policy"
        onRetry={() => policy.refetch()}
      />
    );
  return <PolicyForm key={policy.data.id} baseline={policy.data} />;
}
