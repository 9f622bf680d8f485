'use client';

import { useState } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/** A confirmation that can require typing a name, for destructive or tenant-wide changes. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  requireText,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** When set, the admin must type this exactly before confirming. */
  requireText?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const ready = !requireText || typed === requireText;
  return (
    <Dialog open={open} onClose={onCancel} title={title} wide>
      <div className="space-y-3 text-sm">{children}</div>
      {requireText && (
        <label className="mt-4 block text-sm">
          <span className="font-medium">
            Type <strong className="tenant-text">{requireText}</strong> to confirm
          </span>
          <input
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
            autoComplete="off"
          />
        </label>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant={danger ? 'danger' : 'primary'}
          disabled={!ready || busy}
          onClick={onConfirm}
        >
          {busy ? 'Working…' : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
