import { Suspense } from 'react';
import { ApplicationsView } from '@/components/effective/applications-view';

export const metadata = { title: 'Applications' };

export default function ApplicationsPage() {
  return (
    <Suspense>
      <ApplicationsView />
    </Suspense>
  );
}
