// How a failure ends a command (cli stage): the exit codes (README, "Exit codes"), the one table from
// error code to exit code, the hints that name the option changing an engine limit, and the flags by
// which the stages' messages name their options. The stages below throw errors that carry a code and
// their data; only this file turns them into exit codes and names command-line options.

import { EngineLimitError, type EngineLimit } from '../engine/engine-limit-error.js';
import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { ErrorCode } from '../model/error-codes.js';
import type { OptionNames } from '../model/option-names.js';

export const EXIT = {
  ok: 0,
  invalid: 1,
  usage: 2,
  dataSource: 3,
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit code of each error code that is not invalid input (1); docs/error-codes.md shows the same
 * (test/error-codes-doc.test.ts compares them).
 */
export const EXIT_BY_CODE: Readonly<Partial<Record<ErrorCode, ExitCode>>> = {
  USAGE: EXIT.usage,
  BAD_TIME: EXIT.usage,
  OUTPUT_EXISTS: EXIT.usage,
  OUTPUT_UNWRITABLE: EXIT.usage,
  FILE_UNREADABLE: EXIT.usage,
  NO_TREE_FILES: EXIT.usage,
  METRICS_UNREADABLE: EXIT.usage,
  PROMETHEUS_FAILED: EXIT.dataSource,
};

/**
 * The exit code of a failure: 2 for a value given on the command line; else the code's, when every
 * error of the failure has the same one (an unreadable file among invalid ones is invalid input, 1).
 */
export function exitCodeOf(error: FtreeError): ExitCode {
  if (error.fromCommandLine) return EXIT.usage;
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const exits = new Set((errors.length > 0 ? errors : error.diagnostics).map((d) => EXIT_BY_CODE[d.code] ?? EXIT.invalid));
  return exits.size === 1 ? [...exits][0]! : EXIT.invalid;
}

/**
 * The flag of each option a stage's message may name (the window's start, a data source, the query
 * deadline, …): every command passes these as `optionNames`, so that its messages say `--since`
 * where a library caller reads `since`.
 */
export const CLI_OPTION_NAMES: OptionNames = {
  since: '--since',
  until: '--until',
  baseline: '--baseline',
  zone: '--timezone',
  logs: '--logs',
  metricFiles: '--metrics',
  prometheus: '--prometheus',
  changesFile: '--changes',
  deadlineMs: '--timeout',
  stepSeconds: '--step',
  allowOutsidePaths: '--allow-outside-paths',
};

/** For each engine limit, the hints to try in order: the first whose options the command has. */
const LIMIT_HINTS: Readonly<Record<EngineLimit, readonly { readonly options: readonly string[]; readonly hint: string }[]>> = {
  'bdd-nodes': [
    { options: ['--max-bdd-nodes'], hint: 'raise the limit (--max-bdd-nodes) if memory allows, about 36 bytes a node; cut sets and importance need this diagram too' },
    { options: [], hint: 'ftree analyze takes a higher limit (--max-bdd-nodes) if memory allows, about 36 bytes a node' },
  ],
  'bdd-memo': [],
  'zbdd-nodes': [
    { options: ['--max-order', '--cutoff'], hint: 'lower the order limit (--max-order) or raise the probability cut-off (--cutoff)' },
    { options: ['--max-order'], hint: 'lower the order limit (--max-order)' },
  ],
  'zbdd-steps': [
    { options: ['--max-order', '--cutoff'], hint: 'lower the order limit (--max-order) or raise the probability cut-off (--cutoff)' },
    { options: ['--max-order'], hint: 'lower the order limit (--max-order)' },
  ],
};

/** For error codes whose remedy is a command-line option: the hint, when the command has it. */
const CODE_HINTS: Readonly<Partial<Record<ErrorCode, { readonly options: readonly string[]; readonly hint: string }>>> = {
  AMBIGUOUS_TOP: { options: ['--top-event'], hint: 'choose one with --top-event <id>' },
};

/**
 * The failure as the user sees it: an engine limit gets the hint that names the option of the
 * running command (`hasOption`) that changes it, and so does an error whose remedy is an option
 * (CODE_HINTS); a hint the stage gave stays.
 */
export function withOptionHints(error: FtreeError, hasOption: (flag: string) => boolean): FtreeError {
  const limitHint = error instanceof EngineLimitError ? LIMIT_HINTS[error.limit].find((h) => h.options.every(hasOption))?.hint : undefined;
  const hintOf = (d: Diagnostic): string | undefined => {
    if (limitHint !== undefined) return limitHint;
    const c = CODE_HINTS[d.code];
    return c !== undefined && c.options.every(hasOption) ? c.hint : undefined;
  };
  let changed = false;
  const diagnostics: Diagnostic[] = error.diagnostics.map((d) => {
    const hint = d.hint === undefined ? hintOf(d) : undefined;
    if (hint === undefined) return d;
    changed = true;
    return { ...d, hint };
  });
  return changed ? new FtreeError(diagnostics, { sources: error.sources }) : error;
}
