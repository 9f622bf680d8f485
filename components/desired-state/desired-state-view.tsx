'use client';

import { useMemo, useState } from 'react';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Button } from '@/components/ui/button';
import { Notice, ProgressBar } from '@/components/ui/feedback';
import { nameKey } from '@/lib/desired-state/baseline';
import {
  checkBaseline,
  readBaselineFile,
  tenantFactsOf,
  type ItemKey,
} from '@/lib/desired-state/parse';
import { ambiguousTenantNames, planChanges } from '@/lib/desired-state/plan';
import { BaselineLoader } from './baseline-loader';
import { ExportPanel } from './export-panel';
import { PlanView, RunResults } from './plan-view';
import { ProblemsList } from './problems-list';
import { useApply } from './use-apply';
import { DirectoryLoadError } from '@/components/shell/directory-load-error';

interface LoadedBaseline {
  fileName: string;
  read: ReturnType<typeof readBaselineFile>;
}

/** Export the configuration; load a baseline, see the drift as a plan, apply it. */
export function DesiredStateView() {
  const directory = useDirectoryIndex();
  const [loaded, setLoaded] = useState<LoadedBaseline>();
  const [excluded, setExcluded] = useState<ReadonlySet<ItemKey>>(new Set());
  const apply = useApply();
  const index = directory.data;

  const comparison = useMemo(() => {
    if (!index || !loaded?.read.ok) return undefined;
    const checked = checkBaseline(loaded.read.file, tenantFactsOf(index), excluded);
    const ambiguous = new Set(ambiguousTenantNames(index).map(nameKey));
    const blockedByTenant = checked.policies.filter((p) => ambiguous.has(nameKey(p.displayName)));
    const steps =
      checked.problems.length === 0 && blockedByTenant.length === 0
        ? planChanges(checked.policies, index)
        : undefined;
    return { checked, blockedByTenant, steps };
  }, [index, loaded, excluded]);

  if (directory.isError) return <DirectoryLoadError directory={directory} />;
  if (!index) return <ProgressBar value={0} label="Loading the tenant" />;

  const toggle = (item: ItemKey, exclude: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (exclude) next.add(item);
      else next.delete(item);
      return next;
    });

  return (
    <div className="space-y-8">
      <ExportPanel index={index} />
      <section aria-labelledby="compare-title" className="space-y-3">
        <h2 id="compare-title" className="text-lg font-semibold">
          Compare with a baseline
        </h2>
        <BaselineLoader
          onLoad={(fileName, text) => {
            setLoaded({ fileName, read: readBaselineFile(text) });
            setExcluded(new Set());
            apply.reset();
          }}
        />
        {loaded && (
          <p className="text-sm">
            Baseline: <span className="tenant-text font-medium">{loaded.fileName}</span>
            {loaded.read.ok && loaded.read.file.exportedAt
              ? `, exported ${new Date(loaded.read.file.exportedAt).toLocaleString()}`
              : ''}
            {directory.isFetching ? ' · reading the tenant again…' : ''}
          </p>
        )}
        {loaded && !loaded.read.ok && (
          <div role="alert" data-testid="baseline-file-problem">
            <Notice tone="warning">{loaded.read.problem.message}</Notice>
          </div>
        )}
        {comparison && comparison.checked.problems.length > 0 && (
          <ProblemsList
            problems={comparison.checked.problems}
            excluded={excluded}
            onToggle={toggle}
          />
        )}
        {excluded.size > 0 && (
          <div className="text-sm">
            Excluded: {excluded.size} {excluded.size === 1 ? 'item' : 'items'}.{' '}
            <Button variant="ghost" onClick={() => setExcluded(new Set())}>
              Include all again
            </Button>
          </div>
        )}
        {comparison && comparison.blockedByTenant.length > 0 && (
          <Notice tone="warning">
            Several policies in the tenant share the name of{' '}
            {comparison.blockedByTenant.map((p) => `“${p.displayName}”`).join(', ')}: the baseline
            finds policies by name, so rename or remove the duplicates in the tenant first, or
            exclude these policies.
          </Notice>
        )}
        {comparison?.steps &&
          (comparison.steps.length === 0 ? (
            <Notice tone="success">
              <span data-testid="no-drift">No drift: the tenant matches the baseline.</span>
            </Notice>
          ) : (
            <PlanView steps={comparison.steps} index={index} apply={apply} />
          ))}
        {apply.run && <RunResults run={apply.run} onRetry={() => void apply.retryFailed()} />}
      </section>
    </div>
  );
}
