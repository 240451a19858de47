// `ftree importance`: importance measures of every basic event (cli stage).
// load → compile and build the BDD → P(T|x) in two sweeps, cut sets in a ZBDD → measures → render.

import { compileProbabilityModel, computeImportanceMeasures } from '../engine/index.js';
import { EXIT } from './error-table.js';
import { renderImportanceCsv } from '../report/importance-csv.js';
import { importanceToJson, type ImportanceReport, type ImportanceSort } from '../report/importance-json.js';
import { renderImportanceText } from '../report/importance-text.js';
import { loadEngineInput, type EngineInputOptions } from './load-engine-input.js';
import { chalkFor } from './output.js';
import { parseCount } from './parse-options.js';
import { isStandardOutput, writeOutput } from './write-output.js';
import { nowMs } from '../model/clock.js';

export interface ImportanceCommandOptions extends EngineInputOptions {
  readonly format: 'text' | 'json' | 'csv';
  readonly sort: ImportanceSort;
  readonly limit?: string;
  readonly output?: string;
  readonly force?: boolean;
  readonly maxBddNodes?: string;
}

export async function runImportance(files: readonly string[], options: ImportanceCommandOptions): Promise<number> {
  const limit = options.limit === undefined ? undefined : parseCount(options.limit, '--limit', true);
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseCount(options.maxBddNodes, '--max-bdd-nodes');
  const { tree, warnings } = await loadEngineInput(files, options);
  const start = nowMs();
  const model = compileProbabilityModel(tree, maxNodes === undefined ? {} : { maxNodes });
  const analysis = computeImportanceMeasures(model);
  const report: ImportanceReport = { tree, analysis, sort: options.sort, warnings, seconds: (nowMs() - start) / 1000 };
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify(importanceToJson(report), null, 2)}\n`;
  else if (options.format === 'csv') text = renderImportanceCsv(report);
  else {
    const chalk = chalkFor(process.stdout, options.color !== false && isStandardOutput(options.output));
    const shown = limit === undefined ? 20 : limit === 0 ? undefined : limit;
    text = `${renderImportanceText(report, { chalk, ...(shown !== undefined ? { limit: shown } : {})})}\n`;
  }
  await writeOutput(options.output, text, { force: options.force === true });
  return EXIT.ok;
}
