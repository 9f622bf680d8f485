import { PageHeader } from '@/components/shell/page-header';
import { AuditWithSections } from './audit-with-sections';

export const metadata = { title: 'Audit' };

export default function AuditPage() {
  return (
    <div className="space-y-6">
      <PageHeader route="/audit" />
      <AuditWithSections />
    </div>
  );
}
