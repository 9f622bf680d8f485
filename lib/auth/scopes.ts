// Delegated Graph permissions, as full scope strings of the cloud's Graph resource: the same in
// demo and real mode, so the Graph layer never differs.

export interface GraphScopes {
  read: string[];
  /** Asked for only when the admin first writes (incremental consent). */
  write: string[];
  /** At sign-in: who the admin is, and read access only. */
  login: string[];
  /**
   * Asked only when the admin opens "who receives these tokens": app role assignments need
   * Application.Read.All, delegated grants Directory.Read.All (Graph v1.0 permission tables of
   * serviceprincipal-list-approleassignedto and oauth2permissiongrant-list).
   */
  reach: string[];
  /**
   * Asked only when the admin creates a report-only Conditional Access draft: Graph's create
   * names Policy.Read.All, Policy.ReadWrite.ConditionalAccess and Application.Read.All
   * (conditionalaccessroot-post-policies).
   */
  conditionalAccessWrite: string[];
  /**
   * The change history (GET /auditLogs/directoryAudits): Microsoft's permissions table
   * (directoryaudit-list-permissions) asks for both. Asked for when the history is first opened.
   */
  history: string[];
}

export function graphScopes(resource: string): GraphScopes {
  const read = [
    `${resource}/Policy.Read.All`,
    `${resource}/Application.Read.All`,
    // Delta queries on applications and service principals (warm loads) need it: Microsoft's
    // table (application-delta-permissions) names no narrower delegated permission.
    `${resource}/Directory.Read.All`,
  ];
  return {
    read,
    write: [
      `${resource}/Policy.ReadWrite.ApplicationConfiguration`,
      `${resource}/Application.ReadWrite.All`,
    ],
    login: ['openid', 'profile', ...read],
    reach: [...read, `${resource}/Directory.Read.All`],
    conditionalAccessWrite: [...read, `${resource}/Policy.ReadWrite.ConditionalAccess`],
    history: [`${resource}/AuditLog.Read.All`, `${resource}/Directory.Read.All`],
  };
}

/** Directory roles (wids) that may write policies and links; Global Reader may only read. */
export const WRITER_ROLES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
};
