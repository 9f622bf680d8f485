'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';

const NAVIGATION = [
  { href: '/policies', label: 'Policies' },
  { href: '/applications', label: 'Applications' },
  { href: '/audit', label: 'Audit' },
  { href: '/history', label: 'History' },
  { href: '/desired-state', label: 'Desired state' },
  { href: '/token-inspector', label: 'Token inspector' },
];

/**
 * The dashboard's frame: skip link, navigation, tenant and account, and the page. It needs no
 * session, so the server draws it while MSAL is still starting (shell-preview.tsx) and the signed-in
 * shell then takes its place without moving anything.
 */
export function ShellFrame({
  tenantLabel,
  account,
  notice,
  children,
}: {
  tenantLabel: string;
  /** The account menu once signed in; nothing while signing in. */
  account?: React.ReactNode;
  /** Why a sign-in prompt is open, while it is. */
  notice?: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/policies" className="font-semibold">
            Token lifetime policies
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1">
            {NAVIGATION.map((item) => {
              const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={current ? 'page' : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm ${current ? 'bg-blue-100 font-semibold text-blue-900 dark:bg-blue-950 dark:text-blue-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span
              className="hidden text-slate-600 sm:inline dark:text-slate-300"
              data-testid="tenant-label"
            >
              {tenantLabel}
            </span>
            {account}
          </div>
        </div>
        {notice && (
          <p
            role="status"
            className="bg-amber-50 px-4 py-1 text-center text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-100"
          >
            {notice}
          </p>
        )}
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
