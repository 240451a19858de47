// Loads Open-PSA MEF XML files for a command (cli stage), with the warnings and, on failure, the
// diagnostics and file texts that `loadTree` gives for YAML, so both render the same way.

import { isFtreeError, type Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { INPUT_LIMITS, readInputFile } from '../model/read-input-file.js';
import { loadMef, type LoadMefOptions } from '../parse/mef/index.js';

export interface MefInputResult {
  readonly tree?: FaultTree;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

export async function loadMefInput(files: readonly string[], options: Pick<LoadMefOptions, 'top' | 'missionTime' | 'allowOutsidePaths'> = {}): Promise<MefInputResult> {
  const warnings: Diagnostic[] = [];
  try {
    const tree = await loadMef(files, { ...options, onWarning: (w) => warnings.push(w) });
    return { tree, diagnostics: warnings, sources: await readSources(warnings) };
  } catch (e) {
    if (!isFtreeError(e)) throw e;
    const diagnostics = [...e.diagnostics, ...warnings];
    return { diagnostics, sources: await readSources(diagnostics) };
  }
}

/** The texts of the files the diagnostics point into (for caret snippets). */
async function readSources(diagnostics: readonly Diagnostic[]): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of new Set(diagnostics.flatMap((d) => (d.span ? [d.span.file] : [])))) {
    try {
      sources.set(file, (await readInputFile(file, INPUT_LIMITS.mefBytes)).toString('utf8'));
    } catch {
      // A file that cannot be read again is shown without a snippet.
    }
  }
  return sources;
}
