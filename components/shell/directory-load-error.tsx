'use client';

import { ErrorPanel } from '@/components/ui/error-panel';
import type { useDirectoryIndex } from './use-directory-index';

/** The tenant's directory could not be read: what Graph said, and Try again (read again). */
export function DirectoryLoadError({
  directory,
  title = 'Could not load the tenant',
}: {
  directory: Pick<ReturnType<typeof useDirectoryIndex>, 'error' | 'refetch'>;
  title?: string;
}) {
  return <ErrorPanel error={directory.error} title={title} onRetry={() => directory.refetch()} />;
}
