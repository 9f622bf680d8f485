'use client';

import { useEffect } from 'react';

/** Popup and silent (iframe) sign-ins land here; this page only hands the response to the app. */
export default function RedirectBridgePage() {
  useEffect(() => {
    import('@azure/msal-browser/redirect-bridge').then(({ broadcastResponseToMainFrame }) =>
      broadcastResponseToMainFrame().catch(() => undefined),
    );
  }, []);
  return <p className="p-6 text-sm">Completing sign-in…</p>;
}
