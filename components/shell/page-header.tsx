import { Notice } from '@/components/ui/feedback';
import { PAGE_INTROS, type PageRoute } from './page-intros';

/**
 * A page's title and what it is for. Static text, so the server sends it: the admin reads it while
 * signing in (shell-preview.tsx) and it stays in place while the tenant loads.
 */
export function PageHeader({ route }: { route: PageRoute }) {
  const { title, intro, notice } = PAGE_INTROS[route];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{intro}</p>
      </div>
      {notice && <Notice>{notice}</Notice>}
    </div>
  );
}
