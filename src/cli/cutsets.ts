// `ftree cutsets`: minimal cut sets (or prime implicants) of a tree (cli stage).
// load → compile and build the BDD → exact P(top) → cut sets in a ZBDD → approximations → render or stream.

import { withStepStatus } from './step-status.js';
import { terminalWidth } from './terminal-width.js';
import {
  approximateTopProbability,
  compileProbabilityModel,
  computeMinimalCutSets,
  computeTopProbability,
  selectTopCutSets,
  sortCutSets,
  summarizeCutSets,
  type CutSet,
  type CutSetList,
} from '../engine/index.js';
import { EXIT } from './error-table.js';
import { renderCutSetsCsv } from '../report/cut-sets-csv.js';
import { renderCutSetsJson } from '../report/cut-sets-json.js';
import type { CutSetsReport } from '../report/cut-sets-report.js';
import { renderCutSetsText } from '../report/cut-sets-text.js';
import { loadEngineInput, type EngineInputOptions } from './load-engine-input.js';
import { openOutputStream } from './open-output-stream.js';
import { isStandardOutput } from './write-output.js';
import { chalkFor } from './output.js';
import { parseCount, parseProbabilityOption } from './parse-options.js';
import { nowMs } from '../model/clock.js';

export interface CutsetsOptions extends EngineInputOptions {
  readonly format: 'text' | 'json' | 'csv';
  readonly maxOrder?: string;
  readonly cutoff?: string;
  readonly limit?: string;
  readonly primeImplicants?: boolean;
  readonly output?: string;
  readonly force?: boolean;
  readonly maxBddNodes?: string;
}

/** SCRAM's default order limit: cut sets of more than 20 events are not computed unless asked. */
export const DEFAULT_MAX_ORDER = 20;

/** Families up to this size are sorted by probability for JSON and CSV; larger ones stream unsorted. */
export const SORT_LIMIT = 10_000_000;

export async function runCutsets(files: readonly string[], options: CutsetsOptions): Promise<number> {
  const maxOrder = options.maxOrder === undefined ? DEFAULT_MAX_ORDER : parseCount(options.maxOrder, '--max-order', true);
  const cutoff = options.cutoff === undefined ? 0 : parseProbabilityOption(options.cutoff, '--cutoff');
  const limit = options.limit === undefined ? undefined : parseCount(options.limit, '--limit', true);
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseCount(options.maxBddNodes, '--max-bdd-nodes');
  const { tree, warnings } = await loadEngineInput(files, options);
  // Open the output before the analysis, so that a refused file costs nothing.
  const out = options.format === 'text' && isStandardOutput(options.output) ? undefined : await openOutputStream(options.output, { force: options.force === true });
  try {
    const start = nowMs();
    const { pTop, family } = await withStepStatus(`${options.primeImplicants === true ? 'prime implicants' : 'minimal cut sets'} of ${tree.events.size} events`, () => {
      const model = compileProbabilityModel(tree, maxNodes === undefined ? {} : { maxNodes });
      return { pTop: computeTopProbability(model), family: computeMinimalCutSets(model, { ...(maxOrder === 0 ? {} : { maxOrder }), cutoff, primeImplicants: options.primeImplicants === true }) };
    });
    const summary = summarizeCutSets(family);
    const total = summary.total;
    const text = options.format === 'text';
    // Text shows a table of the most probable sets; JSON and CSV stream them all (or the first --limit).
    let top: CutSet[] = [];
    let sorted: CutSetList | undefined;
    if (text) top = selectTopCutSets(family, limit === undefined ? 20 : limit === 0 ? total : limit);
    else if (limit !== undefined && limit > 0) sorted = listOf(selectTopCutSets(family, limit));
    else if (total <= SORT_LIMIT) sorted = sortCutSets(family, summary);
    const approximations = approximateTopProbability(family, pTop, { summary, ...listedProbabilities(sorted, total) });
    const report: CutSetsReport = {
      tree,
      pTop,
      family,
      approximations,
      sorted,
      top,
      limit: limit === 0 ? undefined : limit,
      warnings,
      seconds: (nowMs() - start) / 1000,
    };
    if (text) {
      const rendered = renderCutSetsText(report, { chalk: chalkFor(process.stdout, options.color !== false && out === undefined), width: terminalWidth() });
      if (out === undefined) process.stdout.write(`${rendered}\n`);
      else await out.write(`${rendered}\n`);
    } else {
      if (report.sorted === undefined) {
        process.stderr.write(`ftree: ${total.toLocaleString('en-US')} sets are more than ${SORT_LIMIT.toLocaleString('en-US')}: they are listed unsorted, in the order of the diagram\n`);
      }
      const chunks = options.format === 'json' ? renderCutSetsJson(report) : renderCutSetsCsv(report);
      for (const chunk of chunks) await out!.write(chunk);
    }
    await out?.finish();
  } catch (e) {
    await out?.abort();
    throw e;
  }
  return EXIT.ok;
}

/**
 * A complete sorted list already holds the probability of every set (grouped by distinct value):
 * the MCUB then need not list the sets again.
 */
function listedProbabilities(sorted: CutSetList | undefined, total: number): { probabilities?: Float64Array; counts?: Float64Array } {
  if (sorted === undefined || sorted.count !== total) return {};
  const { distinctProbabilities, distinctCounts } = sorted;
  if (distinctProbabilities !== undefined && distinctCounts !== undefined) return { probabilities: distinctProbabilities, counts: distinctCounts };
  return { probabilities: sorted.probabilities };
}

/** The few most probable sets (already selected) in the flat, sorted form of `sortCutSets`. */
function listOf(sets: readonly CutSet[]): CutSetList {
  const offsets = new Int32Array(sets.length + 1);
  sets.forEach((s, i) => (offsets[i + 1] = offsets[i]! + s.literals.length));
  const literals = new Int32Array(offsets[sets.length]!);
  sets.forEach((s, i) => literals.set(s.literals, offsets[i]!));
  return {
    count: sets.length,
    literals,
    offsets,
    probabilities: Float64Array.from(sets, (s) => s.probability),
    sorted: Uint32Array.from(sets, (_, i) => i),
    tiesById: true,
  };
}
