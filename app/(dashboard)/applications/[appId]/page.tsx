'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { ApplicationDetail } from '@/components/effective/application-detail';
import { ApplicationReach } from '@/components/reach/application-reach';

// The application page joins two features: its effective lifetime (effective) and who receives
// its tokens (reach). Features do not import each other; the page composes them.
export default function ApplicationPage() {
  const { appId } = useParams<{ appId: string }>();
  return (
    <Suspense>
      <ApplicationDetail
        appId={decodeURIComponent(appId)}
        reach={(target) => <ApplicationReach target={target} />}
      />
    </Suspense>
  );
}
