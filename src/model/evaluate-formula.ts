// Point value of a formula at a time t (model stage): parameters at their values (or their own
// formulas at t), random deviates at their means. Used for time curves and `analyze --at`.

import type { FaultTree, Formula } from './fault-tree.js';
import { distributionMean } from './distribution-mean.js';
import { formulaFunction } from './formula-function.js';

/** The value of `formula` with `mission-time` = t (hours); NaN when a function leaves its domain. */
export function evaluateFormula(formula: Formula, tree: Pick<FaultTree, 'parameters'>, t: number): number {
  const parameterValues = new Map<string, number>();
  const visit = (f: Formula): number => {
    switch (f.kind) {
      case 'number':
        return f.value;
      case 'mission-time':
        return t;
      case 'deviate':
        return distributionMean(f.distribution);
      case 'parameter': {
        const known = parameterValues.get(f.id);
        if (known !== undefined) return known;
        const p = tree.parameters.get(f.id);
        const v = p === undefined ? Number.NaN : p.formula ? visit(p.formula) : p.value;
        parameterValues.set(f.id, v);
        return v;
      }
      case 'call':
        return formulaFunction(f.fn)(f.args.map(visit));
    }
  };
  return visit(formula);
}
