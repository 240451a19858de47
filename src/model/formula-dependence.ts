// What a formula depends on (model stage): the mission time, random quantities (deviates and
// parameters with a distribution), through any chain of parameters.

import type { Formula, Parameter } from './fault-tree.js';

export interface FormulaDependence {
  /** The value changes with the mission time. */
  readonly time: boolean;
  /** The value changes from one Monte Carlo trial to the next. */
  readonly random: boolean;
}

const NONE: FormulaDependence = { time: false, random: false };

/**
 * Dependence of `formula`. A parameter depends on what its own formula depends on, else it is random
 * when it has a distribution. `cache` (by parameter id) saves work over many formulas.
 */
export function formulaDependence(
  formula: Formula,
  parameters: ReadonlyMap<string, Parameter>,
  cache: Map<string, FormulaDependence> = new Map(),
): FormulaDependence {
  const visit = (f: Formula): FormulaDependence => {
    switch (f.kind) {
      case 'number':
        return NONE;
      case 'mission-time':
        return { time: true, random: false };
      case 'deviate':
        return { time: false, random: true };
      case 'parameter': {
        const known = cache.get(f.id);
        if (known) return known;
        cache.set(f.id, NONE); // a cycle (refused by validation) cannot recurse forever
        const p = parameters.get(f.id);
        const d = p?.formula ? visit(p.formula) : { time: false, random: p?.distribution !== undefined };
        cache.set(f.id, d);
        return d;
      }
      case 'call': {
        let time = false;
        let random = false;
        for (const a of f.args) {
          const d = visit(a);
          time ||= d.time;
          random ||= d.random;
        }
        return time || random ? { time, random } : NONE;
      }
    }
  };
  return visit(formula);
}
