'use client';

import { Button } from '@/components/ui/button';
import type { ServerChange } from './policy-form-state';

/** The policy changed elsewhere since the form opened: what changed, and the admin's two ways on. */
export function ConflictNotice({
  changes,
  onSaveMine,
  onLoadTheirs,
}: {
  changes: ServerChange[];
  onSaveMine: () => void;
  onLoadTheirs: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm dark:bg-amber-950"
    >
      <p className="font-semibold">This policy changed since you opened it.</p>
      <ul className="mt-2 list-disc pl-5">
        {changes.map((c) => (
          <li key={c.field}>
            {c.field}: <code className="tenant-text">{c.before}</code> →{' '}
            <code className="tenant-text">{c.after}</code>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-2">
        <Button variant="primary" onClick={onSaveMine}>
          Save mine over theirs
        </Button>
        <Button onClick={onLoadTheirs}>Discard mine and load theirs</Button>
      </div>
    </div>
  );
}
