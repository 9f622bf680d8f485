// Running the real command in tests, as a pipeline or a person would, while watching its stderr:
// a test can act when a line appears (approve a device code, press Ctrl-C during a step).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), 'bin.mjs');

export interface Running {
  child: ChildProcess;
  /** Resolves with the first stderr line matching `pattern` (rejects if the command ends first). */
  waitForLine(pattern: RegExp): Promise<RegExpExecArray>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function start(args: string[], env: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    // An undefined value removes the variable (a pipeline that does not set it).
    env: Object.fromEntries(
      Object.entries({ ...process.env, NO_COLOR: '1', ...env }).filter(([, v]) => v !== undefined),
    ) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(stderr);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  // A test that goes wrong must not leave the command running.
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    child,
    done,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        const match = pattern.exec(stderr);
        if (match) return resolve(match);
        waiters.push({ pattern, resolve });
        void done.then(() =>
          reject(new Error(`the command ended without printing ${pattern}:\n${stderr}`)),
        );
      }),
  };
}
