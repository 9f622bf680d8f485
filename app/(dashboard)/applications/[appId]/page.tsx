'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { ApplicationDetail } from '@/components/effective/application-detail';

export default function ApplicationPage() {
  const { appId } = useParams<{ appId: string }>();
  return (
    <Suspense>
      <ApplicationDetail appId={decodeURIComponent(appId)} />
    </Suspense>
  );
}
