'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// A client-side hop: the sign-in response may arrive on "/" and must be read before leaving it.
export default function Home() {
  const router = useRouter();
  useEffect(() => router.replace('/policies'), [router]);
  return <p role="status">Opening policies…</p>;
}
