import { PageHeader } from '@/components/shell/page-header';
import { TokenInspectorDeferred } from '@/components/token-inspector/token-inspector-deferred';

export const metadata = { title: 'Token inspector' };

export default function TokenInspectorPage() {
  return (
    <div className="space-y-6">
      <PageHeader route="/token-inspector" />
      <TokenInspectorDeferred />
    </div>
  );
}
