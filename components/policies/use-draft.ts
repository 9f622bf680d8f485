'use client';

import { useEffect, useState } from 'react';
import type { PolicyDraft } from './policy-form-state';

import { draftKey as key } from '@/components/shell/draft-storage';

/**
 * Unsaved form state survives a re-authentication redirect or a reload: kept in sessionStorage
 * (the tab's own storage; never a token) until saved or discarded.
 */
export function useDraft(id: string | undefined, initial: PolicyDraft | undefined) {
  const [draft, setDraft] = useState<PolicyDraft | undefined>();
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (draft || !initial) return;
    const saved = sessionStorage.getItem(key(id));
    if (saved) {
      setDraft({ ...initial, ...(JSON.parse(saved) as PolicyDraft) });
      setRestored(true);
      setDirty(true);
    } else {
      setDraft(initial);
    }
  }, [id, initial, draft]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    // In-app links do not unload the page: ask before following one away from unsaved changes.
    const guardLinks = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (
        !link ||
        link.getAttribute('target') === '_blank' ||
        link.hasAttribute('data-allow-leave')
      )
        return;
      if (
        !window.confirm(
          'You have unsaved changes to this policy. Leave without saving? (They stay restorable in this tab.)',
        )
      ) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', guardLinks, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', guardLinks, true);
    };
  }, [dirty]);

  return {
    draft,
    restored,
    dirty,
    update(patch: Partial<PolicyDraft>) {
      setDraft((current) => {
        const next = { ...(current as PolicyDraft), ...patch };
        sessionStorage.setItem(key(id), JSON.stringify(next));
        return next;
      });
      setDirty(true);
    },
    discard(reset: PolicyDraft) {
      sessionStorage.removeItem(key(id));
      setDraft(reset);
      setRestored(false);
      setDirty(false);
    },
    saved() {
      sessionStorage.removeItem(key(id));
      setDirty(false);
    },
  };
}
