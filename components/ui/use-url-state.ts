'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseUrlValues, serializeUrlValues, type UrlSchema, type UrlValues } from './url-fields';

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

/** The URL's view state read through a schema (see url-fields.ts): typed, checked, defaulted. */
export function useUrlValues<S extends UrlSchema>(schema: S) {
  const { params, setParams } = useUrlState();
  const values = useMemo(() => parseUrlValues(params, schema), [params, schema]);
  const setValues = useCallback(
    (changes: Partial<UrlValues<S>>) => setParams(serializeUrlValues(schema, changes)),
    [schema, setParams],
  );
  return { values, setValues };
}
