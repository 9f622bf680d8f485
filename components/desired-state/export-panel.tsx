'use client';

import { useAuth } from '@/components/auth/auth-provider';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/feedback';
import { baselineScript } from '@/lib/codegen/baseline-script';
import { baselineDscConfiguration } from '@/lib/codegen/dsc';
import { PS_FILE_BOM } from '@/lib/codegen/powershell';
import { download } from '@/lib/export/csv';
import { exportBaseline } from '@/lib/desired-state/baseline';
import type { DirectoryIndex } from '@/lib/policy/types';

/** The whole configuration as a JSON baseline, a Graph PowerShell script and a DSC configuration. */
export function ExportPanel({ index }: { index: DirectoryIndex }) {
  const { settings } = useAuth();
  const now = new Date();
  const stamp = now.toISOString().slice(0, 10);
  const { baseline, notes } = exportBaseline(index, {
    exportedAt: now.toISOString(),
    tenant: settings.tenantId,
  });
  // Scripts talk to Microsoft Graph itself, of the cloud the dashboard is set up for.
  const cloud = {
    graphRoot: `${settings.cloud.resource}/v1.0`,
    powerShellEnvironment: settings.cloud.powerShellEnvironment,
  };
  return (
    <section aria-labelledby="export-title" className="space-y-3">
      <h2 id="export-title" className="text-lg font-semibold">
        Export the configuration
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {baseline.policies.length} policies, their links (by appId) and the organization default.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() =>
            download(
              `token-lifetime-baseline-${stamp}.json`,
              `${JSON.stringify(baseline, null, 2)}\n`,
              'application/json',
            )
          }
        >
          Download baseline (JSON)
        </Button>
        <Button
          onClick={() =>
            download(
              `token-lifetime-policies-${stamp}.ps1`,
              PS_FILE_BOM + baselineScript(baseline, cloud),
              'text/plain;charset=utf-8',
            )
          }
        >
          Download PowerShell script
        </Button>
        <Button
          onClick={() =>
            download(
              `token-lifetime-policies-dsc-${stamp}.ps1`,
              PS_FILE_BOM + baselineDscConfiguration(baseline),
              'text/plain;charset=utf-8',
            )
          }
        >
          Download Microsoft365DSC configuration
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The script is idempotent: it finds policies by display name, creates or updates them, and
        links and unlinks by appId; running it twice changes nothing the second time. The
        Microsoft365DSC resource AADTokenLifetimePolicy has no links: they are in the script.
      </p>
      {notes.length > 0 && (
        <Notice tone="warning">
          <ul className="list-disc pl-5">
            {notes.map((n, i) => (
              <li key={i}>
                <span className="tenant-text">“{n.policyName}”</span>: {n.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </section>
  );
}
