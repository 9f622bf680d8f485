// A progress bar on stderr for long reads (cli-progress), only for a person at a terminal: never in
// a pipe, with --quiet, or mixed into stdout.
import { Presets, SingleBar } from 'cli-progress';
import type { IndexProgress } from '../lib/graph/directory-index';

export function directoryProgress(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format:
        'Reading the tenant {bar} {phase}: {policies} policies, {objects} apps and service principals',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(4, 0, { phase: 'policies', policies: 0, objects: 0 });
  const step = { policies: 1, links: 2, objects: 3, done: 4 } as const;
  return {
    update: (p: IndexProgress) =>
      bar.update(step[p.phase], {
        phase: p.phase,
        policies: p.policies,
        objects: p.applications + p.servicePrincipals,
      }),
    stop: () => bar.stop(),
  };
}
