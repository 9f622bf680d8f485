'use client';

import { useState } from 'react';

/** Code the admin can read and copy: Graph requests, PowerShell, raw definitions. */
export function CopyBlock({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <figure className="rounded-md border border-slate-200 dark:border-slate-700">
      <figcaption className="flex items-center justify-between border-b border-slate-200 px-3 py-1 text-xs font-medium dark:border-slate-700">
        {label}
        <button
          type="button"
          className="rounded px-2 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={async () => {
            await navigator.clipboard?.writeText(text);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </figcaption>
      <pre className="overflow-x-auto p-3 text-xs whitespace-pre-wrap tenant-text" tabIndex={0}>
        {text}
      </pre>
    </figure>
  );
}
