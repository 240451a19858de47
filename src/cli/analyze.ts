// `ftree analyze`: exact analysis of a tree (cli stage).
// load (YAML or MEF) → (the tree at --at) → compile and build the BDD → P(top), P(x|T), Birnbaum
// → cut sets: single points of failure, rare-event and MCUB approximations → render.

import { withStepStatus } from './step-status.js';
import { terminalWidth } from './terminal-width.js';
import { analyzeCutSets, analyzeProbability } from '../engine/index.js';
import { EXIT } from './error-table.js';
import { treeAtTime } from '../model/tree-at-time.js';
import { analysisToJson } from '../report/analysis-json.js';
import { renderAnalysisText } from '../report/analysis-text.js';
import { loadEngineInput, type EngineInputOptions } from './load-engine-input.js';
import { chalkFor } from './output.js';
import { parseCount, parsePositiveDuration } from './parse-options.js';

export interface AnalyzeOptions extends EngineInputOptions {
  readonly format: 'text' | 'json';
  readonly limit?: string;
  readonly maxBddNodes?: string;
  /** Analyse the tree at this time instead of its mission time. */
  readonly at?: string;
}

export async function runAnalyze(files: readonly string[], options: AnalyzeOptions): Promise<number> {
  const loaded = await loadEngineInput(files, options);
  const tree = options.at === undefined ? loaded.tree : treeAtTime(loaded.tree, parsePositiveDuration(options.at, '--at'));
  const warnings = loaded.warnings;
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseCount(options.maxBddNodes, '--max-bdd-nodes');
  const { analysis, cutSets } = await withStepStatus(`exact analysis of ${tree.events.size} events on the BDD`, () => {
    const analysis = analyzeProbability(tree, maxNodes === undefined ? {} : { maxNodes });
    return { analysis, cutSets: analyzeCutSets(analysis.model, analysis.pTop) };
  });
  const report = { tree, analysis, cutSets, warnings };
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(analysisToJson(report), null, 2)}\n`);
  } else {
    const limit = options.limit === undefined ? 20 : parseCount(options.limit, '--limit', true);
    const text = renderAnalysisText(report, {
      chalk: chalkFor(process.stdout, options.color !== false),
      ...(limit === 0 ? {} : { limit }),
      width: terminalWidth(),
    });
    process.stdout.write(`${text}\n`);
  }
  return EXIT.ok;
}
