// The JSON document of `ftree uncertainty` (report stage): the tree and its top event as in
// `ftree analyze` (DESIGN §5: `ftree`, `tree`, `top`, `warnings`), then the statistics of the
// Monte Carlo samples, the uncertain inputs, and the sensitivity of P(top).

import type { UncertaintyAnalysis } from '../engine/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { distributionToJson } from './distribution-format.js';
import { diagnosticToJson } from './render-diagnostics.js';

export interface UncertaintyReport {
  readonly tree: FaultTree;
  readonly analysis: UncertaintyAnalysis;
  readonly warnings: readonly Diagnostic[];
}

export function uncertaintyToJson(report: UncertaintyReport): Record<string, unknown> {
  const { tree, analysis: a } = report;
  const s = a.summary;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  return {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), probability: a.pTop, probability_at_means: a.pTopAtMeans, method: 'bdd' },
    uncertainty: {
      method: a.sampling,
      trials: a.trials,
      seed: a.seed,
      workers: a.workers,
      mean: s.mean,
      sd: s.sd,
      standard_error: s.standardError,
      mean_confidence_95: [s.mean - 1.96 * s.standardError, s.mean + 1.96 * s.standardError],
      min: s.min,
      p5: s.p5,
      p50: s.p50,
      p95: s.p95,
      max: s.max,
      error_factor: s.errorFactor ?? null,
      clipped_draws: a.clipped,
      histogram: { scale: s.histogram.scale, bins: s.histogram.bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count })) },
    },
    inputs: a.inputs.map((i) => ({ id: i.id, kind: i.kind, distribution: distributionToJson(i.distribution), mean: i.mean, p5: i.p5, p95: i.p95 })),
    uncertain_events: a.uncertainEvents,
    ...(a.tornado || a.birnbaum
      ? {
          sensitivity: {
            ...(a.tornado
              ? {
                  tornado: a.tornado.map((b) => ({
                    input: a.inputs[b.input]!.id,
                    kind: a.inputs[b.input]!.kind,
                    p_top_at_p5: b.pTopAtP5,
                    p_top_at_p95: b.pTopAtP95,
                    swing: b.swing,
                  })),
                }
              : {}),
            ...(a.birnbaum ? { birnbaum_at_means: a.birnbaum.map((e) => ({ id: e.id, probability: e.probability, birnbaum: e.birnbaum })) } : {}),
          },
        }
      : {}),
    model: {
      files: tree.files,
      gates: tree.gates.size,
      events: tree.events.size,
      mission_time_hours: tree.missionTime,
      bdd_nodes: a.bddNodes,
      swept_nodes: a.sweptNodes,
    },
    warnings: report.warnings.map(diagnosticToJson),
    seconds: a.seconds,
  };
}
