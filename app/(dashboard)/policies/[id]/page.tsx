'use client';

import { useParams } from 'next/navigation';
import { PolicyDetail } from '@/components/policies/policy-detail';

export default function PolicyPage() {
  const { id } = useParams<{ id: string }>();
  return <PolicyDetail id={id} />;
}
