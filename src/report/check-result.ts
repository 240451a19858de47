// What `ftree check` found for each tree, and the sentences every check format shares (report stage).

import type { BudgetCheck, BudgetOffender, BudgetRule } from '../engine/check-budgets.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceSpan } from '../model/source-span.js';
import { formatProbability } from './format-number.js';

export interface CheckedTree {
  /** The file (or MEF files joined by " + ") as named on the command line. */
  readonly file: string;
  /** The tree's name, when it loaded. */
  readonly name?: string;
  /** Where the main file names its top event. */
  readonly topSpan?: SourceSpan;
  /** Where each basic event is defined. */
  readonly eventSpans: ReadonlyMap<string, SourceSpan>;
  /** Problems found while loading; any error makes the tree invalid. */
  readonly diagnostics: readonly Diagnostic[];
  readonly pTop?: number;
  /** One result per limit in force (none when the tree is invalid or has no budget). */
  readonly checks: readonly BudgetCheck[];
}

export interface CheckReport {
  readonly trees: readonly CheckedTree[];
  readonly version: string;
}

export function isInvalid(t: CheckedTree): boolean {
  return t.diagnostics.some((d) => d.severity === 'error');
}

export function hasFailed(t: CheckedTree): boolean {
  return isInvalid(t) || t.checks.some((c) => !c.passed);
}

export const RULE_TITLES: Record<BudgetRule | 'invalid-tree', string> = {
  'max-probability': 'P(top) within its budget',
  'single-points': 'No single point of failure',
  'max-importance': 'Birnbaum importance of every basic event within its budget',
  'invalid-tree': 'The tree file is valid',
};

export const RULE_HELP: Record<BudgetRule | 'invalid-tree', string> = {
  'max-probability': 'The exact probability of the top event over the mission time (BDD) must not exceed the budget (`--max-probability` or `budget: {max_probability}`).',
  'single-points': 'No basic event may cause the top event on its own, that is, be a minimal cut set of one event (`--no-single-points` or `budget: {single_points: false}`).',
  'max-importance':
    'No basic event may have a Birnbaum importance P(T|x=1) − P(T|x=0) above the budget (`--max-importance` or `budget: {max_importance}`): the rise in the probability of the top event when the event is certain to occur.',
  'invalid-tree': 'The tree must load without errors (the same checks as `ftree validate`).',
};

const p = (x: number) => formatProbability(x, 3);

/** One sentence for a check, pass or fail. */
export function describeCheck(c: BudgetCheck): string {
  switch (c.rule) {
    case 'max-probability':
      return c.passed ? `P(top) = ${p(c.value)} is within the budget of ${p(c.limit)}` : `P(top) = ${p(c.value)} exceeds the budget of ${p(c.limit)}`;
    case 'single-points':
      return c.passed
        ? 'No single point of failure'
        : `${c.offenders.length} single point${c.offenders.length === 1 ? '' : 's'} of failure, each causing the top event on its own: ${listIds(c.offenders)}`;
    case 'max-importance':
      return c.passed
        ? `The largest Birnbaum importance, ${p(c.value)}${c.worst ? ` (${c.worst.id})` : ''}, is within the budget of ${p(c.limit)}`
        : `${c.offenders.length} event${c.offenders.length === 1 ? ' has' : 's have'} Birnbaum importance over the budget of ${p(c.limit)}: ${listIds(c.offenders, true)}`;
  }
}

/** One sentence about one offending event. */
export function describeOffender(c: BudgetCheck, o: BudgetOffender): string {
  return c.rule === 'single-points'
    ? `Basic event "${o.id}" causes the top event on its own (a single point of failure, P = ${p(o.value)})`
    : `Basic event "${o.id}" has Birnbaum importance ${p(o.value)}, over the budget of ${p(c.limit)}`;
}

/** Where the limit was set, for messages: "--max-probability" or "budget in trees/x.yaml:7". */
export function describeSource(c: BudgetCheck): string {
  if (c.from.kind === 'cli') return `set by --${c.rule === 'single-points' ? 'no-single-points' : c.rule}`;
  return c.from.span ? `set in ${c.from.span.file}:${c.from.span.line}` : 'set in the tree';
}

function listIds(offenders: readonly BudgetOffender[], withValues = false): string {
  const shown = offenders.slice(0, 5).map((o) => (withValues ? `${o.id} (${p(o.value)})` : o.id));
  return `${shown.join(', ')}${offenders.length > 5 ? `, and ${offenders.length - 5} more` : ''}`;
}

/** One problem `ftree check` reports, with where it is: what SARIF, GitLab and other CI formats list. */
export interface CheckFinding {
  /** The budget broken, or `invalid-tree` for a load error. */
  readonly rule: BudgetRule | 'invalid-tree';
  /** The tree as named on the command line. */
  readonly tree: string;
  /** Its name, or the file when it did not load. */
  readonly treeName: string;
  readonly message: string;
  /** Where: the error's position, the offending event's definition or the tree's `top:`. */
  readonly span?: SourceSpan;
  /** The load error's code. */
  readonly code?: Diagnostic['code'];
  /** The offending basic event. */
  readonly event?: string;
  readonly check?: BudgetCheck;
  readonly offender?: BudgetOffender;
}

/**
 * Every finding in order: each tree's load errors, then per failed limit one finding at the tree's
 * `top:` (no offending event) or one per offending event at its definition.
 */
export function listCheckFindings(report: CheckReport): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const t of report.trees) {
    for (const d of t.diagnostics) {
      if (d.severity !== 'error') continue;
      out.push({ rule: 'invalid-tree', tree: t.file, treeName: t.name ?? t.file, code: d.code, message: `error[${d.code}] ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`, ...(d.span ? { span: d.span } : {}) });
    }
    for (const c of t.checks) {
      if (c.passed) continue;
      if (c.offenders.length === 0) {
        out.push({ rule: c.rule, tree: t.file, treeName: t.name ?? t.file, check: c, message: `${describeCheck(c)} (${describeSource(c)})`, ...(t.topSpan ? { span: t.topSpan } : {}) });
        continue;
      }
      for (const o of c.offenders) {
        const span = t.eventSpans.get(o.id) ?? t.topSpan;
        out.push({ rule: c.rule, tree: t.file, treeName: t.name ?? t.file, check: c, offender: o, event: o.id, message: `${describeOffender(c, o)} (${describeSource(c)})`, ...(span ? { span } : {}) });
      }
    }
  }
  return out;
}

