'use client';

import { usePathname } from 'next/navigation';
import { PageHeader } from './page-header';
import { isPageRoute } from './page-intros';
import { ShellFrame } from './shell-frame';

/**
 * The dashboard as it will look, while MSAL starts and reads its session: the server sends it to a
 * browser that was signed in, so the navigation and the page's title and purpose paint at once,
 * and the signed-in shell takes its place without moving them.
 */
export function ShellPreview({ tenantLabel, status }: { tenantLabel: string; status: string }) {
  const pathname = usePathname();
  return (
    <ShellFrame tenantLabel={tenantLabel}>
      <div className="space-y-4">
        {isPageRoute(pathname) && <PageHeader route={pathname} />}
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {status}
        </p>
      </div>
    </ShellFrame>
  );
}
