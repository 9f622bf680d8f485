'use client';

import { useEffect, useState } from 'react';
import { useGraphApi } from '@/components/shell/graph-provider';
import type { ApplicationObject, ServicePrincipalObject } from '@/lib/graph/types';

export type PickerKind = 'servicePrincipal' | 'application' | 'managedIdentity';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Server-side search, debounced, and cancelled when the admin types on. A GUID is looked up exactly. */
export function useDirectorySearch(kind: PickerKind, text: string, enabled: boolean) {
  const api = useGraphApi();
  const [results, setResults] = useState<Array<ApplicationObject | ServicePrincipalObject>>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      setError(undefined);
      try {
        const objectKind = kind === 'application' ? 'application' : 'servicePrincipal';
        const type = kind === 'managedIdentity' ? 'ManagedIdentity' : undefined;
        const trimmed = text.trim();
        let found: Array<ApplicationObject | ServicePrincipalObject>;
        if (GUID.test(trimmed)) {
          const byAppId = await api.searchDirectory({
            kind: objectKind,
            appId: trimmed,
            signal: controller.signal,
          });
          found = byAppId.value.length
            ? byAppId.value
            : (
                await api.searchDirectory({
                  kind: objectKind,
                  objectId: trimmed,
                  signal: controller.signal,
                })
              ).value;
        } else {
          found = (
            await api.searchDirectory({
              kind: objectKind,
              text: trimmed || undefined,
              servicePrincipalType: type,
              top: 100,
              signal: controller.signal,
            })
          ).value;
        }
        if (!controller.signal.aborted) setResults(found);
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, kind, text, enabled]);

  return { results, loading, error };
}
