// `token-lifetimes inspect <jwt|->`: the token inspector's decode and, when a tenant is named, its
// comparison with the effective policy of the token's audience (lib/token).
import { loadDirectoryIndex } from '../../lib/graph/directory-index';
import { formatDuration } from '../../lib/policy/format';
import { compareWithPolicy } from '../../lib/token/compare';
import { inspectToken } from '../../lib/token/decode';
import { connectionFrom, type ConnectionFlags } from '../connection';
import { CliError, EXIT, usageError } from '../exit-codes';
import { graphFor, withGraphErrors } from '../graph';
import { printable } from '../output';

export interface InspectFlags extends ConnectionFlags {
  format: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const wantsTenant = (flags: ConnectionFlags) =>
  Boolean(flags.demo || flags.tenant || process.env.ENTRA_TENANT_ID);

export async function runInspect(
  token: string,
  flags: InspectFlags,
  io: { out: (text: string) => void; tell: (line: string) => void },
): Promise<number> {
  if (flags.format !== 'table' && flags.format !== 'json')
    throw usageError(`--format must be table or json (not '${flags.format}').`);
  const text = token === '-' ? await readStdin() : token;
  const result = inspectToken(text);
  if (!result.ok) throw new CliError(`Not a token I can read: ${result.message}`, EXIT.usage);

  let verdict;
  if (wantsTenant(flags)) {
    const connection = connectionFrom(flags, 'read');
    const api = graphFor(connection, io.tell);
    const index = await withGraphErrors(() => loadDirectoryIndex(api));
    verdict = compareWithPolicy(result, { tenantId: connection.settings.tenantId, index });
  }
  const summary = {
    kind: result.kind,
    version: result.version,
    audience: result.audience,
    tenantId: result.tenantId,
    clientId: result.clientId,
    issuedAt: result.issuedAt?.toISOString(),
    expiresAt: result.expiresAt?.toISOString(),
    lifetimeSeconds: result.lifetimeSeconds,
    scopes: result.scopes,
    roles: result.roles,
    caeCapable: result.caeCapable,
    ...(verdict
      ? {
          verdict: verdict.status,
          summary: verdict.summary,
          reasons: verdict.reasons,
          effectivePolicy: verdict.effective?.policyDisplayName,
        }
      : {}),
  };
  if (flags.format === 'json') {
    io.out(JSON.stringify(summary, null, 2));
    return EXIT.ok;
  }
  const lines = [
    `kind         ${summary.kind} token${summary.version ? ` (v${summary.version})` : ''}`,
    `audience     ${printable(summary.audience)}`,
    `client       ${printable(summary.clientId)}`,
    `tenant       ${printable(summary.tenantId)}`,
    `issued       ${summary.issuedAt ?? '—'}`,
    `expires      ${summary.expiresAt ?? '—'}`,
    `lifetime     ${summary.lifetimeSeconds !== undefined ? formatDuration(summary.lifetimeSeconds) : '—'}`,
    `permissions  ${[...summary.scopes, ...summary.roles].map(printable).join(' ') || '—'}`,
  ];
  if (verdict) {
    lines.push(`verdict      ${printable(verdict.summary)}`);
    for (const reason of verdict.reasons) lines.push(`             ${printable(reason)}`);
  } else {
    lines.push(
      'verdict      (name a tenant, e.g. --demo or --tenant, to compare with its policies)',
    );
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
