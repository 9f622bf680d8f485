import { PageHeader } from '@/components/shell/page-header';
import { DesiredStateView } from '@/components/desired-state/desired-state-view';

export const metadata = { title: 'Desired state' };

export default function DesiredStatePage() {
  return (
    <div className="space-y-8">
      <PageHeader route="/desired-state" />
      <DesiredStateView />
    </div>
  );
}
