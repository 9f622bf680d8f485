// The bench's own servers: it refuses to start on a port someone else holds (another engineer's
// bench, a dev server), and stops every child it started — on success, error and Ctrl-C alike —
// by process group, so `npx` wrappers do not leave their node children behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

const children = new Set<ChildProcess>();
let handlersInstalled = false;

/** Free means: nothing answers a connection, and we could bind it on loopback ourselves. */
export async function isPortFree(port: number): Promise<boolean> {
  const canBind = (host: string) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, host, () => server.close(() => resolve(true)));
    });
  return (await canBind('127.0.0.1')) && (await canBind('::1').catch(() => true));
}

export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(ports))
    if (!(await isPortFree(port))) taken.push(`${name} ${port}`);
  if (taken.length)
    throw new Error(
      `Port(s) in use: ${taken.join(', ')}. Another bench or server holds them; stop it or set BENCH_APP_PORT / BENCH_DEMO_PORT.`,
    );
}

export function stopChildren(): void {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
  children.clear();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      stopChildren();
      process.exit(130);
    });
  process.on('uncaughtException', (error) => {
    stopChildren();
    console.error(error);
    process.exit(1);
  });
}

/** A child in its own process group, stopped with the bench whatever way the bench ends. */
export function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  installHandlers();
  const child = spawn(command, args, { stdio: 'ignore', ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}
