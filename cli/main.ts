// token-lifetimes: the dashboard's engine on the command line (lib/policy, lib/graph, lib/token).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { runAudit } from './commands/audit';
import { runApply, runExport, runPlan } from './commands/desired-state';
import { runInspect } from './commands/inspect';
import { demoCaPathOf } from './connection';
import { CliError, EXIT } from './exit-codes';
import { red, colorOn } from './output';

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  tell: (line: string) => process.stderr.write(`${line}\n`),
};

const EXIT_CODES_HELP = `
Exit codes: 0 ok · 1 a threshold was crossed (violation) · 2 usage · 3 sign-in failed · 4 Graph error
            · 130 apply stopped by Ctrl-C (between steps; the summary says what was done)

Sign-in, from flags or the environment:
  ENTRA_TENANT_ID, ENTRA_CLIENT_ID, and ENTRA_CLIENT_SECRET or ENTRA_CERTIFICATE_PATH (pipelines),
  or --device-code (a person); ENTRA_AUTHORITY_HOST and GRAPH_BASE_URL for national clouds.
  --demo uses the local demo tenant (npm run demo-tenant) with its read-only automation client;
  --demo --certificate .demo-tenant/tls/demo-certificate.pem with its certificate client;
  --demo --device-code as one of its users (the sign-in message is on stderr).`;

function withConnection(command: Command): Command {
  return command
    .option('--tenant <id>', 'tenant id or verified domain (ENTRA_TENANT_ID)')
    .option('--client-id <id>', 'application (client) id (ENTRA_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret (ENTRA_CLIENT_SECRET)')
    .option('--certificate <pem>', 'PEM with certificate and private key (ENTRA_CERTIFICATE_PATH)')
    .option('--device-code', 'sign in as a person with a device code')
    .option(
      '--authority-host <url>',
      'e.g. https://login.microsoftonline.us (ENTRA_AUTHORITY_HOST)',
    )
    .option('--graph-base-url <url>', 'e.g. https://graph.microsoft.us/v1.0 (GRAPH_BASE_URL)')
    .option('--demo', "the local demo tenant's Entra-shaped endpoints")
    .option('-q, --quiet', 'no progress or notices on stderr');
}

function program(): Command {
  const root = new Command('token-lifetimes')
    .description('Token lifetime policies of a Microsoft Entra tenant, from the command line.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .addHelpText('after', EXIT_CODES_HELP);

  withConnection(
    root
      .command('audit')
      .description('Effective access-token lifetime of every app, and what sets it.')
      .addOption(
        new Option('--format <format>', 'output')
          .choices(['table', 'json', 'csv'])
          .default('table'),
      )
      .option(
        '--fail-above <duration>',
        'exit 1 if any app gets tokens longer than this (8h, 08:00:00)',
      )
      .option('--fail-on <what>', "exit 1 on 'findings' (retired settings, links with no effect…)")
      .addOption(
        new Option('--rule <rule>', 'precedence rule')
          .choices(['graph-reference', 'current-article'])
          .default('graph-reference'),
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ token-lifetimes audit --demo
  $ token-lifetimes audit --format csv > lifetimes.csv
  $ token-lifetimes audit --fail-above 8h --quiet     # nightly: fail if any token lives > 8 h
  $ token-lifetimes audit --fail-on findings --format json`,
    )
    .action(async (flags) => {
      process.exitCode = await runAudit(flags, io);
    });

  withConnection(
    root
      .command('inspect')
      .description(
        "Decode a token and, with a tenant named, compare it with its resource's policy.",
      )
      .argument('<token>', "a JWT, or '-' to read it from standard input")
      .addOption(
        new Option('--format <format>', 'output').choices(['table', 'json']).default('table'),
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ token-lifetimes inspect eyJ0eXAiOi...
  $ az account get-access-token --resource 00000007-0000-0000-c000-000000000000 \\
      --query accessToken -o tsv | token-lifetimes inspect - --tenant contoso.onmicrosoft.com ...`,
    )
    .action(async (token: string, flags) => {
      process.exitCode = await runInspect(token, flags, io);
    });
  withConnection(
    root
      .command('export')
      .description(
        'The whole configuration as code: PowerShell script, Microsoft365DSC, or a JSON baseline.',
      )
      .addOption(
        new Option('--as <kind>', 'what to write')
          .choices(['powershell', 'dsc', 'json'])
          .makeOptionMandatory(),
      )
      .option(
        '--out <file>',
        'write to a file (saved scripts get a BOM for Windows PowerShell 5.1)',
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ token-lifetimes export --as json --out baseline.json --demo
  $ token-lifetimes export --as powershell --out Set-TokenLifetimes.ps1   # idempotent: run it twice
  $ token-lifetimes export --as dsc > TokenLifetimes.ps1                # links are in the script`,
    )
    .action(async (flags) => {
      process.exitCode = await runExport(flags, io);
    });

  withConnection(
    root
      .command('plan')
      .description('Compare a JSON baseline with the tenant: the steps that would make them match.')
      .requiredOption(
        '--baseline <file>',
        'a baseline written by export --as json or the dashboard',
      )
      .addOption(
        new Option('--format <format>', 'output').choices(['table', 'json']).default('table'),
      )
      .option('--fail-on-drift', 'exit 1 when the tenant differs from the baseline'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ token-lifetimes plan --baseline baseline.json --demo
  $ token-lifetimes plan --baseline baseline.json --fail-on-drift --quiet   # drift check in a pipeline`,
    )
    .action(async (flags) => {
      process.exitCode = await runPlan(flags, io);
    });

  withConnection(
    root
      .command('apply')
      .description('Make the tenant match a JSON baseline, step by step, then read it back.')
      .requiredOption(
        '--baseline <file>',
        'a baseline written by export --as json or the dashboard',
      )
      .option(
        '--yes',
        'apply without asking (pipelines); otherwise the plan is shown and you are asked',
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ token-lifetimes apply --baseline baseline.json --demo
  $ token-lifetimes apply --baseline baseline.json --yes     # needs write permissions

Ctrl-C lets the step in flight finish, then stops and reports every step.`,
    )
    .action(async (flags) => {
      process.exitCode = await runApply(flags, io);
    });
  return root;
}

/**
 * The demo tenant's certificate comes from its own local CA: Node trusts it only through
 * NODE_EXTRA_CA_CERTS, read at start, so the command starts itself again with it set. Ctrl-C and
 * SIGTERM belong to the re-run command (it may be applying a step): this process passes them on
 * instead of exiting under it, and exits with its code.
 */
async function rerunTrustingDemoCa(argv: string[]): Promise<number | undefined> {
  if (!argv.includes('--demo')) return undefined;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const ca = demoCaPathOf();
  if (process.env.NODE_EXTRA_CA_CERTS === ca) return undefined;
  if (!existsSync(ca)) return undefined; // connectionFrom says what to do.
  const child = spawn(process.execPath, [join(root, 'cli', 'bin.mjs'), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: ca },
  });
  const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = pass('SIGINT');
  const onTerm = pass('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await new Promise<number>((resolve) =>
      child.on('exit', (code, signal) =>
        resolve(code ?? (signal ? 128 + constants.signals[signal] : EXIT.auth)),
      ),
    );
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

async function main(argv: string[]): Promise<number> {
  const rerun = await rerunTrustingDemoCa(argv);
  if (rerun !== undefined) return rerun;
  try {
    await program().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const color = colorOn(process.stderr);
    if (error instanceof CliError) {
      io.tell(red(error.message, color));
      return error.exitCode;
    }
    io.tell(red(`Unexpected failure: ${(error as Error).stack ?? String(error)}`, color));
    return EXIT.graph;
  }
}

process.exitCode = await main(process.argv.slice(2));
