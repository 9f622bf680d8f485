'use client';

import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice, Skeleton } from '@/components/ui/feedback';
import type { DirectoryTarget } from '@/lib/policy/types';
import { ClientList } from './client-list';
import { REACH_CONSENT_EXPLANATION, useReach } from './use-reach';

/** "Tokens for this API go to N clients", on the application page. */
export function ApplicationReach({ target }: { target: DirectoryTarget }) {
  const id = target.servicePrincipal?.id;
  const reach = useReach(id ? [id] : []);
  if (!id) return null;
  const result = reach.data?.reach.get(id);
  const unreadable = reach.data?.readouts.get(id)?.unreadable;
  return (
    <section aria-labelledby="reach-app-heading" className="space-y-2">
      <h2 id="reach-app-heading" className="text-lg font-semibold">
        Who receives tokens for this API
      </h2>
      {!reach.opened ? (
        <div className="space-y-2">
          <Notice>{REACH_CONSENT_EXPLANATION}</Notice>
          <Button onClick={reach.open}>Show who receives tokens for this API</Button>
        </div>
      ) : reach.isError ? (
        <ErrorPanel error={reach.error} title="Could not read who receives these tokens" />
      ) : !result ? (
        <Skeleton className="h-16" label="Reading the clients of this API" />
      ) : (
        <>
          <p className="text-sm" data-testid="reach-summary">
            Tokens for this API go to {result.distinctClients} client
            {result.distinctClients === 1 ? '' : 's'} ({result.privilegedClients} privileged).
          </p>
          {unreadable &&
            Object.values(unreadable).map((u) => (
              <Notice tone="warning" key={u.why}>
                {u.why}
              </Notice>
            ))}
          <ClientList clients={result.clients} label={`Clients of ${target.displayName}`} />
        </>
      )}
    </section>
  );
}
