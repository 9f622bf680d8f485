'use client';

import { useParams } from 'next/navigation';
import { EditPolicy } from '@/components/policies/edit-policy';

export default function EditPolicyPage() {
  const { id } = useParams<{ id: string }>();
  return <EditPolicy id={id} />;
}
