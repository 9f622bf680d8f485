'use client';

import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import { PRIVILEGE_LABELS, type ReachClient } from '@/lib/policy/reach';
import { ACCESS_LABELS, whoSignsIn } from './reach-rows';

const PRIVILEGE_TONE = { writes: 'danger', 'reads-all': 'warning', limited: 'neutral' } as const;

/** The clients that can obtain tokens for one resource, privileged first. */
export function ClientList({ clients, label }: { clients: ReachClient[]; label: string }) {
  if (clients.length === 0)
    return <p className="text-sm">No client holds application permissions or delegated grants.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-3 font-medium">Client</th>
          <th className="py-1 pr-3 font-medium">Access</th>
          <th className="py-1 pr-3 font-medium">Permissions</th>
          <th className="py-1 pr-3 font-medium">Who signs in</th>
          <th className="py-1 font-medium">Privilege</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          <tr
            key={`${client.access}-${client.clientId}`}
            className="border-t border-slate-200 align-top dark:border-slate-800"
            data-testid="reach-client"
          >
            <td className="py-1 pr-3">
              {client.clientAppId ? (
                <Link
                  className="tenant-text underline"
                  href={`/applications/${client.clientAppId}`}
                >
                  {client.displayName}
                </Link>
              ) : (
                <span className="tenant-text">{client.displayName}</span>
              )}
            </td>
            <td className="py-1 pr-3">{ACCESS_LABELS[client.access]}</td>
            <td className="py-1 pr-3 font-mono text-xs tenant-text">
              {client.permissions.join(' ')}
            </td>
            <td className="py-1 pr-3">{whoSignsIn(client)}</td>
            <td className="py-1">
              <Badge tone={PRIVILEGE_TONE[client.privilege]}>
                {PRIVILEGE_LABELS[client.privilege]}
              </Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
