'use client';

import { Link } from '@/components/ui/link';
import type { ImpactChange } from '@/lib/policy/audit';
import { formatLifetimeWithSource } from '@/lib/policy/format';
import type { EffectiveLifetime } from '@/lib/policy/resolve';

/** "8 h (org default)", "60–90 min (built-in)": lib/policy says "(built-in)" once. */
function Lifetime({ effective }: { effective: EffectiveLifetime }) {
  return (
    <>
      {formatLifetimeWithSource(effective)}
      {effective.auditClass === 'no-effect' && (
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          no effect: client-only app
        </span>
      )}
    </>
  );
}

/** Which apps change effective lifetime, from → to, computed by lib/policy before anything is saved. */
export function ImpactTable({
  changes,
  loading,
}: {
  changes: ImpactChange[] | undefined;
  loading?: boolean;
}) {
  if (loading || !changes)
    return (
      <p className="text-sm" role="status">
        Computing the impact from the tenant’s applications…
      </p>
    );
  if (changes.length === 0) {
    return (
      <p className="text-sm" data-testid="impact-none">
        This change affects no application’s effective access-token lifetime.
      </p>
    );
  }
  return (
    <div
      className="max-h-72 overflow-auto rounded border border-slate-200 dark:border-slate-700"
      data-testid="impact-table"
    >
      <table className="w-full text-left text-sm">
        <caption className="p-2 text-left font-medium" data-testid="impact-count">
          {changes.length} application{changes.length === 1 ? '' : 's'} change effective lifetime
        </caption>
        <thead className="bg-slate-100 text-xs dark:bg-slate-800">
          <tr>
            <th scope="col" className="px-2 py-1">
              Application
            </th>
            <th scope="col" className="px-2 py-1">
              From
            </th>
            <th scope="col" className="px-2 py-1">
              To
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, 500).map((c) => (
            <tr
              key={c.appId}
              className="border-t border-slate-200 dark:border-slate-700"
              data-testid="impact-row"
            >
              <td className="px-2 py-1">
                <Link
                  href={`/applications/${c.appId}`}
                  className="tenant-text underline-offset-2 hover:underline"
                >
                  {c.displayName}
                </Link>
              </td>
              <td className="px-2 py-1 whitespace-nowrap" data-testid="impact-from">
                <Lifetime effective={c.from} />
              </td>
              <td className="px-2 py-1 whitespace-nowrap" data-testid="impact-to">
                <Lifetime effective={c.to} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > 500 && <p className="p-2 text-xs">…and {changes.length - 500} more.</p>}
    </div>
  );
}
