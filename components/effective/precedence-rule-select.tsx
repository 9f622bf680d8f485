'use client';

import { PRECEDENCE_RULES } from '@/lib/policy/resolve';
import type { PrecedenceRuleId } from '@/lib/policy/types';

/** Which of Microsoft's two documented precedence rules the view resolves with. */
export function PrecedenceRuleSelect({
  value,
  onChange,
  labelClassName,
}: {
  value: PrecedenceRuleId;
  onChange: (rule: PrecedenceRuleId) => void;
  /** How the label sits beside (inline) or above (block) the list. */
  labelClassName: string;
}) {
  return (
    <label className="text-sm">
      <span className={labelClassName}>Precedence rule</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as PrecedenceRuleId)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        {Object.values(PRECEDENCE_RULES).map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
