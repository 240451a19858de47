// `ftree export`: a tree (YAML or MEF) → Open-PSA MEF XML, YAML or JSON (cli stage).
// load → render in the chosen format → stdout or a file (never over an existing one without --force).

import { EXIT } from '../model/diagnostic.js';
import { exportMef } from '../report/mef-export.js';
import { modelToJson } from '../report/model-json.js';
import { exportYaml } from '../report/yaml-export.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './main.js';
import { writeOutputFile } from './write-output.js';

export type ExportFormat = 'mef' | 'yaml' | 'json';

export interface ExportOptions extends GlobalOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly force?: boolean;
}

export async function runExport(files: readonly string[], options: ExportOptions): Promise<number> {
  const { tree } = await loadInput(files, { color: options.color !== false });
  const text =
    options.format === 'mef' ? exportMef(tree) : options.format === 'yaml' ? exportYaml(tree) : `${JSON.stringify(modelToJson(tree), null, 2)}\n`;
  if (options.output === undefined || options.output === '-') process.stdout.write(text);
  else await writeOutputFile(options.output, text, { force: options.force === true });
  return EXIT.ok;
}
