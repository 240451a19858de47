// `ftree analyze`: exact analysis of a tree (cli stage).
// load (YAML or MEF) → (the tree at --at) → compile and build the BDD → P(top), P(x|T), Birnbaum
// → cut sets: single points of failure, rare-event and MCUB approximations → render.

import { analyzeCutSets, analyzeProbability } from '../engine/index.js';
import { EXIT, FtreeError } from '../model/diagnostic.js';
import { treeAtTime } from '../model/tree-at-time.js';
import { parseDuration } from '../model/units.js';
import { analysisToJson } from '../report/analysis-json.js';
import { renderAnalysisText } from '../report/analysis-text.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './main.js';
import { chalkFor } from './output.js';

export interface AnalyzeOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
  readonly limit?: string;
  readonly topEvent?: string;
  readonly missionTime?: string;
  readonly maxBddNodes?: string;
  /** Analyse the tree at this time instead of its mission time. */
  readonly at?: string;
}

export async function runAnalyze(files: readonly string[], options: AnalyzeOptions): Promise<number> {
  const loaded = await loadInput(files, {
    color: options.color !== false,
    ...(options.topEvent !== undefined ? { top: options.topEvent } : {}),
    ...(options.missionTime !== undefined ? { missionTime: parseMissionTime(options.missionTime) } : {}),
  });
  const tree = options.at === undefined ? loaded.tree : treeAtTime(loaded.tree, parseTime(options.at, '--at'));
  const warnings = loaded.warnings;
  const maxNodes = options.maxBddNodes === undefined ? undefined : parsePositiveInteger(options.maxBddNodes, '--max-bdd-nodes');
  const analysis = analyzeProbability(tree, maxNodes === undefined ? {} : { maxNodes });
  const cutSets = analyzeCutSets(analysis.model, analysis.pTop);
  const report = { tree, analysis, cutSets, warnings };
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(analysisToJson(report), null, 2)}\n`);
  } else {
    const limit = options.limit === undefined ? 20 : parsePositiveInteger(options.limit, '--limit', true);
    const text = renderAnalysisText(report, {
      chalk: chalkFor(process.stdout, options.color !== false),
      ...(limit === 0 ? {} : { limit }),
      width: process.stdout.columns ?? 80,
    });
    process.stdout.write(`${text}\n`);
  }
  return EXIT.ok;
}

function parsePositiveInteger(value: string, flag: string, zeroAllowed = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) {
    throw usageError(`${flag} takes a whole number${zeroAllowed ? '' : ' above 0'}, not "${value}"`);
  }
  return n;
}

function parseMissionTime(value: string): number {
  return parseTime(value, '--mission-time');
}

function parseTime(value: string, flag: string): number {
  const r = parseDuration(value);
  if (!r.ok || r.value <= 0) throw usageError(`${flag} takes a positive duration such as 24h or 1y, not "${value}"`);
  return r.value;
}

function usageError(message: string): FtreeError {
  return new FtreeError({ code: 'USAGE', severity: 'error', message }, EXIT.usage);
}
