// `ftree curve`: P(top) as a function of time (cli stage).
// load (YAML or MEF) → compile the BDD once → P(top) at each time → chart, table or JSON.

import { computeProbabilityCurve } from '../engine/index.js';
import { EXIT } from './error-table.js';
import { parseDuration } from '../model/units.js';
import { curveToJson } from '../report/curve-json.js';
import { renderCurveText } from '../report/curve-text.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { chalkFor } from './output.js';
import { parseIntegerInRange, usageError } from './parse-options.js';

export interface CurveOptions extends GlobalOptions {
  readonly format: 'text' | 'table' | 'plot' | 'json';
  readonly from?: string;
  readonly to?: string;
  readonly points?: string;
  readonly topEvent?: string;
  readonly missionTime?: string;
  readonly maxBddNodes?: string;
}

const MAX_POINTS = 100_000;

export async function runCurve(files: readonly string[], options: CurveOptions): Promise<number> {
  const from = options.from === undefined ? 0 : duration(options.from, '--from', true);
  const points = options.points === undefined ? 50 : parseIntegerInRange(options.points, '--points', 2, MAX_POINTS);
  const maxNodes = options.maxBddNodes === undefined ? undefined : parseIntegerInRange(options.maxBddNodes, '--max-bdd-nodes', 1, 2 ** 31 - 1);
  const { tree, warnings } = await loadInput(files, {
    allowOutsidePaths: options.allowOutsidePaths,
    color: options.color !== false,
    ...(options.topEvent !== undefined ? { top: options.topEvent } : {}),
    ...(options.missionTime !== undefined ? { missionTime: duration(options.missionTime, '--mission-time', false) } : {}),
  });
  const to = options.to === undefined ? tree.missionTime : duration(options.to, '--to', false);
  if (!(to > from)) throw usageError(`--to must be after --from: ${to} h is not after ${from} h`);
  const times = Array.from({ length: points }, (_, i) => (i === points - 1 ? to : from + ((to - from) * i) / (points - 1)));
  const curve = computeProbabilityCurve(tree, times, maxNodes === undefined ? {} : { maxNodes });
  const report = { tree, curve, warnings };
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(curveToJson(report), null, 2)}\n`);
  else {
    const show = options.format === 'table' ? 'table' : options.format === 'plot' ? 'plot' : 'both';
    process.stdout.write(`${renderCurveText(report, { chalk: chalkFor(process.stdout, options.color !== false), show })}\n`);
  }
  return EXIT.ok;
}

function duration(value: string, flag: string, zeroAllowed: boolean): number {
  const r = parseDuration(value);
  if (!r.ok || r.value < 0 || (!zeroAllowed && r.value === 0)) {
    throw usageError(`${flag} takes a ${zeroAllowed ? 'non-negative' : 'positive'} duration such as 24h, 30d or 1y (a bare number is hours), not "${value}"`);
  }
  return r.value;
}
