// The JSON document of `ftree evidence` (report stage): window, baseline, one entry per signal with
// its state and numbers, what was read (unparsed line counts), and unexplained templates.

import { diagnosticToJson } from './render-diagnostics.js';
import type { FaultTree } from '../model/fault-tree.js';
import type { EvidenceResult, SignalResult, UnexplainedTemplate } from '../evidence/index.js';

export interface EvidenceReport {
  readonly tree: FaultTree;
  readonly evidence: EvidenceResult;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** JSON has no Infinity: such a number becomes null with a `<key>_infinite: true` beside it. */
function finite(key: string, v: number | undefined): Record<string, unknown> {
  if (v === undefined) return {};
  if (Number.isFinite(v)) return { [key]: v };
  return { [key]: null, [`${key}_infinite`]: v > 0 ? true : 'negative' };
}

/** An unexplained log template (no signal of the tree matches it), as JSON. */
export function unexplainedToJson(u: UnexplainedTemplate): Record<string, unknown> {
  return {
    template: u.template,
    why: u.why,
    window: u.window,
    baseline: u.baseline,
    p_value: u.pValue,
    first_seen: iso(u.firstSeen),
    ...(u.sample !== undefined ? { sample: u.sample } : {}),
  };
}

export function signalToJson(s: SignalResult): Record<string, unknown> {
  return {
    id: s.owner,
    owner_kind: s.ownerKind,
    kind: s.kind,
    ...(s.label !== undefined ? { label: s.label } : {}),
    ...(s.pattern !== undefined ? { pattern: s.pattern } : {}),
    ...(s.query !== undefined ? { query: s.query } : {}),
    ...(s.service !== undefined ? { service: s.service } : {}),
    ...(s.changeKind !== undefined ? { change_kind: s.changeKind } : {}),
    rule: s.rule,
    state: s.state,
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    ...(s.count !== undefined ? { count: s.count } : {}),
    ...finite('baseline', s.baseline),
    ...finite(s.query !== undefined && s.rule.startsWith('score') ? 'score' : 'value', s.value),
    ...(s.direction !== undefined ? { direction: s.direction } : {}),
    ...finite('strength', s.strength),
    ...(s.departure !== undefined ? { departure: s.departure } : {}),
    ...(s.pValue !== undefined ? { p_value: s.pValue } : {}),
    first_seen: iso(s.firstSeen),
    samples: s.samples,
    ...(s.source !== undefined ? { source: s.source } : {}),
    ...(s.sensitivity !== undefined ? { sensitivity: s.sensitivity } : {}),
    ...(s.falseAlarm !== undefined ? { false_alarm: s.falseAlarm } : {}),
    ...(s.baselineFalseAlarm !== undefined ? { baseline_false_alarm: s.baselineFalseAlarm } : {}),
  };
}

export function evidenceToJson(report: EvidenceReport): Record<string, unknown> {
  const { tree, evidence: e } = report;
  const count = (state: string): number => e.signals.filter((s) => s.state === state).length;
  const sum = (pick: (s: EvidenceResult['logs'][number]) => number): number => e.logs.reduce((a, s) => a + pick(s), 0);
  return {
    ftree: 1,
    tree: tree.name,
    window: { since: iso(e.window.start), until: iso(e.window.end) },
    baseline: e.baseline ? { since: iso(e.baseline.start), until: iso(e.baseline.end) } : null,
    timezone: e.timezone,
    summary: { signals: e.signals.length, fired: count('fired'), chronic: count('chronic'), silent: count('silent'), unknown: count('unknown') },
    signals: e.signals.map(signalToJson),
    logs: {
      lines: sum((s) => s.lines),
      window_lines: sum((s) => s.windowLines),
      baseline_lines: sum((s) => s.baselineLines),
      unparsed: sum((s) => s.untimed + s.malformed),
      truncated: sum((s) => s.truncated),
      sources: e.logs.map((s) => ({
        name: s.name,
        lines: s.lines,
        window_lines: s.windowLines,
        baseline_lines: s.baselineLines,
        first_time: iso(s.firstTime),
        last_time: iso(s.lastTime),
        unparsed: { untimed: s.untimed, malformed: s.malformed },
        truncated: s.truncated,
      })),
    },
    metrics: {
      files: e.metricFiles.map((f) => ({ file: f.file, format: f.format, series: f.series, skipped: f.skipped })),
      ...(e.prometheus ? { prometheus: e.prometheus } : {}),
    },
    ...(e.changes ? { changes: e.changes } : {}),
    unexplained: e.unexplained.map(unexplainedToJson),
    ...(e.templates ? { templates: { count: e.templates.count, window_lines: e.templates.windowLines, baseline_lines: e.templates.baselineLines } } : {}),
    notes: e.notes,
    warnings: e.warnings.map((w) => diagnosticToJson(w)),
  };
}
