'use client';

import { Link } from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import type { GraphRequestError } from '@/lib/graph/errors';
import type { TokenLifetimePolicy } from '@/lib/policy/types';

/**
 * A policy of this name exists: found before creating (`DuplicateName`), or after a create that
 * got no clear answer — then it was probably this create that made it.
 */
export function DuplicateNameNotice({
  displayName,
  existing,
  error,
  onCreateAnyway,
}: {
  displayName: string;
  existing: TokenLifetimePolicy[];
  error: GraphRequestError;
  onCreateAnyway: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm dark:bg-amber-950"
    >
      <p className="font-semibold">A policy named &quot;{displayName}&quot; already exists.</p>
      <p className="mt-1">
        {error.code === 'DuplicateName'
          ? 'Creating another would make two policies with the same name.'
          : `The create request failed without a clear answer (${error.code}${error.requestId ? `, request id ${error.requestId}` : ''}), and the policy exists now: it was probably created.`}
      </p>
      <div className="mt-3 flex gap-2">
        <Link
          className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white"
          data-allow-leave
          href={`/policies/${existing[0].id}`}
        >
          Open the existing policy
        </Link>
        <Button onClick={onCreateAnyway}>Create another one anyway</Button>
      </div>
    </div>
  );
}
