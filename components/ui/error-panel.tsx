'use client';

import { GraphRequestError } from '@/lib/graph/errors';

/** A Graph failure as the admin needs it: code, message, request id (for support) and what to do. */
export function ErrorPanel({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const graph = error instanceof GraphRequestError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const details = graph
    ? `code: ${graph.code}\nmessage: ${graph.message}\nrequest-id: ${graph.requestId ?? 'n/a'}\ndate: ${graph.date ?? new Date().toISOString()}`
    : message;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 tenant-text">{message}</p>
      {graph && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs">
          <dt>Code</dt>
          <dd data-testid="error-code">{graph.code}</dd>
          <dt>Status</dt>
          <dd>{graph.status || 'no response'}</dd>
          <dt>Request id</dt>
          <dd data-testid="error-request-id">{graph.requestId ?? 'n/a'}</dd>
        </dl>
      )}
      {graph && <p className="mt-2">{graph.advice}</p>}
      <div className="mt-3 flex gap-2">
        {onRetry && (
          <button
            type="button"
            onClick={onRetry}
            className="rounded border border-red-400 px-2 py-1 font-medium"
          >
            Try again
          </button>
        )}
        <button
          type="button"
          onClick={() => navigator.clipboard?.writeText(details)}
          className="rounded border border-red-400 px-2 py-1"
        >
          Copy details
        </button>
      </div>
    </div>
  );
}
