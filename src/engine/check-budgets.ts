// Checks a tree against its budget (engine stage): P(top) under a limit, no single point of
// failure, no basic event with a Birnbaum importance over a limit. Data only; reporters word it.

import type { Budget, FaultTree } from '../model/fault-tree.js';
import type { SourceSpan } from '../model/source-span.js';
import type { ProbabilityAnalysis } from './analyze-probability.js';
import { compareIds } from './event-id-order.js';

export type BudgetRule = 'max-probability' | 'single-points' | 'max-importance';

export const BUDGET_RULES: readonly BudgetRule[] = ['max-probability', 'single-points', 'max-importance'];

/** The limits in force for one tree, each with where it was set. */
export interface BudgetLimits {
  readonly maxProbability?: { readonly value: number; readonly from: LimitSource };
  /** Present when single points of failure are forbidden. */
  readonly noSinglePoints?: { readonly from: LimitSource };
  readonly maxImportance?: { readonly value: number; readonly from: LimitSource };
}

export type LimitSource = { readonly kind: 'cli' } | { readonly kind: 'tree'; readonly span?: SourceSpan };

export interface BudgetOffender {
  readonly id: string;
  readonly value: number;
}

export interface BudgetCheck {
  readonly rule: BudgetRule;
  readonly passed: boolean;
  readonly from: LimitSource;
  /** The limit (a probability or an importance; 0 single points for `single-points`). */
  readonly limit: number;
  /** P(top), the number of single points, or the largest importance. */
  readonly value: number;
  /** The event with the largest importance (`max-importance`). */
  readonly worst?: BudgetOffender;
  /** Events that break the limit: single points, or events over the importance limit, worst first. */
  readonly offenders: readonly BudgetOffender[];
}

/** Command-line limits override the tree's, key by key. `singlePoints: false` forbids them. */
export interface BudgetOverrides {
  readonly maxProbability?: number;
  readonly singlePoints?: false;
  readonly maxImportance?: number;
}

export function resolveBudgetLimits(tree: FaultTree, overrides: BudgetOverrides): BudgetLimits {
  const b: Budget = tree.budget ?? {};
  const treeSource = (span: SourceSpan | undefined): LimitSource => ({ kind: 'tree', ...(span ? { span } : {}) });
  const maxProbability =
    overrides.maxProbability !== undefined
      ? { value: overrides.maxProbability, from: { kind: 'cli' } as const }
      : b.maxProbability !== undefined
        ? { value: b.maxProbability, from: treeSource(b.spans?.maxProbability) }
        : undefined;
  const noSinglePoints =
    overrides.singlePoints === false ? { from: { kind: 'cli' } as const } : b.singlePoints === false ? { from: treeSource(b.spans?.singlePoints) } : undefined;
  const maxImportance =
    overrides.maxImportance !== undefined
      ? { value: overrides.maxImportance, from: { kind: 'cli' } as const }
      : b.maxImportance !== undefined
        ? { value: b.maxImportance, from: treeSource(b.spans?.maxImportance) }
        : undefined;
  return { ...(maxProbability ? { maxProbability } : {}), ...(noSinglePoints ? { noSinglePoints } : {}), ...(maxImportance ? { maxImportance } : {}) };
}

export function hasLimits(limits: BudgetLimits): boolean {
  return limits.maxProbability !== undefined || limits.noSinglePoints !== undefined || limits.maxImportance !== undefined;
}

/**
 * Evaluates the limits on an analysis. `singlePoints` gives the tree's single points of failure
 * (most probable first); it is called only when they are forbidden.
 */
export function checkBudgets(analysis: ProbabilityAnalysis, limits: BudgetLimits, singlePoints: () => readonly string[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (limits.maxProbability) {
    const { value, from } = limits.maxProbability;
    checks.push({ rule: 'max-probability', passed: analysis.pTop <= value, from, limit: value, value: analysis.pTop, offenders: [] });
  }
  if (limits.noSinglePoints) {
    const prior = new Map(analysis.events.map((e) => [e.id, e.prior]));
    const found = singlePoints().map((id) => ({ id, value: prior.get(id) ?? 0 }));
    checks.push({ rule: 'single-points', passed: found.length === 0, from: limits.noSinglePoints.from, limit: 0, value: found.length, offenders: found });
  }
  if (limits.maxImportance) {
    const { value, from } = limits.maxImportance;
    const ranked = analysis.events
      .map((e) => ({ id: e.id, value: e.birnbaum }))
      .sort((a, b) => b.value - a.value || compareIds(a.id, b.id));
    const worst = ranked[0];
    checks.push({
      rule: 'max-importance',
      passed: ranked.every((e) => e.value <= value),
      from,
      limit: value,
      value: worst?.value ?? 0,
      ...(worst ? { worst } : {}),
      offenders: ranked.filter((e) => e.value > value),
    });
  }
  return checks;
}
