import type { GraphRequestError } from '@/lib/graph/errors';

/**
 * One Graph failure in a line, as every per-object report shows it: code — message (request id).
 * The message is Graph's text, shown as text (it may quote a display name).
 */
export function GraphErrorLine({
  error,
  prefix,
  className,
}: {
  error: Pick<GraphRequestError, 'code' | 'message' | 'requestId'>;
  /** e.g. "Putting the previous policy back failed too: " */
  prefix?: string;
  className?: string;
}) {
  return (
    <span className={className}>
      {prefix}
      {error.code} — <span className="tenant-text">{error.message}</span>
      {error.requestId ? ` (request id ${error.requestId})` : ''}
    </span>
  );
}
