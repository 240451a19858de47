// The JSON document of an incident diagnosis (report stage): DESIGN §5's keys (`ftree`, `tree`,
// `top`, `events` sorted by posterior with `prior`, `adjusted`, `posterior`, `birnbaum`,
// `signals`, and `warnings`), plus `verdict`, `window`, `cut_sets`, `next_checks`, `timeline`,
// `unexplained`, `gates` and `notes` (docs/diagnosis.md).

import type { Diagnosis, RatedSignal } from '../diagnose/index.js';
import { describeVerdict } from './diagnosis-summary.js';
import { signalToJson, unexplainedToJson } from './evidence-json.js';
import { diagnosticToJson } from './render-diagnostics.js';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** JSON has no Infinity: null with `<key>_infinite: true` beside it. */
function finite(key: string, v: number): Record<string, unknown> {
  return Number.isFinite(v) ? { [key]: v } : { [key]: null, [`${key}_infinite`]: true };
}

function ratedSignalToJson(s: RatedSignal): Record<string, unknown> {
  return {
    ...signalToJson(s),
    sensitivity: s.sensitivity,
    false_alarm: s.falseAlarm,
    rates_from: { sensitivity: s.sensitivitySource, false_alarm: s.falseAlarmSource },
    ...finite('likelihood_ratio', s.likelihoodRatio),
    ...(s.state === 'fired' ? { strength_factor: s.strengthFactor, timing_factor: s.timingFactor } : {}),
  };
}

export function diagnosisToJson(d: Diagnosis): Record<string, unknown> {
  const { tree, evidence: e } = d;
  const verdict = describeVerdict(d);
  const rank = new Map(d.suspects.map((s, i) => [s.id, i + 1]));
  const count = (state: string): number => d.signals.filter((s) => s.state === state).length;
  return {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: {
      id: d.top.id,
      ...(d.top.label !== undefined ? { label: d.top.label } : {}),
      probability: d.top.prior,
      method: 'bdd',
      observed: d.conditioning === 'top',
      probability_given_evidence: d.top.givenEvidence,
    },
    verdict: {
      kind: d.verdict.kind,
      blames_nothing: d.verdict.kind === 'nothing-stands-out',
      reason: d.verdict.reason,
      top_suspect: d.verdict.suspects[0] ?? null,
      suspects: d.verdict.suspects,
      summary: verdict.headline,
      explanation: verdict.explanation,
    },
    window: {
      since: iso(e.window.start),
      until: iso(e.window.end),
      baseline: e.baseline ? { since: iso(e.baseline.start), until: iso(e.baseline.end) } : null,
      timezone: e.timezone,
      onset: iso(d.onset.time),
      onset_source: d.onset.source,
      ...(d.onset.owner !== undefined ? { onset_signal_of: d.onset.owner } : {}),
    },
    evidence: { signals: d.signals.length, fired: count('fired'), ...(count('chronic') > 0 ? { chronic: count('chronic') } : {}), silent: count('silent'), unknown: count('unknown') },
    events: d.events.map((ev) => ({
      id: ev.id,
      ...(ev.label !== undefined ? { label: ev.label } : {}),
      prior: ev.prior,
      adjusted: ev.adjusted,
      posterior: ev.posterior,
      birnbaum: ev.birnbaum,
      posterior_without_evidence: ev.posteriorWithoutEvidence,
      ...finite('bayes_factor', ev.bayesFactor),
      excess: ev.excess,
      stands_out: ev.standsOut,
      ...(ev.isSuspect ? {} : { suspect: false }),
      rank: rank.get(ev.id),
      path: ev.path,
      ...(ev.check ? { check: { how: ev.check.how, ...(ev.check.cost !== undefined ? { cost_minutes: ev.check.cost } : {}) } } : {}),
      signals: ev.signals.map(ratedSignalToJson),
    })),
    gates: d.gates.map((g) => ({
      id: g.id,
      ...(g.label !== undefined ? { label: g.label } : {}),
      likelihood_true: g.likelihood.ifTrue,
      likelihood_false: g.likelihood.ifFalse,
      signals: g.signals.map(ratedSignalToJson),
    })),
    ...(d.orders.length > 0
      ? {
        propagation_order: d.orders.map((o) => ({
          from: o.from,
          to: o.to,
          from_first_seen: iso(o.fromTime),
          to_first_seen: iso(o.toTime),
          reversed: o.reversed,
          likelihood_passed: o.likelihood.ifTrue,
          likelihood_not_passed: o.likelihood.ifFalse,
        })),
      }
      : {}),
    ...(d.magnitudes.length > 0
      ? {
        propagation_magnitude: d.magnitudes.map((m) => ({
          from: m.from,
          to: m.to,
          from_departure: m.fromDeparture,
          to_departure: m.toDeparture,
          share: m.share,
          small: m.small,
          likelihood_passed: m.likelihood.ifTrue,
          likelihood_not_passed: m.likelihood.ifFalse,
        })),
      }
      : {}),
    cut_sets: d.cutSets.map((c) => ({ events: c.events, posterior: c.posterior, adjusted: c.adjusted })),
    next_checks: d.nextChecks.map((c) => ({
      id: c.id,
      how: c.how,
      cost_minutes: c.cost,
      cost_assumed: c.costAssumed,
      posterior: c.posterior,
      score: c.score,
      information_gain_bits: c.informationGain,
    })),
    entropy_bits: d.entropy,
    timeline: d.timeline.map((t) => ({
      time: iso(t.time),
      offset_seconds: t.offset / 1000,
      phase: t.phase,
      symptom: t.isSymptom,
      likely_effect: t.isLikelyEffect,
      id: t.signal.owner,
      owner_kind: t.signal.ownerKind,
      kind: t.signal.kind,
      ...(t.signal.label !== undefined ? { label: t.signal.label } : {}),
      ...(t.signal.count !== undefined ? { count: t.signal.count } : {}),
    })),
    unexplained: d.unexplained.map(unexplainedToJson),
    notes: [...d.notes, ...e.notes],
    warnings: [...d.warnings, ...e.warnings].map(diagnosticToJson),
    model: { bdd_nodes: d.bddNodes },
    seconds: d.seconds,
  };
}
