// Turns an MEF expression into a model `Formula` (parse stage), for what Monte Carlo and time
// curves must evaluate again: parameter references stay references (one random variable per
// parameter, as in the MEF), deviates with constant arguments become distributions, `switch`
// becomes nested `ite`. Reference: Open-PSA Model Exchange Format 2.0, chapter 7.

import type { Formula, FormulaFunction, Parameter } from '../../model/fault-tree.js';
import { formulaDependence } from '../../model/formula-dependence.js';
import type { EvaluatedExpression } from './evaluate-mef-expression.js';
import type { RawExpression } from './mef-raw.js';

export interface MefFormulaContext {
  /** The model id of the parameter a reference names, or undefined (already reported). */
  readonly parameterId: (name: string) => string | undefined;
  /** Evaluates a subexpression (here: a deviate, to read its distribution). */
  readonly evaluate: (expr: RawExpression) => EvaluatedExpression | undefined;
}

export interface MefFormulaResult {
  readonly formula: Formula;
  /** A deviate had random arguments: it is taken at its mean (its uncertainty is not carried). */
  readonly dropped: boolean;
}

const DEVIATES: ReadonlySet<string> = new Set(['uniform-deviate', 'normal-deviate', 'lognormal-deviate', 'gamma-deviate', 'beta-deviate', 'histogram']);

/** The formula of `expr`, or undefined when a part of it does not resolve (already reported). */
export function mefFormula(expr: RawExpression, context: MefFormulaContext): MefFormulaResult | undefined {
  let dropped = false;
  let broken = false;
  const convert = (e: RawExpression): Formula => {
    switch (e.kind) {
      case 'number':
        return { kind: 'number', value: e.value };
      case 'mission-time':
        return { kind: 'mission-time' };
      case 'parameter': {
        const id = context.parameterId(e.name);
        if (id === undefined) broken = true;
        return { kind: 'parameter', id: id ?? e.name };
      }
      case 'call': {
        if (DEVIATES.has(e.fn)) {
          const value = context.evaluate(e);
          if (!value) {
            broken = true;
            return { kind: 'number', value: Number.NaN };
          }
          if (value.distribution) return { kind: 'deviate', distribution: value.distribution };
          dropped = true;
          return { kind: 'number', value: value.value };
        }
        if (e.fn === 'pi') return { kind: 'number', value: Math.PI };
        if (e.fn === 'switch') {
          // <switch> <case>condition value</case> … default </switch>
          let result = convert(e.args[e.args.length - 1]!);
          for (let i = e.args.length - 2; i >= 0; i--) {
            const c = e.args[i]!;
            if (c.kind !== 'call' || c.args.length !== 2) {
              broken = true;
              continue;
            }
            result = { kind: 'call', fn: 'ite', args: [convert(c.args[0]!), convert(c.args[1]!), result] };
          }
          return result;
        }
        if (e.fn === 'case' || e.fn === 'bin') {
          broken = true; // only inside <switch> and <histogram>, refused elsewhere by the reader
          return { kind: 'number', value: Number.NaN };
        }
        return { kind: 'call', fn: e.fn as FormulaFunction, args: e.args.map(convert) };
      }
    }
  };
  const formula = convert(expr);
  return broken ? undefined : { formula, dropped };
}

/**
 * True when `model` and `distribution` already say everything the formula does: a deviate alone
 * (the distribution), or one time built-in over constants and the system mission time (the model).
 */
export function isCarriedByModel(formula: Formula, parameters: ReadonlyMap<string, Parameter>): boolean {
  if (formula.kind === 'deviate' || formula.kind === 'number') return true;
  if (formula.kind !== 'call') return false;
  if (!['exponential', 'GLM', 'Weibull', 'periodic-test'].includes(formula.fn) || (formula.fn === 'periodic-test' && formula.args.length !== 4)) return false;
  const last = formula.args.length - 1;
  return formula.args.every((a, i) => {
    if (i === last) return a.kind === 'mission-time' || a.kind === 'number';
    const d = formulaDependence(a, parameters);
    return !d.time && !d.random;
  });
}
