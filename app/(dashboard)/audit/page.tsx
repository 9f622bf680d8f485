import { AuditView } from '@/components/audit/audit-view';

export const metadata = { title: 'Audit' };

export default function AuditPage() {
  return <AuditView />;
}
