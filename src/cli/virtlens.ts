#!/usr/bin/env node
import { CliError, describeError, exitCodeOf, type Command } from './command';

/** The commands, each loaded only when named (so `--help` and a typo answer at once). */
const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command>; exit: boolean }>> = {
  report: {
    summary: 'a named report as CSV, JSON, Markdown or an SVG chart',
    load: async () => (await import('./report.js')).reportCommand,
    exit: false,
  },
  keys: {
    summary: 'create, list or revoke API keys',
    load: async () => (await import('./keys.js')).keysCommand,
    exit: true,
  },
  simulate: {
    summary: 'simulate N benchmark measurements into the database',
    load: async () => (await import('./simulate.js')).simulateCommand,
    exit: true,
  },
};

const USAGE = `Usage: virtlens <command> [options]    (npx virtlens …, or npm run <command> -- …)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

virtlens <command> --help shows a command's options. The server itself starts with npm start.`;

/** `virtlens <command> …`: the package's one `bin`, dispatching to the commands. */
async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    throw new CliError(
      `Unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (virtlens --help).`,
      2,
    );
  }
  const command = await entry.load();
  let code: number;
  try {
    code = await command.main(rest);
  } catch (error) {
    console.error(`virtlens ${name}: ${describeError(error)}`);
    code = exitCodeOf(error);
  }
  if (entry.exit) process.exit(code);
  process.exitCode = code;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`virtlens: ${describeError(error)}`);
  process.exitCode = exitCodeOf(error);
});
