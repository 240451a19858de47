// The JSON document of `ftree curve` (report stage): P(top) at each time, the time-dependent
// events with their limits as t → ∞, and P(top)'s limit when there is one.

import type { ProbabilityCurve } from '../engine/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { diagnosticToJson } from './render-diagnostics.js';

export interface CurveReport {
  readonly tree: FaultTree;
  readonly curve: ProbabilityCurve;
  readonly warnings: readonly Diagnostic[];
}

export function curveToJson(report: CurveReport): Record<string, unknown> {
  const { tree, curve } = report;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  return {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), method: 'bdd', limit: curve.limit ?? null },
    points: curve.times.map((t, i) => ({ hours: t, probability: curve.pTop[i]! })),
    time_dependent_events: curve.events.map((e) => {
      const label = tree.events.get(e.id)?.label;
      return { id: e.id, ...(label !== undefined ? { label } : {}), limit: e.limit ?? null };
    }),
    model: { files: tree.files, gates: tree.gates.size, events: tree.events.size, mission_time_hours: tree.missionTime, bdd_nodes: curve.bddNodes },
    warnings: report.warnings.map(diagnosticToJson),
    seconds: curve.seconds,
  };
}
