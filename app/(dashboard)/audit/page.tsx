import { AuditWithSections } from './audit-with-sections';

export const metadata = { title: 'Audit' };

export default function AuditPage() {
  return <AuditWithSections />;
}
