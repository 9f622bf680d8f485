// A write that failed without a clear answer (no answer in time, a 5xx, a lost connection) may
// have happened. Before telling the admin anything, look at what the tenant holds.
import { GraphRequestError } from './errors';

export type CheckedWrite =
  | { state: 'done'; error?: unknown }
  | { state: 'not-done'; error: unknown }
  | { state: 'unknown'; error: unknown; readError: unknown };

/** `holds` reads the tenant back and says whether it holds what the write meant to set. */
export async function writeAndCheck(
  write: () => Promise<unknown>,
  holds: () => Promise<boolean>,
  onChecking?: () => void,
): Promise<CheckedWrite> {
  try {
    await write();
    return { state: 'done' };
  } catch (error) {
    // A definite refusal (400, 403, 404, 409, 429 …) changed nothing.
    if (error instanceof GraphRequestError && !error.ambiguous) return { state: 'not-done', error };
    if (!(error instanceof GraphRequestError)) throw error;
    onChecking?.();
    try {
      return (await holds()) ? { state: 'done', error } : { state: 'not-done', error };
    } catch (readError) {
      return { state: 'unknown', error, readError };
    }
  }
}
