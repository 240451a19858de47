// Loads Open-PSA MEF XML files into the validated FaultTree (parse stage entry point).
// Several files form one model (e.g. a tree and its basic-event data); includes (<include file>
// and XInclude) are read in place, relative to the including file, once each, refusing cycles.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { INPUT_LIMITS, InputFileError, isInsideFolder, readInputFileSync, treeFolderOf, type ReadModelFile } from '../../model/read-input-file.js';
import { capDiagnostics, FtreeError, hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import type { FaultTree } from '../../model/fault-tree.js';
import type { SourceSpan } from '../../model/source-span.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../../model/option-names.js';
import { buildMefModel, type BuildMefModelOptions } from './build-mef-model.js';
import { mefError } from './mef-diagnostic.js';
import { createRawMefModel, type RawMefModel } from './mef-raw.js';
import { readMefFile } from './read-mef-file.js';

/** Files deep an include chain may go (each level is a nested parse: a chain of 800 would overflow the stack). */
export const MAX_INCLUDE_DEPTH = 64;

export interface LoadMefOptions extends ReadMefModelOptions {
  /** Receives warnings (e.g. uncertainty that the model cannot carry); they never stop loading. */
  readonly onWarning?: (warning: Diagnostic) => void;
}

export interface ReadMefModelOptions extends BuildMefModelOptions {
  /** Follow includes to files outside the folder of the file named first; refused by default. */
  readonly allowOutsidePaths?: boolean;
  /** Largest file read, in bytes (default INPUT_LIMITS.mefBytes). */
  readonly maxFileBytes?: number;
  /** Reads each file (default readInputFileSync: regular files only, up to the size cap). */
  readonly readFile?: ReadModelFile;
  /** How hints name the allowOutsidePaths option (default: its key). */
  readonly optionNames?: OptionNames;
}

export interface MefModelResult {
  /** The model, when there is no error. */
  readonly tree?: FaultTree;
  /** Errors (sorted by position) and warnings (in the order found) of the loading. */
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Every file read into the model, includes too, in reading order. */
  readonly files: readonly string[];
  /** The texts of the files a diagnostic points into, for caret snippets (models run to tens of MiB). */
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Reads the files as one MEF model and builds the fault tree. Never throws for bad input: the
 * schema-level problems of all files come first; the semantic checks run once those are clean.
 */
export function readMefModel(files: readonly string[], options: ReadMefModelOptions = {}): MefModelResult {
  const raw = createRawMefModel();
  const missing: Diagnostic[] = [];
  const loaded = new Set<string>();
  const chain: string[] = [];
  const texts = new Map<string, string>();
  const readFile = options.readFile ?? readInputFileSync;

  const maxBytes = options.maxFileBytes ?? INPUT_LIMITS.mefBytes;
  const readInto = (file: string, folder: string | undefined, includedAt?: SourceSpan): void => {
    if (includedAt && folder !== undefined && !isInsideFolder(file, folder)) {
      // Refused before reading, so that no error can show a line of a file outside the model's folder.
      raw.diagnostics.push(mefError('PATH_OUTSIDE_TREE', `Include of ${file}, outside the model's folder ${folder}`, includedAt, `a model may include files in its own folder and below; for a trusted layout, run with ${(options.optionNames ?? LIBRARY_OPTION_NAMES).allowOutsidePaths}`));
      return;
    }
    let text: string;
    try {
      text = readFile(file, maxBytes).toString('utf8');
    } catch (e) {
      const reason = e instanceof InputFileError ? e.message : ((e as Error).message ?? String(e));
      if (includedAt) raw.diagnostics.push(mefError('MEF_INCLUDE', `Cannot read included file: ${file} (${reason})`, includedAt, 'the path is relative to the including file'));
      else missing.push(mefError('FILE_UNREADABLE', `Cannot read file: ${file} (${reason})`));
      return;
    }
    const real = realPathOrSame(file);
    if (chain.includes(real)) {
      const names = [...chain.slice(chain.indexOf(real)), real].map((p) => p.slice(p.lastIndexOf('/') + 1));
      raw.diagnostics.push(mefError('MEF_INCLUDE_CYCLE', `File includes itself: ${names.join(' -> ')}`, includedAt, 'remove the include that closes the cycle'));
      return;
    }
    if (loaded.has(real)) return; // Already part of the model (given twice, or included twice).
    if (chain.length >= MAX_INCLUDE_DEPTH) {
      raw.diagnostics.push(mefError('MEF_INCLUDE', `Includes nested deeper than ${MAX_INCLUDE_DEPTH} files: ${file}`, includedAt, 'include the files from fewer levels'));
      return;
    }
    loaded.add(real);
    raw.files.push(file);
    texts.set(file, text);
    chain.push(real);
    readMefFile(text, file, raw, {
      include: (href, span) => readInto(isAbsolute(href) ? href : join(dirname(file), href), folder, span),
    });
    chain.pop();
  };
  if (files.length === 0) missing.push(mefError('FILE_UNREADABLE', 'No input file given'));
  for (const file of files) readInto(file, options.allowOutsidePaths ? undefined : treeFolderOf(file));
  const result = missing.length > 0 ? { errors: missing, warnings: [] } : buildFromRaw(raw, options);
  const pointedAt = new Set([...result.errors, ...result.warnings].flatMap((d) => (d.span ? [d.span.file] : [])));
  return {
    ...result,
    files: raw.files,
    sources: new Map([...texts].filter(([file]) => pointedAt.has(file))),
  };
}

/** Reads the files as one MEF model; throws FtreeError with every problem found. */
export async function loadMef(files: readonly string[], options: LoadMefOptions = {}): Promise<FaultTree> {
  return loadMefSync(files, options);
}

/** Synchronous loadMef. */
export function loadMefSync(files: readonly string[], options: LoadMefOptions = {}): FaultTree {
  const result = readMefModel(files, options);
  return treeOrThrow(result, options);
}

/** Loads MEF from text (tests, stdin); includes are resolved relative to `file`. Throws as loadMef. */
export function parseMefText(text: string, file = '<input>.xml', options: LoadMefOptions = {}): FaultTree {
  const raw = createRawMefModel();
  raw.files.push(file);
  readMefFile(text, file, raw, {
    include: (href, span) => {
      raw.diagnostics.push(mefError('MEF_UNSUPPORTED', `Include in text input: ${href}`, span, 'load the model from files with loadMef to follow includes'));
    },
  });
  return treeOrThrow(buildFromRaw(raw, options), options);
}

function buildFromRaw(raw: RawMefModel, options: BuildMefModelOptions): { tree?: FaultTree; errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] } {
  if (hasErrors(raw.diagnostics)) return { errors: capDiagnostics(sortDiagnostics(raw.diagnostics)), warnings: [] };
  const { tree, diagnostics, warnings } = buildMefModel(raw, options);
  if (hasErrors(diagnostics)) return { errors: capDiagnostics(sortDiagnostics(diagnostics)), warnings };
  if (!tree) throw new Error('buildMefModel returned neither a tree nor an error');
  return { tree, errors: [], warnings };
}

/** The throwing contract of loadMef: warnings to `onWarning`, errors as one FtreeError. */
function treeOrThrow(result: { tree?: FaultTree; errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] }, options: LoadMefOptions): FaultTree {
  if (options.onWarning) for (const warning of result.warnings) options.onWarning(warning);
  if (!result.tree) throw new FtreeError(result.errors);
  return result.tree;
}

/** The real path of a file just read (so that one file reached by two names is read once); the path itself when it has none. */
function realPathOrSame(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}
