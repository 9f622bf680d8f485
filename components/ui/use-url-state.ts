'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** View state (filters, sort) kept in the URL: a shared or reloaded link shows the same view. */
export function useUrlState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const setParams = useCallback(
    (updates: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(updates)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      // The History API, not router.replace: pages are rendered per request (CSP nonce), so a
      // router navigation would ask the server again on every keystroke. Next keeps
      // useSearchParams in step with replaceState.
      window.history.replaceState(null, '', `${pathname}?${next.toString()}`);
    },
    [params, pathname],
  );
  return { params, setParams };
}
