import { DesiredStateView } from '@/components/desired-state/desired-state-view';

export const metadata = { title: 'Desired state' };

export default function DesiredStatePage() {
  return <DesiredStateView />;
}
