import { Suspense } from 'react';
import { DeletedPolicyNotice } from '@/components/policies/deleted-policy-notice';
import { PolicyListDeferred } from '@/components/policies/policy-list-deferred';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <Suspense>
      <div className="space-y-4">
        <DeletedPolicyNotice />
        <PolicyListDeferred />
      </div>
    </Suspense>
  );
}
