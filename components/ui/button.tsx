import { useId, type ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const STYLES: Record<Variant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 disabled:text-slate-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400',
  ghost: 'text-blue-800 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Why the button is disabled, shown to the admin next to it (and as its description). */
  disabledReason?: string;
}

export function Button({
  variant = 'secondary',
  className = '',
  disabledReason,
  disabled,
  title,
  ...props
}: ButtonProps) {
  const reasonId = useId();
  const explained = Boolean(disabled && disabledReason);
  // aria-describedby, not aria-description: every screen reader reads a description by id.
  const describedBy =
    [props['aria-describedby'], explained ? reasonId : undefined].filter(Boolean).join(' ') ||
    undefined;
  return (
    <>
      <button
        type="button"
        {...props}
        disabled={disabled}
        title={explained ? disabledReason : title}
        aria-describedby={describedBy}
        className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed ${STYLES[variant]} ${className}`}
      />
      {explained && (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      )}
    </>
  );
}
