import { Suspense } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { DeletedPolicyNotice } from '@/components/policies/deleted-policy-notice';
import { PolicyListDeferred } from '@/components/policies/policy-list-deferred';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <div className="space-y-4">
      <PageHeader route="/policies" />
      <Suspense>
        <DeletedPolicyNotice />
        <PolicyListDeferred />
      </Suspense>
    </div>
  );
}
