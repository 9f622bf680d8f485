'use client';

import { useCallback, useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';

const CONSENT_FLAG = 'tlp.history-consent';

export type HistoryAccessState = 'not-asked' | 'asking' | 'granted' | 'missing';

export const HISTORY_PERMISSIONS_EXPLANATION =
  'The change history reads Microsoft Entra’s directory audit log, which needs two more Microsoft Graph permissions: AuditLog.Read.All and Directory.Read.All (Microsoft asks for both). The dashboard asks for them only now; Microsoft may show a sign-in window to approve them. Reading the audit log also needs a directory role such as Reports Reader, Security Reader or Global Reader.';

/** Incremental consent for the history: asked when it is first opened, remembered per session. */
export function useHistoryAccess() {
  const { tokenSource, settings } = useAuth();
  const [state, setState] = useState<HistoryAccessState>(() =>
    typeof window !== 'undefined' && sessionStorage.getItem(CONSENT_FLAG) === '1'
      ? 'granted'
      : 'not-asked',
  );
  const request = useCallback(async () => {
    setState('asking');
    try {
      await tokenSource(settings.scopes.history);
      sessionStorage.setItem(CONSENT_FLAG, '1');
      setState('granted');
    } catch {
      setState('missing');
    }
  }, [tokenSource, settings.scopes.history]);
  return { state, request, markMissing: () => setState('missing') };
}
