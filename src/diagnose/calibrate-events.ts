// Basic-event rates from a team's incident history (diagnose stage): per event a conjugate
// gamma–Poisson update of its failure rate, the tree's current value as a weak prior, with a 90 %
// credible interval, the mean time to repair from the incidents' durations, and a gamma distribution.
//
// Incidents of an event arrive as a Poisson process of rate λ; over an exposure E hours, n incidents
// have likelihood ∝ λ^n e^{−λE}. A prior Gamma(a₀, b₀) (shape, rate) gives the posterior
// Gamma(a₀ + n, b₀ + E). The prior keeps the tree's rate λ₀ as its mean with little weight: a₀ = ½
// (half an incident's worth of evidence), b₀ = a₀/λ₀; a tree value of 0 or 1 (no usable rate) falls
// back to Jeffreys' prior Gamma(½, 0). So an event never seen keeps a non-zero rate, about ½/(E + b₀).
// Reference: Gelman et al., Bayesian Data Analysis, 3rd ed., §2.6 (the Poisson model); NUREG/CR-6823
// (Handbook of Parameter Estimation for PRA), §6.2.2 (Jeffreys' prior for a Poisson rate).

import type { Distribution, FaultTree } from '../model/fault-tree.js';
import { probabilityAt } from '../model/probability-at.js';
import { gammaQuantile } from '../engine/gamma-quantile.js';
import type { HistoryPeriod, IncidentHistory } from '../evidence/read-incident-history.js';

export interface CalibrateOptions {
  /** The period the history covers (overrides the history's own). */
  readonly period?: HistoryPeriod;
  /** Weight of the tree's value, in incidents (the prior's shape a₀); default ½. */
  readonly priorWeight?: number;
  /** Credible level of the interval; default 0.9. */
  readonly level?: number;
}

export interface EventCalibration {
  readonly id: string;
  readonly model: 'probability' | 'rate' | 'repairable';
  /** The time the event's probability is taken at, hours. */
  readonly missionTime: number;
  /** Incidents naming the event within the period. */
  readonly count: number;
  /** The tree's rate, per hour (undefined: none usable, Jeffreys' prior). */
  readonly priorRate?: number;
  /** The posterior Gamma(shape, rate) of λ per hour, its mean and credible interval. */
  readonly shape: number;
  readonly rateParameter: number;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  readonly oldProbability: number;
  readonly newProbability: number;
  /** Mean duration of the incidents that give one, hours, and how many did. */
  readonly mttr?: { readonly hours: number; readonly count: number };
  /** Uncertainty of the probability at the mission time: the gamma of λ·t. */
  readonly distribution: Distribution;
}

export interface Calibration {
  readonly period: HistoryPeriod;
  readonly exposureHours: number;
  readonly level: number;
  readonly records: number;
  readonly events: readonly EventCalibration[];
  /** Events of the tree that cannot take a rate (expressions, Weibull, periodic tests), with why. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
  /** Event ids named by records but not in the tree, with the lines naming them. */
  readonly unknown: readonly { readonly id: string; readonly lines: readonly number[] }[];
  /** Lines of records that start outside the period (not counted). */
  readonly outside: readonly number[];
  readonly unreadable: readonly { readonly line: number; readonly reason: string }[];
}

const DEFAULT_PRIOR_WEIGHT = 0.5;

export function calibrateEvents(tree: FaultTree, history: IncidentHistory, options: CalibrateOptions): Calibration {
  const period = options.period ?? history.period;
  if (!period) throw new RangeError('calibrateEvents needs the period the history covers');
  const level = options.level ?? 0.9;
  const a0 = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const exposure = (period.end - period.start) / 3_600_000;

  const counts = new Map<string, { count: number; durations: number[] }>();
  const unknown = new Map<string, number[]>();
  const outside: number[] = [];
  for (const record of history.records) {
    if (record.start < period.start || record.start >= period.end) {
      outside.push(record.line);
      continue;
    }
    for (const id of new Set(record.events)) {
      if (!tree.events.has(id)) {
        unknown.set(id, [...(unknown.get(id) ?? []), record.line]);
        continue;
      }
      const c = counts.get(id) ?? { count: 0, durations: [] };
      c.count++;
      if (record.durationHours !== undefined) c.durations.push(record.durationHours);
      counts.set(id, c);
    }
  }

  const events: EventCalibration[] = [];
  const skipped: { id: string; reason: string }[] = [];
  // In the order the file lists them (ids for events without a position).
  const ordered = [...tree.events.values()].sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const event of ordered) {
    if (event.propagation) continue; // a probabilistic input's event: a propagation, not an incident cause
    const m = event.model;
    if (m.kind !== 'constant' && m.kind !== 'rate' && m.kind !== 'repairable') {
      skipped.push({ id: event.id, reason: m.kind === 'expression' ? 'an expression' : `a ${m.kind} model` });
      continue;
    }
    if (event.formula) {
      skipped.push({ id: event.id, reason: 'an expression' });
      continue;
    }
    const missionTime = m.kind === 'constant' ? tree.missionTime : m.missionTime;
    const priorRate = m.kind === 'constant' ? (m.value > 0 && m.value < 1 ? -Math.log1p(-m.value) / missionTime : undefined) : m.rate > 0 ? m.rate : undefined;
    const { count, durations } = counts.get(event.id) ?? { count: 0, durations: [] };
    const shape = (priorRate === undefined ? 0.5 : a0) + count;
    const rateParameter = (priorRate === undefined ? 0 : a0 / priorRate) + exposure;
    const rate = shape / rateParameter;
    const mttr = durations.length > 0 ? { hours: durations.reduce((s, d) => s + d, 0) / durations.length, count: durations.length } : undefined;
    const newModel =
      m.kind === 'repairable'
        ? { ...m, rate, ...(mttr && mttr.hours > 0 ? { repairRate: 1 / mttr.hours } : {}) }
        : { kind: 'rate' as const, rate, missionTime };
    events.push({
      id: event.id,
      model: m.kind === 'constant' ? 'probability' : m.kind,
      missionTime,
      count,
      ...(priorRate !== undefined ? { priorRate } : {}),
      shape,
      rateParameter,
      rate,
      lower: gammaQuantile((1 - level) / 2, shape) / rateParameter,
      upper: gammaQuantile((1 + level) / 2, shape) / rateParameter,
      oldProbability: event.probability,
      newProbability: probabilityAt(newModel, missionTime),
      ...(mttr ? { mttr } : {}),
      distribution: { kind: 'gamma', shape, scale: missionTime / rateParameter },
    });
  }
  return {
    period,
    exposureHours: exposure,
    level,
    records: history.records.length,
    events,
    skipped,
    unknown: [...unknown].map(([id, lines]) => ({ id, lines })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    outside,
    unreadable: history.unreadable,
  };
}
