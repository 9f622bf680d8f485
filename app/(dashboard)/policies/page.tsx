import { Suspense } from 'react';
import { PolicyList } from '@/components/policies/policy-list';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <Suspense>
      <PolicyList />
    </Suspense>
  );
}
