// `token-lifetimes export | plan | apply`: the dashboard's desired-state engine (lib/desired-state)
// and generators (lib/codegen), with the same safe write steps (applyStep: a create looks the name
// up first and is never retried blindly; an update or unlink re-reads and stops if it changed).
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { baselineScript } from '../../lib/codegen/baseline-script';
import { baselineDscConfiguration } from '../../lib/codegen/dsc';
import { PS_FILE_BOM } from '../../lib/codegen/powershell';
import type { GraphApi } from '../../lib/graph/client';
import { loadDirectoryIndex } from '../../lib/graph/directory-index';
import { exportBaseline } from '../../lib/desired-state/baseline';
import { describeStep, isTenantWide } from '../../lib/desired-state/describe';
import {
  checkBaseline,
  isBlocking,
  readBaselineFile,
  tenantFactsOf,
} from '../../lib/desired-state/parse';
import { impactOf, planChanges, type PlanStep } from '../../lib/desired-state/plan';
import { formatLifetime } from '../../lib/policy/format';
import type { DirectoryIndex } from '../../lib/policy/types';
import { connectionFrom, type ConnectionFlags } from '../connection';
import { CliError, EXIT, usageError } from '../exit-codes';
import { graphFor, withGraphErrors } from '../graph';
import { printable } from '../output';
import { directoryProgress } from '../progress';
import { runSteps, summaryLines, withStopOnSignal } from './apply-steps';

interface Io {
  out: (text: string) => void;
  tell: (line: string) => void;
}

export interface ExportFlags extends ConnectionFlags {
  as: string;
  out?: string;
}

export interface PlanFlags extends ConnectionFlags {
  baseline: string;
  format: string;
  failOnDrift?: boolean;
}

export interface ApplyFlags extends ConnectionFlags {
  baseline: string;
  yes?: boolean;
}

async function readTenant(api: GraphApi, quiet?: boolean): Promise<DirectoryIndex> {
  const progress = directoryProgress(!quiet);
  return withGraphErrors(() => loadDirectoryIndex(api, { onProgress: progress.update })).finally(
    progress.stop,
  );
}

export async function runExport(flags: ExportFlags, io: Io): Promise<number> {
  if (!['powershell', 'dsc', 'json'].includes(flags.as))
    throw usageError(`--as must be powershell, dsc or json (not '${flags.as}').`);
  const connection = connectionFrom(flags, 'read');
  const index = await readTenant(graphFor(connection, io.tell), flags.quiet);
  const { baseline, notes } = exportBaseline(index, {
    exportedAt: new Date().toISOString(),
    tenant: connection.settings.tenantId,
  });
  for (const note of notes) io.tell(`Note: "${printable(note.policyName)}": ${note.message}`);
  const text =
    flags.as === 'json'
      ? JSON.stringify(baseline, null, 2)
      : flags.as === 'dsc'
        ? baselineDscConfiguration(baseline)
        : baselineScript(baseline, {
            graphRoot: `${connection.settings.cloud.resource}/v1.0`,
            powerShellEnvironment: connection.settings.cloud.powerShellEnvironment,
          });
  if (flags.out) {
    // Windows PowerShell 5.1 reads a saved script without a BOM in the ANSI code page.
    writeFileSync(flags.out, flags.as === 'json' ? `${text}\n` : `${PS_FILE_BOM}${text}\n`);
    if (!flags.quiet) io.tell(`Wrote ${flags.out}.`);
  } else io.out(text);
  return EXIT.ok;
}

/** The plan from a baseline file against the tenant as it is now; problems stop it (exit 2). */
async function planFrom(path: string, api: GraphApi, io: Io, quiet?: boolean) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw usageError(`Cannot read the baseline file ${path}.`);
  }
  const read = readBaselineFile(text);
  if (!read.ok) throw usageError(`${read.problem.where}: ${read.problem.message}`);
  const index = await readTenant(api, quiet);
  const checked = checkBaseline(read.file, tenantFactsOf(index));
  const blocking = checked.problems.filter(isBlocking);
  for (const problem of checked.problems)
    io.tell(
      `${isBlocking(problem) ? 'Problem' : 'Note'}: ${printable(problem.where)}: ${printable(problem.message)}`,
    );
  if (blocking.length > 0)
    throw usageError(
      `${blocking.length} problem(s) in the baseline: nothing is planned or applied until they are fixed in the file.`,
    );
  const steps = planChanges(checked.policies, index);
  return { index, steps };
}

function planLines(steps: PlanStep[], index: DirectoryIndex): string[] {
  if (steps.length === 0) return ['No drift: the tenant matches the baseline.'];
  const lines = steps.map(
    (s, i) => `${i + 1}. ${printable(describeStep(s))}${isTenantWide(s) ? '  [tenant-wide]' : ''}`,
  );
  const impact = impactOf(steps, index);
  lines.push(
    '',
    impact.length
      ? `Effective lifetime changes for ${impact.length} app(s):`
      : 'No app’s effective lifetime changes.',
  );
  for (const change of impact.slice(0, 50))
    lines.push(
      `  ${printable(change.displayName)} (${change.appId}): ${formatLifetime(change.from)} → ${formatLifetime(change.to)}`,
    );
  if (impact.length > 50) lines.push(`  … and ${impact.length - 50} more`);
  return lines;
}

export async function runPlan(flags: PlanFlags, io: Io): Promise<number> {
  if (flags.format !== 'table' && flags.format !== 'json')
    throw usageError(`--format must be table or json (not '${flags.format}').`);
  const api = graphFor(connectionFrom(flags, 'read'), io.tell);
  const { index, steps } = await planFrom(flags.baseline, api, io, flags.quiet);
  if (flags.format === 'json')
    io.out(
      JSON.stringify(
        steps.map((s) => ({ ...s, description: describeStep(s) })),
        null,
        2,
      ),
    );
  else io.out(planLines(steps, index).join('\n'));
  return flags.failOnDrift && steps.length > 0 ? EXIT.violation : EXIT.ok;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw usageError(
      'apply asks before changing the tenant: add --yes to apply without asking (pipelines).',
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runApply(flags: ApplyFlags, io: Io): Promise<number> {
  // Write permissions only here (in the demo: the automation client that may write).
  const api = graphFor(connectionFrom(flags, 'write'), io.tell);
  const { index, steps } = await planFrom(flags.baseline, api, io, flags.quiet);
  io.tell(planLines(steps, index).join('\n'));
  if (steps.length === 0) return EXIT.ok;
  if (!flags.yes && !(await confirm(`Apply these ${steps.length} step(s) to the tenant? [y/N] `))) {
    io.tell('Nothing was changed.');
    return EXIT.ok;
  }

  // Ctrl-C (or SIGTERM from a pipeline's cancel) stops between steps, never inside one; the
  // read-back after it still runs, so the report ends with what the tenant really holds.
  return withStopOnSignal(io.tell, async (stopSignal) => {
    const run = await runSteps(api, steps, io.tell, stopSignal);
    for (const line of summaryLines(steps, run)) io.tell(line);

    // Tell the truth: read the tenant back and compare again.
    const after = await planFrom(flags.baseline, api, io, true);
    const failed = [...run.results.values()].filter((r) => r.status !== 'done');
    if (after.steps.length === 0)
      io.tell('Read back: the tenant now matches the baseline (no drift).');
    else
      io.tell(
        `Read back: ${after.steps.length} difference(s) remain:\n${planLines(after.steps, after.index).join('\n')}`,
      );
    if (run.interrupted)
      throw new CliError(
        'Stopped by Ctrl-C: the steps marked [done] were applied, those marked [not run] were not; run apply again to finish.',
        EXIT.interrupted,
      );
    return failed.length > 0 || after.steps.length > 0 ? EXIT.graph : EXIT.ok;
  });
}
