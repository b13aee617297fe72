/**
 * What every command line tool shares: one-line errors and exit codes. A command prints either its output or one
 * line saying what to change — never a stack trace. Kept free of heavy imports: `--help` and argument errors must
 * answer before the server's modules are loaded.
 */

/** A mistake on the command line or in what it names. `exitCode` 2 is a usage error, 1 anything else. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/**
 * Errors whose message is already one sentence for the user (configuration, start-up, reports, the CLI's own).
 * Matched by name so that this module need not load the modules that define them.
 */
const USER_FACING = new Set([
  'CliError',
  'ConfigError',
  'StartupError',
  'ReportRequestError',
  'ReportQueryError',
]);

/** The one line printed for an error: the user-facing message, or the first line of an unexpected one. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `unexpected error: ${String(error)}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (USER_FACING.has(error.name)) return firstLine(error.message);
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    // node:util parseArgs: "Unknown option '--x'. To specify a positional argument …": the first sentence.
    const sentence = firstLine(error.message).replace(/\. .*$/, '');
    return `${sentence.endsWith('.') ? sentence : `${sentence}.`} See --help.`;
  }
  const { path: file, syscall } = error as NodeJS.ErrnoException;
  if (typeof code === 'string' && file) {
    const what: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EISDIR: 'it is a folder',
      ENOTDIR: 'a part of the path is not a folder',
      EROFS: 'read-only file system',
    };
    return `Cannot ${syscall ?? 'use'} ${file}: ${what[code] ?? code}.`;
  }
  return `unexpected error: ${firstLine(error.message)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** The exit status for an error: a {@link CliError}'s own, 2 for other argument errors, else 1. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') ? 2 : 1;
}

/** A command: its name, one line for the overview, and its `main` over its own arguments. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  main(argv: string[]): Promise<number>;
}

/**
 * Runs a command with these arguments and ends with its status; a thrown error is printed as one line prefixed
 * with the command's name. `exit` ends the process at once (for commands that may leave a pool's timers behind);
 * otherwise only the exit code is set, so that a large standard output is written out in full.
 */
export function runCommand(command: Command, argv: string[], exit = false): void {
  const end = (code: number) => {
    if (exit) process.exit(code);
    process.exitCode = code;
  };
  command.main(argv).then(end, (error: unknown) => {
    console.error(`virtlens ${command.name}: ${describeError(error)}`);
    end(exitCodeOf(error));
  });
}
