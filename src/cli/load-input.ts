// Loads the tree a command works on (cli stage): a YAML tree file, Open-PSA MEF XML files
// (several files form one model), or a Galileo .dft file (its static subset). Invalid input ends the command with its diagnostics (exit 1).

import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import type { ReadModelFile } from '../model/read-input-file.js';
import { loadModel, modelFormatOf } from '../parse/load-model.js';
import { CLI_OPTION_NAMES } from './error-table.js';
import { printWarnings } from './output.js';

export interface LoadedInput {
  readonly tree: FaultTree;
  readonly warnings: readonly Diagnostic[];
}

export interface LoadInputOptions {
  readonly color: boolean;
  /** Gate (or event) to analyse as the top event instead of the model's own. */
  readonly top?: string;
  /** Open-PSA MEF and Galileo only: the system mission time in hours (YAML trees carry `mission_time`). */
  readonly missionTime?: number;
  /** Print warnings on stderr (default true). */
  readonly printWarnings?: boolean;
  /** Follow transfers and includes outside the tree's folder (`--allow-outside-paths`). */
  readonly allowOutsidePaths?: boolean | undefined;
  /** Reads the model's files (default: from the file system, with the input-file policy). */
  readonly readFile?: ReadModelFile;
}

export async function loadInput(files: readonly string[], options: LoadInputOptions): Promise<LoadedInput> {
  const mef = files.filter((f) => modelFormatOf(f) === 'mef');
  if (mef.length > 0 && mef.length !== files.length) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: 'Give either one YAML tree or Open-PSA MEF XML files, not both' });
  }
  if (mef.length === 0 && files.length !== 1) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: `Give one YAML tree file, not ${files.length}`, hint: 'several files form one model only for Open-PSA MEF XML' });
  }
  if (options.missionTime !== undefined && modelFormatOf(files[0]!) === 'yaml') {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: '--mission-time applies to Open-PSA MEF models', hint: 'a YAML tree sets `mission_time:` in the file' });
  }
  const result = await loadModel(files, {
    allowOutsidePaths: options.allowOutsidePaths === true,
    optionNames: CLI_OPTION_NAMES,
    ...(options.top !== undefined ? { top: options.top } : {}),
    ...(options.missionTime !== undefined ? { missionTime: options.missionTime } : {}),
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // An id given on the command line (--top-event) that the model lacks is a usage error, as a bad flag value.
  const badTopOption = options.top !== undefined && errors.length > 0 && errors.every((d) => (d.code === 'UNKNOWN_TOP' || d.code === 'INVALID_TOP') && d.span === undefined);
  if (!result.tree || errors.length > 0) {
    throw new FtreeError(result.diagnostics, { sources: result.sources, fromCommandLine: badTopOption });
  }
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (options.printWarnings !== false) printWarnings(warnings, result.sources, options.color);
  return { tree: result.tree, warnings };
}
