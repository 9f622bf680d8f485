'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { useWriteAccess } from '@/components/auth/write-access';
import { LinkedObjectsTable } from '@/components/assignments/linked-objects-table';
import { LinkToButton } from '@/components/assignments/link-to-button';
import { useGraphApi } from '@/components/shell/graph-provider';
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
import { ImpactTable } from './impact-table';
import { switchOrganizationDefault } from './organization-default';
import {
  graphCreateRequest,
  powerShellCreate,
  powerShellInspect,
  powerShellLinks,
} from './snippets';
import {
  useAppliesTo,
  usePolicies,
  usePolicy,
  useRefreshAfterWrite,
  useWrite,
} from './use-policies';

type Pending = 'delete' | 'make-default' | 'unset-default' | undefined;

export function PolicyDetail({ id }: { id: string }) {
  const policy = usePolicy(id);
  const { settings } = useAuth();
  // Snippets address the cloud this dashboard is configured for (national clouds included).
  const snippetCloud = {
    graphRoot: `${settings.cloud.resource}/v1.0`,
    powerShellEnvironment: settings.cloud.powerShellEnvironment,
  };
  const policies = usePolicies();
  const appliesTo = useAppliesTo(id);
  const directory = useDirectoryIndex();
  const api = useGraphApi();
  const access = useWriteAccess();
  const write = useWrite();
  const refresh = useRefreshAfterWrite();
  const router = useRouter();
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const previousDefault = policies.data?.find((p) => p.isOrganizationDefault && p.id !== id);
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
  const mustType = pending === 'delete' && (linked.length > 0 || policy.data.isOrganizationDefault);

  const run = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      if (pending === 'delete') {
        await write(() => api.deletePolicy(id));
        await refresh();
        router.push(`/policies?deleted=${encodeURIComponent(policy.data.displayName)}`);
        return;
      }
      if (pending === 'make-default') {
        const result = await write(() => switchOrganizationDefault(api, id, previousDefault?.id));
        if (!result.ok) {
          setFailure(result.error);
          setNotice(
            result.rolledBack
              ? `Nothing changed: ${previousDefault ? `"${previousDefault.displayName}" is still the organization default.` : 'there is still no organization default.'}`
              : `The switch failed half-way and "${previousDefault?.displayName}" could not be restored: the tenant has NO organization default now. Make one the default again.`,
          );
        } else {
          setNotice(`"${policy.data.displayName}" is now the organization default.`);
        }
      }
      if (pending === 'unset-default') {
        await write(() => api.updatePolicy(id, { isOrganizationDefault: false }));
        setNotice(`"${policy.data.displayName}" is no longer the organization default.`);
      }
      await refresh();
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
        {failure !== undefined && <ErrorPanel error={failure} title="The change was not made" />}
      </ConfirmDialog>
    </div>
  );
}
