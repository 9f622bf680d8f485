'use client';

import { useId } from 'react';
import { checkAccessTokenLifetime } from '@/lib/policy/lifetime';
import { formatDuration } from '@/lib/policy/format';
import { hoursAndMinutes, ONE_DAY_PRESET_NOTE, PRESETS } from './policy-form-state';

/** AccessTokenLifetime by preset, by hours and minutes, or as a TimeSpan; validated as typed. */
export function LifetimeInput({
  value,
  onChange,
}: {
  value: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const check = checkAccessTokenLifetime(value);
  const split = check.ok ? hoursAndMinutes(check.seconds) : undefined;
  const setHoursMinutes = (hours: number, minutes: number) =>
    onChange(`${Math.max(0, hours)}h${Math.max(0, minutes)}m`);
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Access-token lifetime</legend>
      <div role="group" aria-label="Presets" className="flex flex-wrap gap-1">
        {PRESETS.map((preset) => {
          const selected =
            check.ok && checkAccessTokenLifetime(preset.text).ok && check.canonical === preset.text;
          return (
            <button
              key={preset.text}
              type="button"
              aria-pressed={selected}
              aria-describedby={preset.label === '1 day' ? `${id}-one-day` : undefined}
              onClick={() => onChange(preset.text)}
              className={`rounded-md border px-2.5 py-1 text-sm ${selected ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900'}`}
            >
              {preset.label}
            </button>
          );
        })}
      </div>
      <p
        id={`${id}-one-day`}
        data-testid="one-day-preset-note"
        className="text-xs text-slate-600 dark:text-slate-300"
      >
        {ONE_DAY_PRESET_NOTE}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block">Hours</span>
          <input
            type="number"
            min={0}
            max={23}
            value={split?.hours ?? ''}
            onChange={(event) => setHoursMinutes(Number(event.target.value), split?.minutes ?? 0)}
            className="mt-1 w-20 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="text-sm">
          <span className="block">Minutes</span>
          <input
            type="number"
            min={0}
            max={59}
            value={split?.minutes ?? ''}
            onChange={(event) => setHoursMinutes(split?.hours ?? 0, Number(event.target.value))}
            className="mt-1 w-20 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="text-sm" htmlFor={`${id}-timespan`}>
          <span className="block">TimeSpan or short form (e.g. 02:00:00, 90m, 1h30m)</span>
          <input
            id={`${id}-timespan`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={!check.ok}
            aria-describedby={`${id}-result`}
            className="mt-1 w-48 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
      </div>
      <div id={`${id}-result`} aria-live="polite" className="text-sm">
        {check.ok ? (
          <p data-testid="lifetime-ok">
            {formatDuration(check.seconds)} — will be written as{' '}
            <code className="font-mono font-semibold">{check.canonical}</code>
          </p>
        ) : (
          <p role="alert" data-testid="lifetime-error" className="text-red-800 dark:text-red-300">
            {check.error}
            {check.nearestValidCanonical && (
              <>
                {' '}
                <button
                  type="button"
                  className="underline"
                  onClick={() => onChange(check.nearestValidCanonical!)}
                >
                  Use {check.nearestValidCanonical}
                </button>
              </>
            )}
          </p>
        )}
      </div>
    </fieldset>
  );
}
