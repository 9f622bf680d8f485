// The demo tenant's state file (DEMO_TENANT_STATE_FILE): never half written, never overwritten by
// a fresh seed because it could not be read, and written without stalling Graph at 100,000 objects.
import { existsSync, readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DirectoryState } from './model';

export class StateFileError extends Error {}

/**
 * What to write: JSON text of the parts that change in place, and arrays that are never changed
 * after they are made (streamed in chunks, so a big tenant is serialized between other requests).
 */
export type StateParts = Array<[key: string, value: string | readonly unknown[]]>;

const OBJECTS_PER_CHUNK = 2_000;
const DEFAULT_DEBOUNCE_MS = 50;

/** Reads the state file at start: undefined when it does not exist; StateFileError when unusable. */
export function readStateFile(path: string): DirectoryState | undefined {
  if (!existsSync(path)) return undefined;
  const refuse = (problem: string) =>
    new StateFileError(
      `The demo tenant's state file ${path} ${problem}. It was left as it is. ` +
        `To start from the seed, move it away or delete it (DEMO_TENANT_STATE_FILE); ` +
        `to keep its data, repair it.`,
    );
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw refuse(`cannot be read (${(error as Error).message})`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw refuse(`cannot be read as JSON (${(error as Error).message})`);
  }
  const problem = shapeProblem(state);
  if (problem) throw refuse(`does not hold a demo tenant: ${problem}`);
  return state as DirectoryState;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function shapeProblem(state: unknown): string | undefined {
  if (!isRecord(state)) return 'the top level is not an object';
  for (const key of ['policies', 'applications', 'servicePrincipals']) {
    const list = state[key];
    if (!Array.isArray(list)) return `"${key}" is not an array`;
    const bad = list.findIndex(
      (item) =>
        !isRecord(item) ||
        typeof item.id !== 'string' ||
        typeof item.displayName !== 'string' ||
        (key === 'policies'
          ? !Array.isArray(item.definition)
          : typeof item.appId !== 'string' ||
            (key === 'servicePrincipals' && !Array.isArray(item.servicePrincipalNames))),
    );
    if (bad >= 0) return `"${key}"[${bad}] lacks its id, displayName or other required fields`;
  }
  // Absent in state files saved before the audit log was kept.
  const audits = state.directoryAudits;
  if (audits !== undefined) {
    if (!Array.isArray(audits)) return '"directoryAudits" is not an array';
    const bad = audits.findIndex(
      (entry) =>
        !isRecord(entry) ||
        typeof entry.id !== 'string' ||
        typeof entry.activityDisplayName !== 'string' ||
        Number.isNaN(Date.parse(String(entry.activityDateTime))) ||
        !Array.isArray(entry.targetResources),
    );
    if (bad >= 0)
      return `"directoryAudits"[${bad}] lacks its id, activityDisplayName, activityDateTime or targetResources`;
  }
  for (const key of ['applicationLinks', 'servicePrincipalLinks']) {
    const links = state[key];
    if (!isRecord(links) || Object.values(links).some((v) => typeof v !== 'string'))
      return `"${key}" is not a map of object id to policy id`;
  }
  return undefined;
}

/**
 * Coalesced, atomic writes: a burst of changes becomes one write after `debounceMs`; each write
 * goes to a temporary file in the same directory, is fsynced, then renamed over the state file
 * (rename is atomic within a file system), so a reader or a crash sees the old or the new state.
 */
export class StateFileWriter {
  private dirty = false;
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private writes = 0;

  constructor(
    readonly path: string,
    private readonly parts: () => StateParts,
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {}

  /** How many times the file was written: what the tests use to see coalescing. */
  get writeCount(): number {
    return this.writes;
  }

  changed(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.debounceMs);
  }

  /** Writes what is pending now and waits for it (on close). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.drain();
  }

  private drain(): Promise<void> {
    this.writing ??= (async () => {
      try {
        while (this.dirty) {
          this.dirty = false;
          await this.writeOnce(this.parts()).catch((error: unknown) => {
            // The tenant keeps serving; the next change tries again.
            console.error(`demo tenant: could not write the state file ${this.path}:`, error);
          });
        }
      } finally {
        this.writing = undefined;
      }
    })();
    return this.writing;
  }

  private async writeOnce(parts: StateParts): Promise<void> {
    const temporary = join(
      dirname(this.path),
      `.${basename(this.path)}.${process.pid}.${this.writes + 1}.tmp`,
    );
    const file = await open(temporary, 'w', 0o600);
    try {
      for await (const text of serialize(parts)) await file.write(text);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await file.close();
    await rename(temporary, this.path);
    await syncDirectory(dirname(this.path));
    this.writes++;
  }
}

/** JSON of the parts, about a chunk of objects at a time, yielding to the event loop in between. */
async function* serialize(parts: StateParts): AsyncGenerator<string> {
  for (const [index, [key, value]] of parts.entries()) {
    const head = `${index === 0 ? '{' : ','}${JSON.stringify(key)}:`;
    if (typeof value === 'string') {
      yield head + value;
      continue;
    }
    yield `${head}[`;
    for (let start = 0; start < value.length; start += OBJECTS_PER_CHUNK) {
      const chunk = value
        .slice(start, start + OBJECTS_PER_CHUNK)
        .map((item) => JSON.stringify(item));
      yield (start === 0 ? '' : ',') + chunk.join(',');
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield ']';
  }
  yield parts.length === 0 ? '{}' : '}';
}

/** So that the rename itself survives a power cut (POSIX); not possible on every platform. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  }
}
