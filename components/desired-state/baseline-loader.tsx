'use client';

import { useState } from 'react';

/** A file picker that is also a drop zone; hands over the text of the chosen file. */
export function BaselineLoader({ onLoad }: { onLoad: (fileName: string, text: string) => void }) {
  const [dragging, setDragging] = useState(false);
  const read = async (file: File | undefined) => {
    if (file) onLoad(file.name, await file.text());
  };
  return (
    <div
      data-testid="baseline-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void read(e.dataTransfer.files[0]);
      }}
      className={`rounded-lg border-2 border-dashed p-4 text-sm ${dragging ? 'border-blue-500 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 dark:border-slate-700'}`}
    >
      <label className="flex flex-col gap-2">
        <span className="font-medium">Baseline file (JSON), or drop it here</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
