import { Suspense } from 'react';
import { DeletedPolicyNotice } from '@/components/policies/deleted-policy-notice';
import { PolicyList } from '@/components/policies/policy-list';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <Suspense>
      <div className="space-y-4">
        <DeletedPolicyNotice />
        <PolicyList />
      </div>
    </Suspense>
  );
}
