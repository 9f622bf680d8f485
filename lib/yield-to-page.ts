/**
 * Gives the thread back to the page (input, rendering, Graph answers) before going on. Work that
 * several callers start at once, in one task (a page's queries all start when React commits it),
 * then runs as several short tasks instead of one long one that holds the page still.
 */
export function yieldToPage(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
