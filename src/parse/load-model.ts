// Loads a fault-tree model whatever its format (parse stage): a YAML tree and the files its
// transfers name, Open-PSA MEF XML files (several form one model; includes are followed), or a
// Galileo .dft file. The format comes from the file names; every format ends in the same gate-graph
// check (model/check-gate-graph.ts). Never throws for bad input: problems come back as diagnostics.

import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { INPUT_LIMITS, InputFileError, readInputFileSync, type ReadModelFile } from '../model/read-input-file.js';
import type { OptionNames } from '../model/option-names.js';
import { loadTree } from './yaml/load-tree.js';

export type ModelFormat = 'yaml' | 'mef' | 'galileo';

const MEF_FILE = /\.(xml|opsa)$/i;
const GALILEO_FILE = /\.dft$/i;

/** The format of a model file, from its name: `.xml`/`.opsa` MEF, `.dft` Galileo, anything else YAML. */
export function modelFormatOf(file: string): ModelFormat {
  return MEF_FILE.test(file) ? 'mef' : GALILEO_FILE.test(file) ? 'galileo' : 'yaml';
}

/** Files as models: Open-PSA MEF files named together form one model (a tree and its data); every other file is one. */
export function groupModelFiles(files: readonly string[]): string[][] {
  const mef = files.filter((f) => modelFormatOf(f) === 'mef');
  return [...files.filter((f) => modelFormatOf(f) !== 'mef').map((f) => [f]), ...(mef.length > 0 ? [mef] : [])];
}

export interface LoadModelOptions {
  /** Analyse this gate (or event) as the top event: the model is the subtree below it. */
  readonly top?: string;
  /** MEF and Galileo: the mission time in hours (a YAML tree sets its own `mission_time:`). */
  readonly missionTime?: number;
  /** Follow transfers and includes to files outside the folder of the first file; refused by default. */
  readonly allowOutsidePaths?: boolean;
  /** Reads each file (default readInputFileSync: regular files only, up to the size cap of the format). */
  readonly readFile?: ReadModelFile;
  /** How hints name the allowOutsidePaths option (default: its key; the CLI passes its flags). */
  readonly optionNames?: OptionNames;
}

export interface LoadModelResult {
  readonly format: ModelFormat;
  /** The model, when there is no error (warnings allowed). */
  readonly tree?: FaultTree;
  /** Errors and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, transfers and includes too, in reading order. */
  readonly files: readonly string[];
  /** The texts of the files read (MEF: of those a diagnostic points into), by path as reported, for caret snippets. */
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Loads one model: one YAML or Galileo file, or one or more MEF files (groupModelFiles makes the
 * groups). Files of several formats together are a mistake of the caller.
 */
export async function loadModel(files: readonly string[], options: LoadModelOptions = {}): Promise<LoadModelResult> {
  const format = files.length > 0 ? modelFormatOf(files[0]!) : 'mef';
  if (files.some((f) => modelFormatOf(f) !== format) || (format !== 'mef' && files.length !== 1)) {
    throw new RangeError(`loadModel takes one YAML or Galileo file or MEF files only, not: ${files.join(', ')}`);
  }
  const readFile = options.readFile ?? readInputFileSync;
  const top = options.top !== undefined ? { top: options.top } : {};
  const missionTime = options.missionTime !== undefined ? { missionTime: options.missionTime } : {};
  const allowOutsidePaths = options.allowOutsidePaths === true;
  const optionNames = options.optionNames !== undefined ? { optionNames: options.optionNames } : {};
  switch (format) {
    case 'yaml': {
      const r = await loadTree(files[0]!, { ...top, allowOutsidePaths, readFile, ...optionNames });
      return { format, ...(r.tree ? { tree: r.tree } : {}), diagnostics: r.diagnostics, files: [...r.sources.keys()], sources: r.sources };
    }
    case 'mef': {
      // The MEF and Galileo readers load only when a command reads such a model (start-up time).
      const { readMefModel } = await import('./mef/load-mef.js');
      const r = readMefModel(files, { ...top, ...missionTime, allowOutsidePaths, readFile, ...optionNames });
      return { format, ...(r.tree ? { tree: r.tree } : {}), diagnostics: [...r.errors, ...r.warnings], files: r.files, sources: r.sources };
    }
    case 'galileo':
      return loadGalileoFile(files[0]!, { ...top, ...missionTime }, readFile);
  }
}

async function loadGalileoFile(file: string, options: { top?: string; missionTime?: number }, readFile: ReadModelFile): Promise<LoadModelResult> {
  let text: string;
  try {
    text = readFile(file, INPUT_LIMITS.treeBytes).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    return { format: 'galileo', diagnostics: [{ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${file}: ${e.message}` }], files: [], sources: new Map() };
  }
  const { readGalileoText } = await import('./galileo/load-galileo.js');
  const r = readGalileoText(text, file, options);
  return { format: 'galileo', ...(r.tree ? { tree: r.tree } : {}), diagnostics: [...r.errors, ...r.warnings], files: [file], sources: new Map([[file, text]]) };
}
