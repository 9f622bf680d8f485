import { Suspense } from 'react';
import { ApplicationsViewDeferred } from '@/components/effective/applications-view-deferred';

export const metadata = { title: 'Applications' };

export default function ApplicationsPage() {
  return (
    <Suspense>
      <ApplicationsViewDeferred />
    </Suspense>
  );
}
