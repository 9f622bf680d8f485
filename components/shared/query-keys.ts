// Every TanStack Query key of the dashboard, in one place: a read and the write that updates it
// must name the same entry, and a key nobody reads any more shows up here as unused.
export const queryKeys = {
  /** The token lifetime policies, as listed. */
  policies: ['policies'] as const,
  /** Every single-policy entry (prefix). */
  allPolicies: ['policy'] as const,
  policy: (id: string) => ['policy', id] as const,
  /** Every appliesTo entry (prefix). */
  allAppliesTo: ['applies-to'] as const,
  appliesTo: (policyId: string) => ['applies-to', policyId] as const,
  /** The whole tenant as lib/policy needs it (components/shell/use-directory-index.ts). */
  directoryIndex: ['directory-index'] as const,
  reach: (resourceIds: readonly string[]) => ['reach', ...resourceIds] as const,
  conditionalAccessPolicies: ['conditional-access-policies'] as const,
};
