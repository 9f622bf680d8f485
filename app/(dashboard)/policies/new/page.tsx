'use client';

import { PolicyForm } from '@/components/policies/policy-form';

export default function NewPolicyPage() {
  return <PolicyForm />;
}
