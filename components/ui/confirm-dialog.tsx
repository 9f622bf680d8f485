'use client';

import { useState } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { matchesConfirmation, TypedConfirmation } from './typed-confirmation';

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
  return (
    <Dialog open={open} onClose={onCancel} title={title} wide>
      <div className="space-y-3 text-sm">{children}</div>
      {/* Inside the dialog's body: the typed name is forgotten whenever the dialog closes. */}
      <ConfirmActions
        key={requireText}
        requireText={requireText}
        confirmLabel={confirmLabel}
        danger={danger}
        busy={busy}
        onConfirm={onConfirm}
        onCancel={onCancel}
      />
    </Dialog>
  );
}

function ConfirmActions({
  requireText,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: {
  requireText?: string;
  confirmLabel: string;
  danger: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const ready = !requireText || matchesConfirmation(typed, requireText);
  const confirm = () => {
    if (ready && !busy) onConfirm();
  };
  return (
    <>
      {requireText && (
        <TypedConfirmation
          required={requireText}
          value={typed}
          onChange={setTyped}
          onConfirm={confirm}
        />
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant={danger ? 'danger' : 'primary'} disabled={!ready || busy} onClick={confirm}>
          {busy ? 'Working…' : confirmLabel}
        </Button>
      </div>
    </>
  );
}
