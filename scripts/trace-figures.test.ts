import { describe, expect, it } from 'vitest';
import { visitFigures, type TraceEvent } from './trace-figures';

const thread = (pid: number, tid: number): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name: 'CrRendererMain' },
});
const task = (pid: number, ts: number, ms: number): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  pid,
  tid: 1,
  ts,
  dur: ms * 1000,
});

describe("a page load's main-thread figures", () => {
  it("reads the page's renderer, not about:blank's, and counts only time beyond 50 ms per task", () => {
    const events = [
      thread(1, 1),
      task(1, 0, 400), // about:blank's renderer: fewer events, ignored
      thread(2, 1),
      task(2, 0, 30),
      task(2, 100_000, 80),
      task(2, 200_000, 120),
      {
        name: 'v8.compile',
        ph: 'X',
        pid: 2,
        tid: 1,
        ts: 200_000,
        dur: 7_500,
        args: { data: { consumedCacheSize: 2048 } },
      },
      // A compile from source (no cache consumed) is not a cache read.
      { name: 'v8.compile', ph: 'X', pid: 2, tid: 1, ts: 300_000, dur: 9_000, args: { data: {} } },
    ];
    expect(visitFigures(events)).toEqual({
      cacheReadMs: 7.5,
      cacheKb: 2,
      blockingMs: 30 + 70,
      longestTaskMs: 120,
    });
  });

  it('reports nothing for a trace without a renderer', () => {
    expect(visitFigures([])).toEqual({
      cacheReadMs: 0,
      cacheKb: 0,
      blockingMs: 0,
      longestTaskMs: 0,
    });
  });
});
