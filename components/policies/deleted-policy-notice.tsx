'use client';

import { useUrlState } from '@/components/ui/use-url-state';
import { deletedPolicyName } from './deleted-policy-name';

/** "Policy “X” deleted", above the policy list after a delete, until the admin dismisses it. */
export function DeletedPolicyNotice() {
  const { params, setParams } = useUrlState();
  const name = deletedPolicyName(params.get('deleted'));
  if (!name) return null;
  return (
    <div
      role="status"
      data-testid="deleted-notice"
      className="flex items-start justify-between gap-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
    >
      <p className="min-w-0">
        Policy “<span className="tenant-text">{name}</span>” deleted. Its links went with it; tokens
        already issued keep their lifetime.
      </p>
      {/* Dropped from the URL too: a reload or a shared link does not announce it again. */}
      <button
        type="button"
        onClick={() => setParams({ deleted: undefined })}
        className="shrink-0 rounded px-2 py-0.5 font-medium underline"
      >
        Dismiss
      </button>
    </div>
  );
}
