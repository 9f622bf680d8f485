// `token-lifetimes audit`: the effective lifetime of every app, as the dashboard's Applications view
// and audit compute it (lib/policy), with thresholds a nightly pipeline can fail on.
import { loadDirectoryIndex } from '../../lib/graph/directory-index';
import { auditSummary } from '../../lib/policy/audit';
import { formatDuration, formatLifetime } from '../../lib/policy/format';
import { SOURCE_LABELS } from '../../lib/policy/messages';
import { buildPolicyContext, resolveEffectiveLifetime } from '../../lib/policy/resolve';
import { parseLifetimeInput } from '../../lib/policy/timespan';
import type { DirectoryIndex, PrecedenceRuleId } from '../../lib/policy/types';
import { connectionFrom, type ConnectionFlags } from '../connection';
import { EXIT, usageError } from '../exit-codes';
import { graphFor, withGraphErrors } from '../graph';
import { parseFormat, printable, render } from '../output';
import { directoryProgress } from '../progress';

export interface AuditFlags extends ConnectionFlags {
  format: string;
  failAbove?: string;
  failOn?: string;
  rule: string;
}

export function auditRows(index: DirectoryIndex, rule: PrecedenceRuleId) {
  const context = buildPolicyContext(index.policies);
  return index.targets.map((target) => {
    const effective = resolveEffectiveLifetime(target, context, rule);
    return {
      appId: target.appId,
      displayName: target.displayName,
      lifetime: formatLifetime(effective),
      seconds: effective.seconds,
      maxSeconds: effective.maxSeconds,
      setBy: SOURCE_LABELS[effective.source].toLowerCase(),
      policy: effective.policyDisplayName ?? '',
      auditClass: effective.auditClass,
      rulesDisagree: effective.rulesDisagree,
    };
  });
}

function ruleOf(value: string): PrecedenceRuleId {
  if (value === 'graph-reference' || value === 'current-article') return value;
  throw usageError(`--rule must be graph-reference or current-article (not '${value}').`);
}

export async function runAudit(
  flags: AuditFlags,
  io: { out: (text: string) => void; tell: (line: string) => void },
): Promise<number> {
  let format;
  try {
    format = parseFormat(flags.format);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const rule = ruleOf(flags.rule);
  let failAboveSeconds: number | undefined;
  if (flags.failAbove !== undefined) {
    const parsed = parseLifetimeInput(flags.failAbove);
    if (!parsed.ok)
      throw usageError(`--fail-above: ${parsed.error} Examples: 8h, 08:00:00, 1h30m.`);
    failAboveSeconds = parsed.seconds;
  }
  if (flags.failOn !== undefined && flags.failOn !== 'findings')
    throw usageError(`--fail-on takes 'findings' (not '${flags.failOn}').`);

  const api = graphFor(connectionFrom(flags, 'read'), io.tell);
  const progress = directoryProgress(!flags.quiet);
  const index = await withGraphErrors(() =>
    loadDirectoryIndex(api, { onProgress: progress.update }),
  ).finally(progress.stop);
  const rows = auditRows(index, rule);
  io.out(
    render(rows, format, ['displayName', 'appId', 'lifetime', 'setBy', 'policy', 'auditClass']),
  );

  let exitCode: number = EXIT.ok;
  if (failAboveSeconds !== undefined) {
    // A client-only app's own policy changes no token (lib/policy's 'no-effect' class): not "over".
    const over = rows.filter(
      (r) => r.auditClass !== 'no-effect' && r.maxSeconds > failAboveSeconds,
    );
    if (over.length > 0) {
      const worst = over.reduce((a, b) => (b.maxSeconds > a.maxSeconds ? b : a));
      io.tell(
        `${over.length} app(s) get tokens that live longer than ${formatDuration(failAboveSeconds)}; longest: "${worst.displayName}" (${worst.appId}), ${worst.lifetime}.`,
      );
      exitCode = EXIT.violation;
    }
  }
  if (flags.failOn === 'findings') {
    const summary = auditSummary(index, rule);
    const parts = [
      summary.policiesWithFindings.length &&
        `policies with findings: ${summary.policiesWithFindings.map((f) => `"${printable(f.policy.displayName)}"`).join(', ')}`,
      summary.policiesLinkedToUnsupported.length &&
        `${summary.policiesLinkedToUnsupported.length} link(s) to objects that cannot hold a policy`,
      summary.organizationDefault.conflicting.length &&
        `${summary.organizationDefault.conflicting.length + 1} policies claim to be the organization default`,
    ].filter(Boolean);
    if (parts.length > 0) {
      io.tell(`Findings: ${parts.join('; ')}. The dashboard's audit explains each.`);
      exitCode = EXIT.violation;
    }
  }
  return exitCode;
}
