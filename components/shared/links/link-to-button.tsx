'use client';

import { useState } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { LinkPicker } from './link-picker';

/** "Link to…" on a policy: search the tenant, pick objects, preview, link. */
export function LinkToButton({ policy }: { policy: TokenLifetimePolicy }) {
  const access = useWriteAccess();
  const [open, setOpen] = useState(false);
  const denied = access.state === 'denied';
  return (
    <>
      <Button
        variant="primary"
        disabled={denied}
        disabledReason={access.reason}
        onClick={() => setOpen(true)}
      >
        Link to…
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Link "${policy.displayName}" to applications or service principals`}
        wide
      >
        <LinkPicker policy={policy} />
      </Dialog>
    </>
  );
}
