// The JSON document of `ftree analyze` (report stage), following the contract of DESIGN §5:
// stable keys `ftree`, `tree`, `top`, `events` (sorted by posterior), `warnings`; more may be added.

import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import type { CutSetAnalysis, ProbabilityAnalysis } from '../engine/index.js';
import { diagnosticToJson } from './render-diagnostics.js';

export interface AnalysisReport {
  readonly tree: FaultTree;
  readonly analysis: ProbabilityAnalysis;
  /** Single points of failure and the approximations from the minimal cut sets. */
  readonly cutSets?: CutSetAnalysis;
  readonly warnings: readonly Diagnostic[];
}

export interface RankedEvent {
  readonly id: string;
  readonly label?: string;
  readonly prior: number;
  readonly posterior: number;
  readonly birnbaum: number;
  readonly pGivenTrue: number;
  readonly pGivenFalse: number;
}

/** Every basic event, highest posterior first (ties by id, so the order is deterministic). */
export function rankEvents(report: AnalysisReport): RankedEvent[] {
  return report.analysis.events
    .map((e) => {
      const label = report.tree.events.get(e.id)?.label;
      return { ...e, ...(label !== undefined ? { label } : {}) };
    })
    .sort((a, b) => b.posterior - a.posterior || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An event's figures without evidence, as the JSON and the postmortem give them: the prior is also the adjusted prior. */
export function figuresWithoutEvidence(e: RankedEvent): { id: string; label?: string; prior: number; adjusted: number; posterior: number; birnbaum: number } {
  return { id: e.id, ...(e.label !== undefined ? { label: e.label } : {}), prior: e.prior, adjusted: e.prior, posterior: e.posterior, birnbaum: e.birnbaum };
}

export function analysisToJson(report: AnalysisReport): Record<string, unknown> {
  const { tree, analysis } = report;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  return {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), probability: analysis.pTop, method: analysis.method },
    model: {
      files: tree.files,
      gates: tree.gates.size,
      events: tree.events.size,
      houses: tree.houses.size,
      mission_time_hours: tree.missionTime,
      bdd_nodes: analysis.bddNodes,
    },
    ...(report.cutSets !== undefined ? cutSetsToJson(report.cutSets) : {}),
    events: rankEvents(report).map((e) => ({
      ...figuresWithoutEvidence(e),
      p_top_given_true: e.pGivenTrue,
      p_top_given_false: e.pGivenFalse,
      ...(tree.events.get(e.id)?.suspect === false ? { suspect: false } : {}),
      signals: [],
    })),
    warnings: report.warnings.map(diagnosticToJson),
    seconds: analysis.seconds,
  };
}

/** `approximations` (rare-event and MCUB beside the exact value) and `single_points_of_failure`. */
function cutSetsToJson(c: CutSetAnalysis): Record<string, unknown> {
  return {
    approximations: {
      cut_sets: { max_order: c.maxOrder, count: c.count ?? null, order_limit_reached: c.count === undefined ? null : c.orderLimited === true },
      rare_event:
        c.rareEvent === undefined
          ? null
          : { probability: c.rareEvent.probability, sum: c.rareEvent.sum, clipped: c.rareEvent.clipped, relative_error: c.rareEvent.relativeError ?? null },
      mcub: c.mcub === undefined ? null : { probability: c.mcub.probability, relative_error: c.mcub.relativeError ?? null },
      ...(c.skipped !== undefined ? { skipped: c.skipped } : {}),
    },
    single_points_of_failure: c.singlePointsOfFailure,
  };
}
