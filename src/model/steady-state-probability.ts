// The limit of a basic event's probability as t → ∞ (model stage): 1 for a failure rate or a
// Weibull wear-out, λ/(λ+μ) for a repairable component (steady-state unavailability); none for
// periodic tests (the probability keeps oscillating) or arbitrary expressions.

import type { BasicEvent, FaultTree, Formula } from './fault-tree.js';
import { evaluateFormula } from './evaluate-formula.js';
import { followsTreeClock, isTimeDependent } from './event-probability-at.js';
import { formulaDependence } from './formula-dependence.js';

type TreeClock = Pick<FaultTree, 'parameters' | 'missionTime'>;

/** lim P(event)(t) for t → ∞; the probability itself for events that do not depend on time; undefined when there is none. */
export function steadyStateProbability(event: BasicEvent, tree: TreeClock): number | undefined {
  if (!isTimeDependent(event, tree)) return event.probability;
  if (!event.formula) {
    if (!followsTreeClock(event, tree)) return event.probability;
    const m = event.model;
    switch (m.kind) {
      case 'rate':
        return m.rate > 0 ? 1 : 0;
      case 'repairable':
        return repairableLimit(m.gamma ?? 0, m.rate, m.repairRate);
      case 'weibull':
        return 1;
      default:
        return undefined;
    }
  }
  return formulaLimit(event.formula, tree);
}

/** λ/(λ+μ) whatever the probability of failure on demand γ; γ when neither failure nor repair happens. */
function repairableLimit(gamma: number, rate: number, repairRate: number): number {
  const s = rate + repairRate;
  return s > 0 ? rate / s : gamma;
}

/**
 * A formula that is one time built-in whose time argument grows with the mission time and whose
 * other arguments do not depend on it.
 */
function formulaLimit(formula: Formula, tree: TreeClock): number | undefined {
  if (formula.kind !== 'call') return undefined;
  const args = formula.args;
  const timeArg = args[args.length - 1];
  if (!timeArg || !growsWithTime(timeArg, tree)) return undefined;
  if (args.slice(0, -1).some((a) => formulaDependence(a, tree.parameters).time)) return undefined;
  const v = args.slice(0, -1).map((a) => evaluateFormula(a, tree, tree.missionTime));
  switch (formula.fn) {
    case 'exponential':
      return v[0]! > 0 ? 1 : 0;
    case 'GLM':
      return repairableLimit(v[0]!, v[1]!, v[2]!);
    case 'Weibull':
      return 1;
    default:
      return undefined;
  }
}

/** `mission-time`, or a positive constant multiple of it (BSCU's 20 × mission time). */
function growsWithTime(f: Formula, tree: TreeClock): boolean {
  if (f.kind === 'mission-time') return true;
  if (f.kind === 'parameter') {
    const p = tree.parameters.get(f.id);
    return p?.formula !== undefined && growsWithTime(p.formula, tree);
  }
  if (f.kind !== 'call' || f.fn !== 'mul') return false;
  const timed = f.args.filter((a) => formulaDependence(a, tree.parameters).time);
  if (timed.length !== 1 || !growsWithTime(timed[0]!, tree)) return false;
  const factor = f.args.filter((a) => a !== timed[0]).reduce((s, a) => s * evaluateFormula(a, tree, tree.missionTime), 1);
  return factor > 0;
}
