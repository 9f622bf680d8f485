// Said while a write without a clear answer is checked against the tenant (lib/graph/read-back.ts).
export const CHECKING_MESSAGE = 'Outcome unknown — checking what the tenant holds…';
