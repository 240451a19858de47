// `ftree import`: an Open-PSA MEF model → a tree in ftree's YAML format (cli stage).
// load MEF → export YAML → write (never over an existing file without --force).

import { EXIT, FtreeError } from '../model/diagnostic.js';
import { exportYaml } from '../report/yaml-export.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './main.js';
import { writeOutputFile } from './write-output.js';

export interface ImportOptions extends GlobalOptions {
  readonly output?: string;
  readonly force?: boolean;
  readonly schema?: string;
}

export async function runImport(files: readonly string[], options: ImportOptions): Promise<number> {
  if (files.some((f) => !/\.(xml|opsa)$/i.test(f))) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: 'ftree import reads Open-PSA MEF XML files (*.xml)', hint: 'YAML trees need no import: use them directly' }, EXIT.usage);
  }
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false });
  const yaml = exportYaml(tree, options.schema === undefined ? {} : { schema: options.schema });
  if (options.output === undefined || options.output === '-') {
    process.stdout.write(yaml);
  } else {
    await writeOutputFile(options.output, yaml, { force: options.force === true });
    process.stderr.write(`Wrote ${options.output}: ${tree.gates.size} gates, ${tree.events.size} basic events\n`);
  }
  return EXIT.ok;
}
