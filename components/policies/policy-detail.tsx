'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { useWriteAccess } from '@/components/auth/write-access';
import { LinkedObjectsTable } from '@/components/shared/links/linked-objects-table';
import { LinkToButton } from '@/components/shared/links/link-to-button';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyBlock } from '@/components/ui/copy-block';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Notice, Skeleton } from '@/components/ui/feedback';
import { describePolicy } from '@/lib/policy/policy';
import { formatDuration } from '@/lib/policy/format';
import { applyChange, diffImpact } from '@/lib/policy/audit';
import { otherOrganizationDefault } from '@/lib/policy/rules';
import type { CheckedWrite } from '@/lib/graph/read-back';
import { DefaultSwitchReport } from './default-switch-report';
import { ImpactTable } from '@/components/shared/impact-table';
import { CHECKING_MESSAGE } from './read-back';
import {
  graphCreateRequest,
  powerShellCreate,
  powerShellInspect,
  powerShellLinks,
} from './snippets';
import { useDeletePolicy } from './use-delete-policy';
import { useDefaultSwitch, useUnsetDefault } from './use-organization-default';
import { useAppliesTo, usePolicies, usePolicy } from '@/components/shared/use-policies';

type Pending = 'delete' | 'make-default' | 'unset-default' | undefined;

export function PolicyDetail({ id }: { id: string }) {
  // Once deleted, the policy is not read again: a 404 would flash "could not load" before the list.
  const [deleted, setDeleted] = useState<string>();
  const policy = usePolicy(id, { enabled: !deleted });
  const { settings } = useAuth();
  // Snippets address the cloud this dashboard is configured for (national clouds included).
  const snippetCloud = {
    graphRoot: `${settings.cloud.resource}/v1.0`,
    powerShellEnvironment: settings.cloud.powerShellEnvironment,
  };
  const policies = usePolicies();
  const appliesTo = useAppliesTo(id, { enabled: !deleted });
  const directory = useDirectoryIndex();
  const access = useWriteAccess();
  const deletePolicy = useDeletePolicy();
  const unsetDefault = useUnsetDefault();
  const router = useRouter();
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [checking, setChecking] = useState(false);
  const defaultSwitch = useDefaultSwitch();

  const previousDefault = otherOrganizationDefault(policies.data ?? [], id);
  const impact = useMemo(() => {
    if (!pending || !directory.data || !policy.data) return undefined;
    const change =
      pending === 'delete'
        ? { kind: 'delete' as const, policyId: id }
        : {
            kind: 'set-organization-default' as const,
            policyId: pending === 'make-default' ? id : null,
          };
    return diffImpact(directory.data, applyChange(directory.data, change));
  }, [pending, directory.data, policy.data, id]);

  if (deleted)
    return (
      <Notice tone="success">
        “<span className="tenant-text">{deleted}</span>” was deleted. Opening the policy list…
      </Notice>
    );
  if (policy.isPending) return <Skeleton className="h-64" label="Loading the policy" />;
  if (policy.isError)
    return (
      <ErrorPanel
        error={policy.error}
        title="Could not load this policy"
        onRetry={() => policy.refetch()}
      />
    );

  const facts = describePolicy(policy.data);
  const { parsed } = facts;
  const linked = appliesTo.data ?? [];
  // The organization default is tenant-wide: as for a linked policy's delete, the admin types the
  // policy's name first, the way the Azure portal confirms deleting a resource.
  const mustType =
    pending === 'make-default' ||
    pending === 'unset-default' ||
    (pending === 'delete' && (linked.length > 0 || policy.data.isOrganizationDefault));

  /** Runs a checked write, saying so while an ambiguous failure is checked against the tenant. */
  const checked = async (write: (onChecking: () => void) => Promise<CheckedWrite>) => {
    try {
      return await write(() => setChecking(true));
    } finally {
      setChecking(false);
    }
  };
  const failed = (result: CheckedWrite) => {
    if (result.state === 'unknown') {
      setFailure(result.error);
      setNotice(
        'Outcome unknown: Graph gave no clear answer and the tenant could not be read back. Reload the page to see what it holds before trying again.',
      );
      return true;
    }
    if (result.state === 'not-done') {
      setFailure(result.error);
      return true;
    }
    return false;
  };

  const run = async () => {
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    defaultSwitch.reset();
    try {
      if (pending === 'delete') {
        const name = policy.data.displayName;
        const result = await checked((onChecking) =>
          deletePolicy.mutateAsync({ policyId: id, onChecking }),
        );
        if (failed(result)) return;
        setPending(undefined);
        setDeleted(name);
        router.push(`/policies?deleted=${encodeURIComponent(name)}`);
        return;
      }
      if (pending === 'make-default') {
        await defaultSwitch.run(
          { id, displayName: policy.data.displayName },
          previousDefault && { id: previousDefault.id, displayName: previousDefault.displayName },
        );
        setPending(undefined);
        return;
      }
      if (pending === 'unset-default') {
        const result = await checked((onChecking) =>
          unsetDefault.mutateAsync({ policyId: id, onChecking }),
        );
        if (failed(result)) return;
        setNotice(`"${policy.data.displayName}" is no longer the organization default.`);
      }
      setPending(undefined);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const disabledReason = access.state === 'denied' ? access.reason : undefined;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/policies" className="underline">
          Policies
        </Link>{' '}
        / <span className="tenant-text">{policy.data.displayName}</span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tenant-text">{policy.data.displayName}</h1>
          <p className="mt-1 text-slate-700 dark:text-slate-300 tenant-text">
            {policy.data.description}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-lg font-semibold" data-testid="policy-lifetime">
              {parsed.accessTokenLifetimeSeconds === null
                ? 'No valid AccessTokenLifetime'
                : formatDuration(parsed.accessTokenLifetimeSeconds)}
            </span>
            <span className="font-mono text-slate-600 dark:text-slate-400">
              {parsed.rawAccessTokenLifetime}
            </span>
            {policy.data.isOrganizationDefault && <Badge tone="accent">Organization default</Badge>}
            <Link
              className="text-blue-800 underline dark:text-blue-300"
              href={`/history?policy=${encodeURIComponent(policy.data.id)}&name=${encodeURIComponent(policy.data.displayName)}`}
            >
              Change history
            </Link>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {disabledReason ? (
            <Button disabled disabledReason={disabledReason}>
              Edit
            </Button>
          ) : (
            <Link
              href={`/policies/${id}/edit`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium dark:border-slate-600 dark:bg-slate-900"
            >
              Edit
            </Link>
          )}
          <LinkToButton policy={policy.data} />
          {policy.data.isOrganizationDefault ? (
            <Button
              disabled={Boolean(disabledReason)}
              disabledReason={disabledReason}
              onClick={() => setPending('unset-default')}
            >
              Remove as organization default
            </Button>
          ) : (
            <Button
              disabled={Boolean(disabledReason) || !parsed.usable}
              disabledReason={disabledReason ?? 'Fix the definition first.'}
              onClick={() => setPending('make-default')}
            >
              Make organization default
            </Button>
          )}
          <Button
            variant="danger"
            disabled={Boolean(disabledReason)}
            disabledReason={disabledReason}
            onClick={() => setPending('delete')}
          >
            Delete
          </Button>
        </div>
      </header>
      {disabledReason && <Notice>Read-only: {disabledReason}</Notice>}
      {notice && <Notice tone={failure ? 'warning' : 'success'}>{notice}</Notice>}
      {defaultSwitch.outcome && (
        <DefaultSwitchReport
          outcome={defaultSwitch.outcome}
          busy={defaultSwitch.busy}
          onRepair={(action) => void defaultSwitch.repair(action).catch(setFailure)}
        />
      )}
      {failure !== undefined && !pending && (
        <ErrorPanel error={failure} title="The change was not made" />
      )}

      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading" className="text-lg font-semibold">
          Findings
        </h2>
        {facts.findings.length === 0 ? (
          <p className="text-sm">No findings: the definition is canonical and in range.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {facts.findings.map((f, i) => (
              <li key={i} className="flex gap-2 text-sm">
                <Badge
                  tone={
                    f.severity === 'error'
                      ? 'danger'
                      : f.severity === 'warning'
                        ? 'warning'
                        : 'info'
                  }
                >
                  {f.severity}
                </Badge>
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="definition-heading" className="grid gap-4 md:grid-cols-2">
        <h2 id="definition-heading" className="text-lg font-semibold md:col-span-2">
          Definition
        </h2>
        <CopyBlock
          label="As Entra reads it"
          text={JSON.stringify({ TokenLifetimePolicy: parsed.properties }, null, 2)}
        />
        <CopyBlock
          label="Raw (definition collection)"
          text={JSON.stringify(policy.data.definition, null, 2)}
        />
      </section>

      <section aria-labelledby="links-heading">
        <h2 id="links-heading" className="text-lg font-semibold">
          Linked to
        </h2>
        {appliesTo.isPending ? (
          <Skeleton className="h-24" label="Loading links" />
        ) : appliesTo.isError ? (
          <ErrorPanel
            error={appliesTo.error}
            title="Could not load what this policy is linked to"
            onRetry={() => appliesTo.refetch()}
          />
        ) : (
          <LinkedObjectsTable policy={policy.data} linked={linked} />
        )}
      </section>

      <section aria-labelledby="diy-heading" className="space-y-3">
        <h2 id="diy-heading" className="text-lg font-semibold">
          Do it yourself
        </h2>
        <CopyBlock
          label="Microsoft Graph request (create this policy)"
          text={graphCreateRequest(policy.data, snippetCloud)}
        />
        <CopyBlock
          label="Microsoft Graph PowerShell (create)"
          text={powerShellCreate(policy.data, snippetCloud)}
        />
        <CopyBlock
          label="Microsoft Graph PowerShell (inspect)"
          text={powerShellInspect(policy.data, snippetCloud)}
        />
        <CopyBlock
          label="Microsoft Graph PowerShell (links)"
          text={powerShellLinks(policy.data, linked, snippetCloud)}
        />
      </section>

      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending === 'delete'
            ? `Delete "${policy.data.displayName}"?`
            : pending === 'make-default'
              ? 'Make this the organization default? This is a tenant-wide change.'
              : 'Stop using this policy as the organization default?'
        }
        confirmLabel={
          pending === 'delete'
            ? 'Delete policy'
            : pending === 'make-default'
              ? 'Make organization default'
              : 'Remove as default'
        }
        danger={pending === 'delete'}
        requireText={mustType ? policy.data.displayName : undefined}
        busy={busy}
        onCancel={() => {
          setPending(undefined);
          setFailure(undefined);
        }}
        onConfirm={run}
      >
        {pending === 'delete' && (
          <p>
            {linked.length > 0
              ? `It is linked to ${linked.length} object${linked.length === 1 ? '' : 's'}: ${linked
                  .slice(0, 5)
                  .map((o) => o.displayName)
                  .join(', ')}${linked.length > 5 ? '…' : ''}. Those links go with it.`
              : 'It is linked to nothing.'}{' '}
            Tokens already issued keep their lifetime.
          </p>
        )}
        {pending === 'make-default' && (
          <p>
            Every application without a stronger link will get{' '}
            {parsed.accessTokenLifetimeSeconds
              ? formatDuration(parsed.accessTokenLifetimeSeconds)
              : 'this lifetime'}
            .
            {previousDefault
              ? ` It replaces "${previousDefault.displayName}" as the organization default (unset first, then set; rolled back if the second step fails).`
              : ''}
          </p>
        )}
        <ImpactTable changes={impact} loading={directory.isPending} />
        {checking && (
          <p role="status" className="font-medium">
            {CHECKING_MESSAGE}
          </p>
        )}
        {notice && failure !== undefined && <Notice tone="warning">{notice}</Notice>}
        {failure !== undefined && (
          <ErrorPanel
            error={failure}
            title={notice ? 'Graph’s answer' : 'The change was not made'}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}
