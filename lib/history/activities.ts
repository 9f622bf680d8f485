// Which directory audit entries are about token lifetime policies. The activity names and
// categories are Microsoft's, from "Microsoft Entra audit log categories and activities"
// (MicrosoftDocs/entra-docs, docs/identity/monitoring-health/reference-audit-activities.md, Core
// Directory): never invented, since Graph filters on the exact text.
export const POLICY_ACTIVITIES = [
  { category: 'Policy', name: 'Add policy', change: 'created' },
  { category: 'Policy', name: 'Update policy', change: 'updated' },
  { category: 'Policy', name: 'Delete policy', change: 'deleted' },
  { category: 'ApplicationManagement', name: 'Add policy to application', change: 'linked' },
  { category: 'ApplicationManagement', name: 'Add policy to service principal', change: 'linked' },
  { category: 'ApplicationManagement', name: 'Remove policy from application', change: 'unlinked' },
  {
    category: 'ApplicationManagement',
    name: 'Remove policy from service principal',
    change: 'unlinked',
  },
] as const;

export type ChangeKind = (typeof POLICY_ACTIVITIES)[number]['change'];

/** Entra keeps directory audit entries for 30 days (Microsoft Entra data retention, P1/P2). */
export const AUDIT_RETENTION_DAYS = 30;
