// The validated model as JSON, for `ftree export --format json` (report stage). Elements are arrays
// of objects with an `id`, never objects keyed by id, so any id (even `__proto__`) survives.

import type { Budget, Evidence, FaultTree } from '../model/fault-tree.js';

export function modelToJson(tree: FaultTree): Record<string, unknown> {
  return {
    ftree: 1,
    name: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    ...(tree.description !== undefined ? { description: tree.description } : {}),
    top: tree.top,
    mission_time_hours: tree.missionTime,
    ...(tree.defaults !== undefined
      ? {
          defaults: {
            ...(tree.defaults.sensitivity !== undefined ? { sensitivity: tree.defaults.sensitivity } : {}),
            ...(tree.defaults.falseAlarm !== undefined ? { false_alarm: tree.defaults.falseAlarm } : {}),
            ...(tree.defaults.within !== undefined ? { within_hours: tree.defaults.within } : {}),
          },
        }
      : {}),
    ...(tree.budget !== undefined ? { budget: budgetToJson(tree.budget) } : {}),
    parameters: [...tree.parameters.values()].map((p) => ({ id: p.id, value: p.value, ...(p.source !== undefined ? { expression: p.source } : {}) })),
    gates: [...tree.gates.values()].map((g) => ({
      id: g.id,
      ...(g.label !== undefined ? { label: g.label } : {}),
      type: g.type,
      inputs: g.inputs,
      ...(g.k !== undefined ? { k: g.k } : {}),
      ...(g.max !== undefined ? { max: g.max } : {}),
      ...(g.evidence ? { evidence: evidenceToJson(g.evidence) } : {}),
    })),
    events: [...tree.events.values()].map((e) => ({
      id: e.id,
      ...(e.label !== undefined ? { label: e.label } : {}),
      probability: e.probability,
      model: e.model,
      ...(e.distribution ? { distribution: e.distribution } : {}),
      ...(e.evidence ? { evidence: evidenceToJson(e.evidence) } : {}),
      ...(e.check ? { check: { how: e.check.how, ...(e.check.cost !== undefined ? { cost_minutes: e.check.cost } : {}) } } : {}),
    })),
    houses: [...tree.houses.values()].map((h) => ({ id: h.id, ...(h.label !== undefined ? { label: h.label } : {}), state: h.state })),
  };
}

/** The `budget:` block with the keys of docs/format.md, the limits it sets only. */
export function budgetToJson(b: Budget): Record<string, unknown> {
  return {
    ...(b.maxProbability !== undefined ? { max_probability: b.maxProbability } : {}),
    ...(b.singlePoints !== undefined ? { single_points: b.singlePoints } : {}),
    ...(b.maxImportance !== undefined ? { max_importance: b.maxImportance } : {}),
  };
}

function evidenceToJson(evidence: Evidence): Record<string, unknown> {
  const strip = <T extends { span?: unknown }>(s: T) => {
    const { span: _span, ...rest } = s;
    return rest;
  };
  return {
    logs: evidence.logs.map((l) => {
      const { fields, ...rest } = strip(l);
      return { ...rest, ...(fields ? { fields: Object.fromEntries([...fields].map(([k, v]) => [k, v])) } : {}) };
    }),
    metrics: evidence.metrics.map(strip),
    changes: evidence.changes.map(strip),
  };
}
