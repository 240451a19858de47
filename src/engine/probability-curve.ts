// P(top) as a function of time (engine stage): the BDD is compiled once and evaluated at each time
// with the time-dependent events' probabilities at that time (rates, repairable components, Weibull
// wear-out, periodic tests, formulas of the mission time); the limit as t → ∞ when there is one.

import type { FaultTree } from '../model/fault-tree.js';
import { isTimeDependent } from '../model/event-probability-at.js';
import { steadyStateProbability } from '../model/steady-state-probability.js';
import { checkedProbability } from '../model/tree-at-time.js';
import { compileProbabilityModel } from './analyze-probability.js';
import type { BddOptions } from './build-bdd.js';
import { computeTopProbability } from './top-probability.js';
import { nowMs } from '../model/clock.js';

export interface TimeDependentEvent {
  readonly id: string;
  /** lim P(event) as t → ∞ (λ/(λ+μ) for a repairable component), or undefined (a periodic test, an arbitrary formula). */
  readonly limit: number | undefined;
}

export interface ProbabilityCurve {
  /** Times in hours. */
  readonly times: readonly number[];
  /** P(top) at each time. */
  readonly pTop: readonly number[];
  readonly events: readonly TimeDependentEvent[];
  /** lim P(top) as t → ∞, when every time-dependent event has a limit. */
  readonly limit: number | undefined;
  readonly bddNodes: number;
  readonly seconds: number;
}

/** P(top) at each of `times` (hours); throws `PROBABILITY_RANGE` when an event's formula leaves [0, 1]. */
export function computeProbabilityCurve(tree: FaultTree, times: readonly number[], options: BddOptions = {}): ProbabilityCurve {
  const start = nowMs();
  const model = compileProbabilityModel(tree, options);
  const ids = model.graph.variables;
  const timed: number[] = [];
  ids.forEach((id, v) => {
    const event = tree.events.get(id);
    if (event && isTimeDependent(event, tree)) timed.push(v);
  });
  const q = Float64Array.from(model.graph.probabilities);
  const pTop = times.map((t) => {
    for (const v of timed) q[v] = checkedProbability(tree.events.get(ids[v]!)!, tree, t);
    return computeTopProbability(model, q);
  });
  const events = timed.map((v) => ({ id: ids[v]!, limit: steadyStateProbability(tree.events.get(ids[v]!)!, tree) }));
  let limit: number | undefined;
  if (events.every((e) => e.limit !== undefined)) {
    events.forEach((e, i) => (q[timed[i]!] = e.limit!));
    limit = computeTopProbability(model, q);
  }
  return { times, pTop, events, limit, bddNodes: model.bdd.nodeCount, seconds: (nowMs() - start) / 1000 };
}
