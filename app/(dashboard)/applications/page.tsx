import { Suspense } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { ApplicationsViewDeferred } from '@/components/effective/applications-view-deferred';

export const metadata = { title: 'Applications' };

export default function ApplicationsPage() {
  return (
    <div className="space-y-4">
      <PageHeader route="/applications" />
      <Suspense>
        <ApplicationsViewDeferred />
      </Suspense>
    </div>
  );
}
