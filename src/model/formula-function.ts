// The functions a `Formula` may call, as plain numeric implementations (model stage): the MEF's
// arithmetic, logic and time built-ins (Open-PSA MEF 2.0, chapter 7) and the YAML expressions' functions.

import type { FormulaFunction } from './fault-tree.js';
import { probabilityAt } from './probability-at.js';
import { periodicTestComplete, periodicTestInstant } from './periodic-test.js';

/** A function of its evaluated arguments. Out-of-domain arguments give NaN (never an exception). */
export type FormulaImplementation = (args: readonly number[]) => number;

const truth = (x: number): boolean => x !== 0;
const bool = (b: boolean): number => (b ? 1 : 0);

const IMPLEMENTATIONS: Readonly<Record<FormulaFunction, FormulaImplementation>> = {
  add: (a) => a.reduce((s, x) => s + x, 0),
  sub: (a) => a.slice(1).reduce((s, x) => s - x, a[0]!),
  mul: (a) => a.reduce((s, x) => s * x, 1),
  div: (a) => a.slice(1).reduce((s, x) => s / x, a[0]!),
  neg: (a) => -a[0]!,
  pow: (a) => Math.pow(a[0]!, a[1]!),
  mod: (a) => a[0]! % a[1]!,
  abs: (a) => Math.abs(a[0]!),
  min: (a) => Math.min(...a),
  max: (a) => Math.max(...a),
  mean: (a) => a.reduce((s, x) => s + x, 0) / a.length,
  exp: (a) => Math.exp(a[0]!),
  expm1: (a) => Math.expm1(a[0]!),
  log: (a) => (a.length > 1 ? Math.log(a[0]!) / Math.log(a[1]!) : Math.log(a[0]!)),
  log1p: (a) => Math.log1p(a[0]!),
  log10: (a) => Math.log10(a[0]!),
  log2: (a) => Math.log2(a[0]!),
  sqrt: (a) => Math.sqrt(a[0]!),
  cbrt: (a) => Math.cbrt(a[0]!),
  floor: (a) => Math.floor(a[0]!),
  ceil: (a) => Math.ceil(a[0]!),
  round: (a) => {
    if (a.length < 2) return Math.round(a[0]!);
    const scale = Math.pow(10, a[1]!);
    return Math.round(a[0]! * scale) / scale;
  },
  sin: (a) => Math.sin(a[0]!),
  cos: (a) => Math.cos(a[0]!),
  tan: (a) => Math.tan(a[0]!),
  asin: (a) => Math.asin(a[0]!),
  acos: (a) => Math.acos(a[0]!),
  atan: (a) => Math.atan(a[0]!),
  sinh: (a) => Math.sinh(a[0]!),
  cosh: (a) => Math.cosh(a[0]!),
  tanh: (a) => Math.tanh(a[0]!),
  not: (a) => bool(!truth(a[0]!)),
  and: (a) => bool(a.every(truth)),
  or: (a) => bool(a.some(truth)),
  eq: (a) => bool(a[0] === a[1]),
  df: (a) => bool(a[0] !== a[1]),
  lt: (a) => bool(a[0]! < a[1]!),
  gt: (a) => bool(a[0]! > a[1]!),
  leq: (a) => bool(a[0]! <= a[1]!),
  geq: (a) => bool(a[0]! >= a[1]!),
  ite: (a) => (truth(a[0]!) ? a[1]! : a[2]!),
  exponential: ([rate, t]) => probabilityAt({ kind: 'rate', rate: rate!, missionTime: t! }, t!),
  GLM: ([gamma, rate, repairRate, t]) => probabilityAt({ kind: 'repairable', rate: rate!, repairRate: repairRate!, missionTime: t!, gamma: gamma! }, t!),
  Weibull: ([scale, shape, location, t]) => probabilityAt({ kind: 'weibull', scale: scale!, shape: shape!, location: location!, missionTime: t! }, t!),
  'periodic-test': (a) => {
    if (a.length === 4) {
      const [rate, testInterval, firstTest, t] = a as [number, number, number, number];
      return probabilityAt({ kind: 'periodic-test', rate, testInterval, firstTest, missionTime: t }, t);
    }
    if (a.length === 5) return periodicTestInstant(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!);
    const [lambda, lambdaTest, mu, tau, theta, gamma, testDuration, availableAtTest, sigma, omega, t] = a as number[];
    return periodicTestComplete({
      lambda: lambda!, lambdaTest: lambdaTest!, mu: mu!, tau: tau!, theta: theta!, gamma: gamma!,
      testDuration: testDuration!, availableAtTest: availableAtTest !== 0, sigma: sigma!, omega: omega!, t: t!,
    });
  },
};

/** The implementation of `fn`. */
export function formulaFunction(fn: FormulaFunction): FormulaImplementation {
  return IMPLEMENTATIONS[fn];
}

/** The time built-ins: their last argument is the time. */
export const TIME_FUNCTIONS: ReadonlySet<FormulaFunction> = new Set(['exponential', 'GLM', 'Weibull', 'periodic-test']);
