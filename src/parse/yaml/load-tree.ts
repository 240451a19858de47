// Loads a tree file and the files it transfers into, and builds the validated model
// (parse stage: parse → read declarations → build model). Never throws for bad input: problems come back as diagnostics.

import { resolve } from 'node:path';
import { parseYamlTree } from './parse-yaml-tree.js';
import { buildModel } from './build-model.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { capDiagnostics, sortDiagnostics } from '../../model/diagnostic.js';
import type { FaultTree } from '../../model/fault-tree.js';
import { RawReader } from './raw-reader.js';
import { formatMiB, INPUT_LIMITS, InputFileError, isInsideFolder, readInputFileSync, treeFolderOf, type ReadModelFile } from '../../model/read-input-file.js';
import { readDeclarations, type FileDeclarations } from './read-declarations.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../../model/option-names.js';

/** Largest tree file read, in bytes. */
export const MAX_FILE_BYTES = INPUT_LIMITS.treeBytes;

export interface LoadTreeOptions {
  readonly maxFileBytes?: number;
  /** Follow transfers to files outside the tree's own folder (a trusted layout); refused by default. */
  readonly allowOutsidePaths?: boolean;
  /** Analyse this gate (or event) as the top event: the model is the subtree below it. */
  readonly top?: string;
  /** Reads each file (default readInputFileSync: regular files only, up to the size cap). */
  readonly readFile?: ReadModelFile;
  /** How hints name the allowOutsidePaths option (default: its key). */
  readonly optionNames?: OptionNames;
}

export interface LoadTreeResult {
  /** The model, when the tree has no errors (warnings allowed). */
  readonly tree?: FaultTree;
  /** Errors and warnings, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, for caret snippets. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Loads `path` (relative paths are reported as given; transfers are resolved from the file's folder). */
export async function loadTree(path: string, options: LoadTreeOptions = {}): Promise<LoadTreeResult> {
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const reader = new RawReader();
  const sources = new Map<string, string>();
  const decls: FileDeclarations[] = [];
  const failed = new Set<string>();

  const queue: { file: string; from?: { span: Diagnostic['span']; id: string } }[] = [{ file: path }];
  const seen = new Set<string>();
  const folder = options.allowOutsidePaths ? undefined : treeFolderOf(path);
  while (queue.length > 0) {
    const { file, from } = queue.shift()!;
    const key = resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    if (from && folder !== undefined && !isInsideFolder(file, folder)) {
      // Refused before reading, so that no error can show a line of a file outside the tree.
      reader.report('PATH_OUTSIDE_TREE', `The transfer "${from.id}" points to ${file}, outside the tree's folder ${folder}`, from.span, `a tree may name files in its own folder and below; for a trusted layout, run with ${(options.optionNames ?? LIBRARY_OPTION_NAMES).allowOutsidePaths}`);
      failed.add(file);
      continue;
    }
    const text = readText(file, maxBytes, reader, options.readFile ?? readInputFileSync, from);
    if (text === undefined) {
      failed.add(file);
      continue;
    }
    sources.set(file, text);
    const parsed = parseYamlTree(text, file);
    reader.diagnostics.push(...parsed.diagnostics);
    if (!parsed.root) {
      failed.add(file);
      continue;
    }
    const d = readDeclarations(parsed.root, file, reader);
    decls.push(d);
    if (!d.isTree) failed.add(file);
    for (const t of d.transfers.values()) queue.push({ file: t.file, from: { span: t.fileSpan, id: t.id } });
  }
  const tree = decls.length > 0 && decls[0]!.isTree ? await buildModel(decls, reader, { failedFiles: failed, ...(options.top !== undefined ? { top: options.top } : {}) }) : undefined;
  const diagnostics = capDiagnostics(sortDiagnostics(reader.diagnostics));
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return { diagnostics, sources, ...(tree && !hasError ? { tree } : {}) };
}

function readText(shown: string, maxBytes: number, reader: RawReader, readFile: ReadModelFile, from?: { span: Diagnostic['span']; id: string }): string | undefined {
  const code = from ? 'TRANSFER_NOT_FOUND' : 'FILE_UNREADABLE';
  let buf: Buffer;
  try {
    buf = readFile(shown, maxBytes);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    if (e.reason === 'too-large') {
      reader.report('FILE_TOO_LARGE', `${shown} is ${formatMiB(e.size ?? maxBytes + 1)}, over the ${formatMiB(maxBytes)} limit for tree files`, from?.span ?? { file: shown, line: 1, col: 1, start: 0, end: 0 }, 'split the tree into files joined by transfers');
    } else if (e.reason === 'folder') {
      reader.report(code, `${shown} is a folder, not a tree file`, from?.span, 'name a .yaml file');
    } else {
      const reason = e.reason === 'missing' ? 'no such file' : e.message;
      const hint = !from ? undefined : e.reason === 'missing' ? 'the path is relative to the tree file that names it' : e.reason === 'special' ? 'a transfer names a regular tree file' : undefined;
      reader.report(code, from ? `The transfer "${from.id}" points to ${shown}: ${reason}` : `Cannot read ${shown}: ${reason}`, from?.span, hint);
    }
    return undefined;
  }
  if (buf.includes(0)) {
    reader.report('NOT_A_TREE', `${shown} is a binary file, not a tree`, from?.span ?? { file: shown, line: 1, col: 1, start: 0, end: 0 });
    return undefined;
  }
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}
