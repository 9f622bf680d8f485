import { TokenInspectorDeferred } from '@/components/token-inspector/token-inspector-deferred';

export const metadata = { title: 'Token inspector' };

export default function TokenInspectorPage() {
  return <TokenInspectorDeferred />;
}
