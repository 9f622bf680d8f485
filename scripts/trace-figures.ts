// What a page load cost the renderer's main thread, read from a Chromium trace: the repeat-visit
// bench's figures. Pure, so the reading is unit-tested on made-up traces.

export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { consumedCacheSize?: number } };
};

export interface VisitFigures {
  /** Main-thread time spent taking compiled code from the cache, ms. */
  cacheReadMs: number;
  /** Compiled code taken from the cache, kB. */
  cacheKb: number;
  /** Sum over main-thread tasks of their time beyond 50 ms (as Total Blocking Time counts), ms. */
  blockingMs: number;
  longestTaskMs: number;
}

/** The renderer's main thread is the CrRendererMain with the most events (the page's, not about:blank's). */
function mainThreadEvents(events: TraceEvent[]): TraceEvent[] {
  const threads = events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
  let best: TraceEvent[] = [];
  for (const t of threads) {
    const own = events.filter((e) => e.pid === t.pid && e.tid === t.tid);
    if (own.length > best.length) best = own;
  }
  return best;
}

export function visitFigures(events: TraceEvent[]): VisitFigures {
  const main = mainThreadEvents(events);
  const reads = main.filter((e) => e.name === 'v8.compile' && e.args?.data?.consumedCacheSize);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  const ms = (us: number) => us / 1000;
  return {
    cacheReadMs: ms(reads.reduce((sum, e) => sum + (e.dur ?? 0), 0)),
    cacheKb: reads.reduce((sum, e) => sum + (e.args?.data?.consumedCacheSize ?? 0), 0) / 1024,
    blockingMs: tasks.reduce((sum, e) => sum + Math.max(0, ms(e.dur!) - 50), 0),
    longestTaskMs: Math.max(0, ...tasks.map((e) => ms(e.dur!))),
  };
}
