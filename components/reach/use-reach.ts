'use client';

import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/components/shared/query-keys';
import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { useGraphApi } from '@/components/shell/graph-provider';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { createGraphApi } from '@/lib/graph/client';
import { readReach, type ReachResult } from './read-reach';

const CONSENT_FLAG = 'tlp.reach-consent';

export const REACH_CONSENT_EXPLANATION =
  'Seeing who receives these tokens needs one more read permission of Microsoft Graph: Directory.Read.All, to list the delegated permission grants of each API (application permissions need only Application.Read.All, which you already gave). The dashboard asks for it only now; Microsoft may show a sign-in window to approve it. Nothing is changed.';

/**
 * Asks for the reach permission when the admin opens the view (never before), then reads every
 * resource's clients in $batch. Opening is remembered for the session, like write consent.
 */
export function useReach(resourceIds: readonly string[]) {
  const { settings, tokenSource } = useAuth();
  const baseApi = useGraphApi();
  const directory = useDirectoryIndex();
  const [opened, setOpened] = useState(
    () => typeof window !== 'undefined' && sessionStorage.getItem(CONSENT_FLAG) === '1',
  );
  const reachApi = useMemo(
    () =>
      createGraphApi({
        getToken: tokenSource,
        graphBaseUrl: settings.graphBaseUrl,
        readScopes: settings.scopes.reach,
        writeScopes: settings.scopes.write,
      }),
    [settings, tokenSource],
  );
  const servicePrincipals = useMemo(() => {
    const byId = new Map<string, { displayName: string; appId: string }>();
    for (const t of directory.index?.targets ?? [])
      if (t.servicePrincipal) byId.set(t.servicePrincipal.id, t.servicePrincipal);
    return byId;
  }, [directory.index]);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const ids = useMemo(() => [...resourceIds].sort(), [resourceIds]);

  const query = useQuery({
    queryKey: queryKeys.reach(ids),
    enabled: opened && ids.length > 0,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }): Promise<ReachResult> =>
      readReach({
        ids,
        askForReachPermission: () => tokenSource(settings.scopes.reach),
        reachApi,
        signInApi: baseApi,
        directory: { servicePrincipal: (spId) => servicePrincipals.get(spId) },
        signal,
        onProgress: (done, total) => setProgress({ done, total }),
      }),
  });

  const open = useCallback(() => {
    sessionStorage.setItem(CONSENT_FLAG, '1');
    setOpened(true);
  }, []);
  return { ...query, opened, open, progress };
}
