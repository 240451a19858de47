// `ftree uncertainty`: Monte Carlo uncertainty analysis of a tree (cli stage).
// load (YAML or MEF) → compile the BDD → draw the inputs and evaluate P(top) per trial → statistics,
// tornado and Birnbaum importance → render.

import { analyzeUncertainty, DEFAULT_SEED, DEFAULT_TRIALS } from '../engine/index.js';
import { EXIT } from './error-table.js';
import { uncertaintyToJson } from '../report/uncertainty-json.js';
import { renderUncertaintyText } from '../report/uncertainty-text.js';
import { loadEngineInput, type EngineInputOptions } from './load-engine-input.js';
import { chalkFor } from './output.js';
import { createProgressBar } from './progress-bar.js';
import { parseIntegerInRange } from './parse-options.js';

export interface UncertaintyCommandOptions extends EngineInputOptions {
  readonly format: 'text' | 'json';
  readonly trials?: string;
  readonly seed?: string;
  readonly lhs?: boolean;
  readonly workers?: string;
  readonly bins?: string;
  readonly limit?: string;
  readonly sensitivity?: boolean;
  readonly maxBddNodes?: string;
}

/** Most worker threads --workers accepts. */
const MAX_WORKERS = 64;

export async function runUncertainty(files: readonly string[], options: UncertaintyCommandOptions): Promise<number> {
  // Samples are kept (8 bytes each, and a sorted copy): 10^8 trials take 1.6 GB.
  const trials = options.trials === undefined ? DEFAULT_TRIALS : parseIntegerInRange(options.trials, '--trials', 1, 1e8);
  const seed = options.seed === undefined ? DEFAULT_SEED : parseIntegerInRange(options.seed, '--seed', 0, 0xffffffff);
  const workers = options.workers === undefined || options.workers === 'auto' ? 'auto' : parseIntegerInRange(options.workers, '--workers', 1, MAX_WORKERS);
  const bins = options.bins === undefined ? 20 : parseIntegerInRange(options.bins, '--bins', 1, 200);
  const limit = options.limit === undefined ? 10 : parseIntegerInRange(options.limit, '--limit', 0, 1e9);
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseIntegerInRange(options.maxBddNodes, '--max-bdd-nodes', 1, 2 ** 31 - 1);
  const { tree, warnings } = await loadEngineInput(files, options);
  const progress = createProgressBar(process.stderr, 'trials');
  const analysis = await analyzeUncertainty(tree, {
    trials,
    seed,
    latinHypercube: options.lhs === true,
    workers,
    bins,
    sensitivity: options.sensitivity !== false,
    onProgress: (done, total) => progress.update(done, total),
    ...(maxNodes === undefined ? {} : { maxNodes }),
  });
  progress.finish();
  const report = { tree, analysis, warnings };
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(uncertaintyToJson(report), null, 2)}\n`);
  else process.stdout.write(`${renderUncertaintyText(report, { chalk: chalkFor(process.stdout, options.color !== false), limit })}\n`);
  return EXIT.ok;
}
