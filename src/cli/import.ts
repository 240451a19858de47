// `ftree import`: an Open-PSA MEF model or a Galileo .dft file → a tree in ftree's YAML format
// (cli stage). load MEF or Galileo → export YAML → write (never over an existing file without --force).

import { FtreeError } from '../model/diagnostic.js';
import { modelFormatOf } from '../parse/load-model.js';
import { EXIT } from './error-table.js';
import { exportYaml } from '../report/yaml-export.js';
import { loadInput } from './load-input.js';
import { parseMissionTime } from './parse-options.js';
import type { GlobalOptions } from './global-options.js';
import { writeOutput } from './write-output.js';

export interface ImportOptions extends GlobalOptions {
  readonly output?: string;
  readonly force?: boolean;
  readonly schema?: string;
  readonly missionTime?: string;
}

export async function runImport(files: readonly string[], options: ImportOptions): Promise<number> {
  const galileo = files.length === 1 && modelFormatOf(files[0]!) === 'galileo';
  if (!galileo && files.some((f) => modelFormatOf(f) !== 'mef')) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: 'ftree import reads Open-PSA MEF XML files (*.xml) or one Galileo file (*.dft)', hint: 'YAML trees need no import: use them directly' });
  }
  const missionTime = options.missionTime !== undefined ? { missionTime: parseMissionTime(options.missionTime) } : {};
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false, ...missionTime });
  const yaml = exportYaml(tree, options.schema === undefined ? {} : { schema: options.schema });
  if (await writeOutput(options.output, yaml, { force: options.force === true })) {
    process.stderr.write(`Wrote ${options.output}: ${tree.gates.size} gates, ${tree.events.size} basic events\n`);
  }
  return EXIT.ok;
}
