// What changed in the directory, in order: what delta queries (/applications/delta,
// /servicePrincipals/delta) answer from. Each load of the tenant (start, reset) is a new
// generation, so a token from before it is refused as Graph refuses a token it no longer knows.
import { randomUUID } from 'node:crypto';

export type TrackedType = 'application' | 'servicePrincipal';

export interface Change {
  seq: number;
  type: TrackedType;
  id: string;
  removed: boolean;
}

export class ChangeLog {
  readonly generation = randomUUID();
  private entries: Change[] = [];
  private last = 0;

  get seq(): number {
    return this.last;
  }

  record(type: TrackedType, id: string, removed = false): void {
    this.entries.push({ seq: ++this.last, type, id, removed });
  }

  /** The latest change of each object of `type` after `after` up to `upTo`, in order. */
  since(type: TrackedType, after: number, upTo: number): Change[] {
    const latest = new Map<string, Change>();
    for (const change of this.entries) {
      if (change.type !== type || change.seq <= after || change.seq > upTo) continue;
      latest.delete(change.id);
      latest.set(change.id, change);
    }
    return [...latest.values()];
  }
}
