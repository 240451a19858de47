// `ftree check`: CI budgets on trees (cli stage) — P(top) under a limit, no single point of failure,
// no event with a Birnbaum importance over a limit — from the command line or each tree's `budget:`.
// collect files → load each tree → analyse → check the limits → render (report/check-formats.ts).

import { hostname } from 'node:os';
import { analyzeProbability, findSinglePointsOfFailure } from '../engine/index.js';
import { checkBudgets, resolveBudgetLimits, type BudgetOverrides } from '../engine/check-budgets.js';
import { FtreeError, isFtreeError, type Diagnostic } from '../model/diagnostic.js';
import { groupModelFiles, loadModel, type LoadModelResult } from '../parse/load-model.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import type { SourceSpan } from '../model/source-span.js';
import { CHECK_FORMATS, type CheckFormat } from '../report/check-formats.js';
import { hasFailed, type CheckedTree, type CheckReport } from '../report/check-result.js';
import { VERSION } from '../version.js';
import { collectTreeFiles } from './collect-tree-files.js';
import type { GlobalOptions } from './global-options.js';
import { chalkFor } from './output.js';

export interface CheckOptions extends GlobalOptions {
  readonly format: CheckFormat;
  readonly maxProbability?: string;
  readonly maxImportance?: string;
  /** True when --no-single-points was given. */
  readonly noSinglePoints?: boolean;
}

export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<number> {
  const overrides: BudgetOverrides = {
    ...(options.maxProbability !== undefined ? { maxProbability: parseUnitInterval(options.maxProbability, '--max-probability') } : {}),
    ...(options.maxImportance !== undefined ? { maxImportance: parseUnitInterval(options.maxImportance, '--max-importance') } : {}),
    ...(options.noSinglePoints === true ? { singlePoints: false as const } : {}),
  };
  const all = await collectTreeFiles(paths);
  // Open-PSA MEF files named together form one model, as for `ftree validate`.
  const groups = groupModelFiles(all);
  const trees: CheckedTree[] = [];
  const sources = new Map<string, string>();
  for (const group of groups) {
    const loaded = await loadModel(group, { allowOutsidePaths: options.allowOutsidePaths === true, optionNames: CLI_OPTION_NAMES });
    for (const [k, v] of loaded.sources) sources.set(k, v);
    trees.push(checkTree(group.join(' + '), loaded, overrides));
  }
  const report: CheckReport = { trees, version: VERSION };
  const render = await CHECK_FORMATS[options.format]();
  const text = render(report, { chalk: chalkFor(process.stdout, options.color !== false), sources, now: new Date(), hostname: hostname(), cwd: process.cwd() });
  process.stdout.write(`${text}\n`);
  return trees.some(hasFailed) ? EXIT.invalid : EXIT.ok;
}

function checkTree(file: string, loaded: LoadModelResult, overrides: BudgetOverrides): CheckedTree {
  const { tree } = loaded;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!tree || diagnostics.some((d) => d.severity === 'error')) return { file, eventSpans: new Map(), diagnostics, checks: [] };
  const eventSpans = new Map<string, SourceSpan>();
  for (const e of tree.events.values()) if (e.span) eventSpans.set(e.id, e.span);
  const base = { file, name: tree.name, eventSpans, ...(tree.topSpan ? { topSpan: tree.topSpan } : tree.gates.get(tree.top)?.span ? { topSpan: tree.gates.get(tree.top)!.span! } : {}) };
  try {
    const analysis = analyzeProbability(tree);
    const limits = resolveBudgetLimits(tree, overrides);
    const checks = checkBudgets(analysis, limits, () => findSinglePointsOfFailure(analysis.model));
    return { ...base, diagnostics, pTop: analysis.pTop, checks };
  } catch (e) {
    // A tree too large for the engine fails the check with the engine's reason.
    if (!isFtreeError(e)) throw e;
    return { ...base, diagnostics: [...diagnostics, ...e.diagnostics.map((d) => ({ ...d, severity: 'error' as const }))], checks: [] };
  }
}

function parseUnitInterval(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: `${flag} takes a number between 0 and 1, not "${value}"`, hint: 'for example 1e-4' });
  }
  return n;
}
