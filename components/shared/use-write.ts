'use client';

import { useCallback } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { GraphRequestError } from '@/lib/graph/errors';

/** A 403 thrown, or carried in an outcome (multi-step writes report refusals instead of throwing). */
export function refused(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(refused);
  if (value instanceof GraphRequestError) return value.status === 403;
  return typeof value === 'object' && value !== null && 'error' in value && refused(value.error);
}

/**
 * Every write goes through here: ask for write permissions the first time (incremental consent),
 * and turn a 403 into a lasting, explained read-only state rather than a raw error.
 */
export function useWrite() {
  const access = useWriteAccess();
  return useCallback(
    async <T>(write: () => Promise<T>): Promise<T> => {
      if (access.state === 'denied')
        throw new Error(access.reason ?? 'Your account cannot change token lifetime policies.');
      if (access.state !== 'granted' && !(await access.request())) {
        throw new Error(
          'Write permissions were not granted, so nothing was changed. Try again and approve the permissions when Microsoft asks.',
        );
      }
      try {
        const result = await write();
        if (refused(result)) access.markDenied();
        return result;
      } catch (error) {
        if (refused(error)) access.markDenied();
        throw error;
      }
    },
    [access],
  );
}
