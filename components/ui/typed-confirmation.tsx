'use client';

import { useId } from 'react';

/**
 * Whether what the admin typed names the thing to confirm. As in the Azure portal's delete
 * confirmations: the exact name, case included; only spaces around it and Unicode normal forms
 * (a name pasted from another tool) are forgiven.
 */
export function matchesConfirmation(typed: string, required: string): boolean {
  const normal = (text: string) => text.normalize('NFC').trim();
  return normal(required) !== '' && normal(typed) === normal(required);
}

/** "Type <name> to confirm": the field a tenant-wide or destructive change asks for first. */
export function TypedConfirmation({
  required,
  value,
  onChange,
  onConfirm,
}: {
  required: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter in the field, once the name matches. */
  onConfirm: () => void;
}) {
  const hintId = useId();
  const matches = matchesConfirmation(value, required);
  return (
    <div className="mt-4 text-sm">
      <label className="block">
        <span className="font-medium">
          Type <strong className="tenant-text">{required}</strong> to confirm
        </span>
        <input
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches) {
              event.preventDefault();
              onConfirm();
            }
          }}
          // The dialog opens on this field (the <dialog> focuses its `autofocus` element; React's
          // autoFocus sets no attribute): before it stood a long impact table full of links.
          ref={(input) => input?.setAttribute('autofocus', '')}
          aria-describedby={hintId}
          aria-invalid={value !== '' && !matches}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
          autoComplete="off"
          spellCheck={false}
          data-testid="typed-confirmation"
        />
      </label>
      <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {value === ''
          ? 'The button below stays disabled until the name is typed exactly.'
          : matches
            ? 'The name matches.'
            : 'Not the name yet (letter case counts).'}
      </p>
    </div>
  );
}
