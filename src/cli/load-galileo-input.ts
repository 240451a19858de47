// Loads a Galileo .dft file for a command (cli stage), with its warnings and, on failure, the
// diagnostics and file text, in the shape loadMefInput gives so both render the same way.

import { isFtreeError, type Diagnostic } from '../model/diagnostic.js';
import { loadGalileo, type LoadGalileoOptions } from '../parse/galileo/load-galileo.js';
import type { MefInputResult } from './load-mef-input.js';

export async function loadGalileoInput(file: string, options: Pick<LoadGalileoOptions, 'top' | 'missionTime'> = {}): Promise<MefInputResult> {
  const warnings: Diagnostic[] = [];
  try {
    const tree = await loadGalileo(file, { ...options, onWarning: (w) => warnings.push(w) });
    return { tree, diagnostics: warnings, sources: new Map() };
  } catch (e) {
    if (!isFtreeError(e)) throw e;
    return { diagnostics: [...e.diagnostics, ...warnings], sources: e.sources };
  }
}
