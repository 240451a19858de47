// `ftree export`: a tree (YAML or MEF) → Open-PSA MEF XML, YAML, JSON, Mermaid or DOT (cli stage).
// load → render in the chosen format (report/export-formats.ts) → stdout or a file (never over an
// existing one without --force).

import { EXIT } from './error-table.js';
import { EXPORT_FORMATS, type ExportFormat } from '../report/export-formats.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { writeOutput } from './write-output.js';

export interface ExportOptions extends GlobalOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly force?: boolean;
}

export async function runExport(files: readonly string[], options: ExportOptions): Promise<number> {
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false });
  const text = (await EXPORT_FORMATS[options.format]())(tree);
  await writeOutput(options.output, text, { force: options.force === true });
  return EXIT.ok;
}
