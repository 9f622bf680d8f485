'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useAuth } from './auth-provider';
import { useSignedInAdmin, writeRoleOf } from './signed-in-admin';

export type WriteAccessState = 'unknown' | 'granted' | 'not-granted' | 'denied';

export interface WriteAccess {
  state: WriteAccessState;
  /** Why writing is not possible, in the admin's words. */
  reason?: string;
  /** Ask for the write permissions (incremental consent). Resolves true when granted. */
  request(): Promise<boolean>;
  /** Graph refused a write with 403: remember it and say why. */
  markDenied(reason?: string): void;
}

const WriteAccessContext = createContext<WriteAccess | undefined>(undefined);
const CONSENT_FLAG = 'tlp.write-consent';

export const WRITE_CONSENT_EXPLANATION =
  'Changing policies needs two more Microsoft Graph permissions (Policy.ReadWrite.ApplicationConfiguration and Application.ReadWrite.All). The dashboard asks for them only now, the first time you write; Microsoft may show a sign-in window to approve them.';

export function WriteAccessProvider({ children }: { children: React.ReactNode }) {
  const { tokenSource, settings, writeConsentApproved } = useAuth();
  const admin = useSignedInAdmin();
  const role = writeRoleOf(admin);
  const [requested, setRequested] = useState(
    () => typeof window !== 'undefined' && sessionStorage.getItem(CONSENT_FLAG) === '1',
  );
  // A write that asked for consent itself (a link, a bulk run) counts as much as request(): the
  // "approve write permissions" explanations go as soon as the prompt has approved them.
  const granted = requested || writeConsentApproved;
  useEffect(() => {
    if (writeConsentApproved) sessionStorage.setItem(CONSENT_FLAG, '1');
  }, [writeConsentApproved]);
  const [deniedReason, setDeniedReason] = useState<string>();

  const roleReason =
    role.canWrite === false
      ? `You are signed in as ${admin?.username} without a directory role that may change token lifetime policies. Ask for Cloud Application Administrator or Application Administrator; until then everything here is read-only.`
      : undefined;
  const reason = deniedReason ?? roleReason;

  const request = useCallback(async () => {
    if (reason) return false;
    try {
      await tokenSource(settings.scopes.write);
      sessionStorage.setItem(CONSENT_FLAG, '1');
      setRequested(true);
      return true;
    } catch {
      return false;
    }
  }, [tokenSource, reason, settings.scopes.write]);

  const value = useMemo<WriteAccess>(
    () => ({
      state: reason
        ? 'denied'
        : granted
          ? 'granted'
          : role.canWrite === undefined
            ? 'unknown'
            : 'not-granted',
      reason,
      request,
      markDenied: (why) =>
        setDeniedReason(
          why ??
            'Microsoft Graph refused the change (403): your account lacks the permission or directory role to write token lifetime policies.',
        ),
    }),
    [reason, granted, role.canWrite, request],
  );
  return <WriteAccessContext.Provider value={value}>{children}</WriteAccessContext.Provider>;
}

export function useWriteAccess(): WriteAccess {
  const value = useContext(WriteAccessContext);
  if (!value) throw new Error('useWriteAccess must be used inside <WriteAccessProvider>.');
  return value;
}
