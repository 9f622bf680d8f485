// Switching the organization default is two writes; Entra holds one default at most. Unset the old
// one first, then set the new one; if the second write fails, put the old one back.
import type { GraphApi } from '@/lib/graph/client';

export type DefaultSwitchResult =
  { ok: true } | { ok: false; error: unknown; rolledBack: boolean; rollbackError?: unknown };

export async function switchOrganizationDefault(
  api: Pick<GraphApi, 'updatePolicy'>,
  newDefaultId: string,
  previousDefaultId: string | undefined,
): Promise<DefaultSwitchResult> {
  if (previousDefaultId && previousDefaultId !== newDefaultId) {
    try {
      await api.updatePolicy(previousDefaultId, { isOrganizationDefault: false });
    } catch (error) {
      return { ok: false, error, rolledBack: true };
    }
  }
  try {
    await api.updatePolicy(newDefaultId, { isOrganizationDefault: true });
    return { ok: true };
  } catch (error) {
    if (!previousDefaultId || previousDefaultId === newDefaultId)
      return { ok: false, error, rolledBack: true };
    try {
      await api.updatePolicy(previousDefaultId, { isOrganizationDefault: true });
      return { ok: false, error, rolledBack: true };
    } catch (rollbackError) {
      return { ok: false, error, rolledBack: false, rollbackError };
    }
  }
}
