// Loads Open-PSA MEF XML files into the validated FaultTree (parse stage entry point).
// Several files form one model (e.g. a tree and its basic-event data); includes (<include file>
// and XInclude) are read in place, relative to the including file, once each, refusing cycles.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { INPUT_LIMITS, InputFileError, isInsideFolder, readInputFileSync, treeFolderOf } from '../../model/read-input-file.js';
import { capDiagnostics, FtreeError, hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import type { FaultTree } from '../../model/fault-tree.js';
import type { SourceSpan } from '../../model/source-span.js';
import { buildMefModel, type BuildMefModelOptions } from './build-mef-model.js';
import { mefError } from './mef-diagnostic.js';
import { createRawMefModel, type RawMefModel } from './mef-raw.js';
import { readMefFile } from './read-mef-file.js';

/** Files deep an include chain may go (each level is a nested parse: a chain of 800 would overflow the stack). */
export const MAX_INCLUDE_DEPTH = 64;

export interface LoadMefOptions extends BuildMefModelOptions {
  /** Receives warnings (e.g. uncertainty that the model cannot carry); they never stop loading. */
  readonly onWarning?: (warning: Diagnostic) => void;
  /** Follow includes to files outside the folder of the file named on the command line; refused by default. */
  readonly allowOutsidePaths?: boolean;
  /** Largest file read, in bytes (default INPUT_LIMITS.mefBytes). */
  readonly maxFileBytes?: number;
}

/**
 * Reads the files as one MEF model and builds the fault tree. Throws FtreeError with every problem
 * found (schema-level problems of all files first; the semantic checks run once those are clean).
 */
export async function loadMef(files: readonly string[], options: LoadMefOptions = {}): Promise<FaultTree> {
  return loadMefSync(files, options);
}

/** Synchronous loadMef, for callers that read files synchronously anyway. */
export function loadMefSync(files: readonly string[], options: LoadMefOptions = {}): FaultTree {
  if (files.length === 0) throw new FtreeError(mefError('FILE_UNREADABLE', 'No input file given'));
  const raw = createRawMefModel();
  const missing: Diagnostic[] = [];
  const loaded = new Set<string>();
  const chain: string[] = [];

  const maxBytes = options.maxFileBytes ?? INPUT_LIMITS.mefBytes;
  const readInto = (file: string, folder: string | undefined, includedAt?: SourceSpan): void => {
    if (includedAt && folder !== undefined && !isInsideFolder(file, folder)) {
      // Refused before reading, so that no error can show a line of a file outside the model's folder.
      raw.diagnostics.push(mefError('PATH_OUTSIDE_TREE', `Include of ${file}, outside the model's folder ${folder}`, includedAt, 'a model may include files in its own folder and below; for a trusted layout, run with --allow-outside-paths'));
      return;
    }
    let text: string;
    let real: string;
    try {
      real = realpathSync(file);
      text = readInputFileSync(real, maxBytes).toString('utf8');
    } catch (e) {
      const reason = e instanceof InputFileError ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((e as Error).message ?? String(e));
      if (includedAt) raw.diagnostics.push(mefError('MEF_INCLUDE', `Cannot read included file: ${file} (${reason})`, includedAt, 'the path is relative to the including file'));
      else missing.push(mefError('FILE_UNREADABLE', `Cannot read file: ${file} (${reason})`));
      return;
    }
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
    chain.push(real);
    readMefFile(text, file, raw, {
      include: (href, span) => readInto(isAbsolute(href) ? href : join(dirname(file), href), folder, span),
    });
    chain.pop();
  };
  for (const file of files) readInto(file, options.allowOutsidePaths ? undefined : treeFolderOf(file));
  if (missing.length > 0) throw new FtreeError(missing);
  return buildFromRaw(raw, options);
}

/** Loads MEF from text (tests, stdin); includes are resolved relative to `file`. */
export function parseMefText(text: string, file = '<input>.xml', options: LoadMefOptions = {}): FaultTree {
  const raw = createRawMefModel();
  raw.files.push(file);
  readMefFile(text, file, raw, {
    include: (href, span) => {
      raw.diagnostics.push(mefError('MEF_UNSUPPORTED', `Include in text input: ${href}`, span, 'load the model from files with loadMef to follow includes'));
    },
  });
  return buildFromRaw(raw, options);
}

function buildFromRaw(raw: RawMefModel, options: LoadMefOptions): FaultTree {
  if (hasErrors(raw.diagnostics)) throw new FtreeError(capDiagnostics(sortDiagnostics(raw.diagnostics)));
  const { tree, diagnostics, warnings } = buildMefModel(raw, options);
  if (options.onWarning) for (const warning of warnings) options.onWarning(warning);
  if (hasErrors(diagnostics)) throw new FtreeError(capDiagnostics(sortDiagnostics(diagnostics)));
  if (!tree) throw new Error('buildMefModel returned neither a tree nor an error');
  return tree;
}
