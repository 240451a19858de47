// The command line (cli stage): the program, its global options and its commands (each declared in
// src/cli/commands/, its implementation loaded when it runs), and the mapping of errors to exit codes.
// Only src/cli/ reads argv, prints to the terminal and sets the exit code.

import { Command, CommanderError } from 'commander';
import { FtreeError, isFtreeError } from '../model/diagnostic.js';
import { EXIT, exitCodeOf, withOptionHints } from './error-table.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './command-context.js';
import { analyzeCommand } from './commands/analyze-command.js';
import { calibrateCommand } from './commands/calibrate-command.js';
import { checkCommand } from './commands/check-command.js';
import { completionCommand } from './commands/completion-command.js';
import { curveCommand } from './commands/curve-command.js';
import { cutsetsCommand } from './commands/cutsets-command.js';
import { diffCommand } from './commands/diff-command.js';
import { evidenceCommand } from './commands/evidence-command.js';
import { exportCommand } from './commands/export-command.js';
import { generateCommand } from './commands/generate-command.js';
import { importCommand } from './commands/import-command.js';
import { importanceCommand } from './commands/importance-command.js';
import { reportCommand } from './commands/report-command.js';
import { uncertaintyCommand } from './commands/uncertainty-command.js';
import { validateCommand } from './commands/validate-command.js';
import { versionCommand } from './commands/version-command.js';
import { checkCommandLine, explainMissingArgument } from './explain-usage.js';
import type { GlobalOptions } from './global-options.js';
import { printFatal, printInternalError } from './output.js';

const EXIT_CODES_HELP =
  'Exit codes: 0 ok · 1 invalid input or failed check · 2 usage error · 3 data source failed · 70 internal error';

/** The commands, in the order of `ftree --help`. */
const COMMANDS = [
  validateCommand,
  analyzeCommand,
  cutsetsCommand,
  importanceCommand,
  evidenceCommand,
  importCommand,
  generateCommand,
  calibrateCommand,
  exportCommand,
  reportCommand,
  checkCommand,
  diffCommand,
  uncertaintyCommand,
  curveCommand,
  completionCommand,
  versionCommand,
] as const;

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('ftree')
    .description('Fault-tree analysis and incident diagnosis')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--allow-outside-paths', "trusted trees only: follow transfers and includes to files outside the tree's folder")
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ ftree validate trees/
  $ ftree analyze trees/two-train.yaml
  $ ftree analyze model.xml --format json

${EXIT_CODES_HELP}`,
    );
  const context: CommandContext = { globals: () => program.opts<GlobalOptions>(), setExit };
  for (const addCommand of COMMANDS) addCommand(program, context);
  return program;
}

/** A reader that stops early (`ftree … | head`) is normal: end quietly instead of a stack trace; standard output that cannot be written (a full disk) is exit 2. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // A full disk or a closed terminal: say so (exit 2) rather than crash with a stack.
    if (stream === process.stdout) {
      printFatal(new FtreeError({ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write standard output: ${e.code === 'ENOSPC' ? 'no space left on the device' : e.message}` }));
      process.exit(EXIT.usage);
    }
    throw e;
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  // commander's own error messages wait, so that a clearer one (explain-usage.ts) can replace them.
  let commanderErr = '';
  const output = { writeErr: (text: string) => void (commanderErr += text) };
  program.exitOverride().configureOutput(output);
  // The command that runs, so that a hint names only options it has (error-table.ts).
  let running: Command | undefined;
  program.hook('preAction', (_program, command) => {
    running = command;
  });
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output);
  const debug = argv.includes('--debug');
  try {
    const misread = checkCommandLine(program, argv.slice(2));
    if (misread) throw misread;
    await program.parseAsync(argv as string[]);
    process.stderr.write(commanderErr);
    process.exitCode = exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      const clearer = e.code === 'commander.missingArgument' ? explainMissingArgument(program, argv.slice(2)) : undefined;
      if (clearer) printFatal(clearer);
      else process.stderr.write(commanderErr);
      // --help and --version end here with code 0; anything else commander rejects is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.stderr.write(commanderErr);
    if (isFtreeError(e)) {
      const hasOption = (flag: string): boolean => running?.options.some((o) => o.long === flag) === true;
      printFatal(withOptionHints(e, hasOption));
      process.exitCode = exitCodeOf(e);
      return;
    }
    printInternalError(e, debug);
    process.exitCode = EXIT.internal;
  }
}
