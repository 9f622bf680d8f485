import { TokenInspector } from '@/components/token-inspector/token-inspector';

export const metadata = { title: 'Token inspector' };

export default function TokenInspectorPage() {
  return <TokenInspector />;
}
