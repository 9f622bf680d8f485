import { AuditViewDeferred } from '@/components/audit/audit-view-deferred';

export const metadata = { title: 'Audit' };

export default function AuditPage() {
  return <AuditViewDeferred />;
}
