// The one paging loop of lib/graph: follow @odata.nextLink as given (absolute, carrying the first
// request's query options) until there is none. Collections, appliesTo, delta rounds and
// Conditional Access lists all read their pages through here.
import type { GraphCore } from './client';
import type { GraphCollection } from './types';

export interface PagingOptions<T> {
  access?: 'read' | 'write' | 'history';
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Told every page as it arrives (a delta round reads its deltaLink here). */
  onPage?: (page: GraphCollection<T>) => void;
}

/** Every item of every page, in order. Errors are the caller's core.call to translate. */
export async function readAllPages<T>(
  core: GraphCore,
  first: string,
  { access = 'read', signal, headers, onPage }: PagingOptions<T> = {},
): Promise<T[]> {
  const all: T[] = [];
  let next: string | undefined = first;
  while (next) {
    const page: GraphCollection<T> = await core.request(next, access, { signal, headers }).get();
    all.push(...(page.value ?? []));
    onPage?.(page);
    next = page['@odata.nextLink'];
  }
  return all;
}
