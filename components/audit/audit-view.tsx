'use client';

import { Link } from '@/components/ui/link';
import { useMemo, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { Notice, ProgressBar } from '@/components/ui/feedback';
import { download, objectsToCsv } from '@/lib/export/csv';
import { auditSummary, type AuditSummary } from '@/lib/policy/audit';
import { AUDIT_CLASS_LABELS, AUDIT_CLASSES } from '@/lib/policy/classify';
import { formatLifetime } from '@/lib/policy/format';
import { countText } from '@/lib/plain-format';
import { BUILT_IN_RANGE_TEXT } from '@/lib/policy/messages';
import { LifetimeDistributionChart } from './lifetime-distribution-chart';
import { DirectoryLoadError } from '@/components/shell/directory-load-error';

// The table code (TanStack Table and Virtual) loads after the audit's own figures.
const ExtendedTable = dynamic(() => import('./extended-table').then((m) => m.ExtendedTable), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm">
      Loading the applications with extended lifetimes…
    </p>
  ),
});

export interface AuditSections {
  /** Who receives the extended tokens (the reach feature), given the apps with extended lifetimes. */
  reach: (extended: AuditSummary['extended']) => ReactNode;
  /** What governs sessions (the sessions feature). */
  sessions: ReactNode;
}

/** The audit's own figures; the sections of other features are composed in by the page. */
export function AuditView({ reach, sessions }: AuditSections) {
  const directory = useDirectoryIndex();
  const summary = useMemo(
    () => (directory.data ? auditSummary(directory.data) : undefined),
    [directory.data],
  );

  if (directory.isError) return <DirectoryLoadError directory={directory} />;
  if (!summary) {
    const p = directory.progress;
    return (
      <ProgressBar
        value={(p?.applications ?? 0) + (p?.servicePrincipals ?? 0)}
        label={`Loading the tenant: ${countText(p?.applications ?? 0)} applications, ${countText(p?.servicePrincipals ?? 0)} service principals`}
      />
    );
  }
  const exportAudit = (format: 'csv' | 'json') => {
    const stamp = new Date().toISOString().slice(0, 10);
    const rows = summary.extended.map(({ target, effective }) => ({
      displayName: target.displayName,
      appId: target.appId,
      effectiveLifetime: formatLifetime(effective),
      effectiveSeconds: effective.seconds,
      auditClass: effective.auditClass,
      setBy: effective.source,
      policy: effective.policyDisplayName ?? '',
    }));
    if (format === 'json') {
      const data = {
        generated: new Date().toISOString(),
        countsByClass: summary.countsByClass,
        histogram: summary.histogram.map(({ label, count }) => ({ label, count })),
        extended: rows,
        policiesWithFindings: summary.policiesWithFindings.map((f) => ({
          id: f.policy.id,
          displayName: f.policy.displayName,
          findings: f.findings.map((x) => x.message),
        })),
        unlinkedPolicies: summary.unlinkedPolicies.map((p) => ({
          id: p.id,
          displayName: p.displayName,
        })),
        policiesLinkedToUnsupported: summary.policiesLinkedToUnsupported.map((u) => ({
          policy: u.policy.displayName,
          object: u.target.displayName,
          reason: u.reason,
        })),
        organizationDefault: {
          displayName: summary.organizationDefault.policy?.displayName ?? null,
          governs: summary.organizationDefault.governs,
        },
      };
      download(
        `token-lifetime-audit-${stamp}.json`,
        JSON.stringify(data, null, 2),
        'application/json',
      );
    } else {
      download(`token-lifetime-audit-${stamp}.csv`, objectsToCsv(rows), 'text/csv;charset=utf-8');
    }
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" data-testid="audited-count">
          {directory.data?.targets.length ?? 0} applications audited.
        </p>
        <div className="flex gap-2">
          <Button onClick={() => exportAudit('csv')}>Export CSV</Button>
          <Button onClick={() => exportAudit('json')}>Export JSON</Button>
        </div>
      </div>

      <section aria-labelledby="classes-heading">
        <h2 id="classes-heading" className="text-lg font-semibold">
          Applications by audit class
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {AUDIT_CLASSES.map((c) => (
            <div
              key={c}
              className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
            >
              <dt className="text-xs text-slate-600 dark:text-slate-400">
                {AUDIT_CLASS_LABELS[c]}
              </dt>
              <dd className="text-2xl font-semibold" data-testid={`count-${c}`}>
                <Link href={`/applications?class=${c}`}>{summary.countsByClass[c]}</Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="histogram-heading">
        <h2 id="histogram-heading" className="text-lg font-semibold">
          Distribution of effective lifetimes
        </h2>
        <LifetimeDistributionChart buckets={summary.histogram} />
      </section>

      <section aria-labelledby="default-heading">
        <h2 id="default-heading" className="text-lg font-semibold">
          Organization default
        </h2>
        {summary.organizationDefault.policy ? (
          <p className="text-sm" data-testid="org-default-summary">
            “
            <Link
              className="tenant-text underline"
              href={`/policies/${summary.organizationDefault.policy.id}`}
            >
              {summary.organizationDefault.policy.displayName}
            </Link>
            ” is the organization default and sets the lifetime of{' '}
            {summary.organizationDefault.governs} applications.
          </p>
        ) : (
          <p className="text-sm" data-testid="org-default-summary">
            No organization default: apps without a linked policy get the built-in{' '}
            {BUILT_IN_RANGE_TEXT}.
          </p>
        )}
        {summary.organizationDefault.conflicting.length > 0 && (
          <Notice tone="warning">
            More than one policy claims to be the organization default:{' '}
            {summary.organizationDefault.conflicting.map((p) => p.displayName).join(', ')}.
          </Notice>
        )}
      </section>

      <ExtendedTable rows={summary.extended} />
      {reach(summary.extended)}
      <AuditList
        title={`Policies with findings (${summary.policiesWithFindings.length})`}
        empty="No policy has findings."
        testId="findings-list"
      >
        {summary.policiesWithFindings.map((f) => (
          <li key={f.policy.id}>
            <Link className="tenant-text underline" href={`/policies/${f.policy.id}`}>
              {f.policy.displayName}
            </Link>{' '}
            — {f.findings.map((x) => x.message).join(' ')}
          </li>
        ))}
      </AuditList>
      <AuditList
        title={`Unlinked policies (${summary.unlinkedPolicies.length})`}
        empty="Every policy is linked or the organization default."
        testId="unlinked-list"
      >
        {summary.unlinkedPolicies.map((p) => (
          <li key={p.id}>
            <Link className="tenant-text underline" href={`/policies/${p.id}`}>
              {p.displayName}
            </Link>
          </li>
        ))}
      </AuditList>
      <AuditList
        title={`Policies linked to unsupported objects (${summary.policiesLinkedToUnsupported.length})`}
        empty="No policy is linked to an unsupported object."
        testId="unsupported-list"
      >
        {summary.policiesLinkedToUnsupported.map((u) => (
          <li key={`${u.policy.id}-${u.target.appId}`}>
            <span className="tenant-text">{u.policy.displayName}</span> →{' '}
            <span className="tenant-text">{u.target.displayName}</span>: {u.reason}
          </li>
        ))}
      </AuditList>
      {sessions}
    </div>
  );
}

function AuditList({
  title,
  empty,
  testId,
  children,
}: {
  title: string;
  empty: string;
  testId: string;
  children: React.ReactNode[];
}) {
  return (
    <section>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children.length === 0 ? (
        <p className="text-sm">{empty}</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid={testId}>
          {children}
        </ul>
      )}
    </section>
  );
}
