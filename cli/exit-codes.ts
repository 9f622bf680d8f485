// Documented exit codes (README, `token-lifetimes --help`): pipelines branch on them.
export const EXIT = {
  ok: 0,
  /** An audit threshold was crossed, or a plan found drift with --fail-on-drift. */
  violation: 1,
  usage: 2,
  /** Sign-in failed: wrong secret or certificate, unknown tenant or client, refused consent. */
  auth: 3,
  /** Graph refused or failed a request (code, message and request id are printed). */
  graph: 4,
  /** apply stopped by Ctrl-C between steps (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
