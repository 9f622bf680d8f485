// GET /auditLogs/directoryAudits: one page at a time, nextLink followed as given. Sent with the
// history scopes (AuditLog.Read.All and Directory.Read.All, directoryaudit-list-permissions),
// which the dashboard asks for only when an admin first opens the history.
import type { GraphCore } from './client';
import type { DirectoryAudit } from '../history/entries';

export interface AuditLogPage {
  entries: DirectoryAudit[];
  nextLink?: string;
}

export interface AuditLogApi {
  /** A path from lib/history's historyQueries, or a nextLink from a previous page. */
  listDirectoryAudits(pathOrNextLink: string): Promise<AuditLogPage>;
}

export function createAuditLogApi(core: GraphCore): AuditLogApi {
  return {
    listDirectoryAudits: (path) =>
      core.call(async () => {
        const page: { value?: DirectoryAudit[]; '@odata.nextLink'?: string } = await core
          .request(path, 'history')
          .get();
        return { entries: page.value ?? [], nextLink: page['@odata.nextLink'] };
      }),
  };
}
