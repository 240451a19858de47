// Evaluates an MEF expression to its point value (random deviates at their mean), checking each
// function's domain the way SCRAM validates them (parse stage). Also reports, for a basic event,
// which time model or distribution the expression stands for. No mathjs: plain arithmetic.
// Reference: Open-PSA Model Exchange Format 2.0, chapter 7 (expressions).

import type { Diagnostic } from '../../model/diagnostic.js';
import type { Distribution, ProbabilityModel } from '../../model/fault-tree.js';
import { probabilityAt } from '../../model/probability-at.js';
import type { SourceSpan } from '../../model/source-span.js';
import { mefError, type MefErrorCode } from './mef-diagnostic.js';
import type { ExpressionFn, RawExpression } from './mef-raw.js';
import { normalQuantile } from '../../model/standard-normal.js';
import { periodicTestComplete, periodicTestInstant } from '../../model/periodic-test.js';

export interface EvaluatedExpression {
  readonly value: number;
  /** True when a random deviate contributes to the value (the value is then a mean-based estimate). */
  readonly random: boolean;
  /** Set when the expression is a random deviate with constant arguments (or a parameter that is one). */
  readonly distribution?: Distribution;
  /** Set when the expression is a time built-in with constant arguments (or a parameter that is one). */
  readonly model?: ProbabilityModel;
}

export interface ExpressionContext {
  readonly missionTime: number;
  readonly diagnostics: Diagnostic[];
  /** Resolves and evaluates a parameter reference; undefined after reporting a problem. */
  readonly parameter: (name: string, unit: string | undefined, span: SourceSpan) => EvaluatedExpression | undefined;
}

/** The value of `expr`, or undefined after reporting why it has none. */
export function evaluateMefExpression(expr: RawExpression, context: ExpressionContext): EvaluatedExpression | undefined {
  switch (expr.kind) {
    case 'number':
      return { value: expr.value, random: false };
    case 'mission-time':
      return { value: context.missionTime, random: false };
    case 'parameter':
      return context.parameter(expr.name, expr.unit, expr.span);
    case 'call':
      return evaluateCall(expr.fn, expr.args, expr.span, context);
  }
}

function evaluateCall(
  fn: ExpressionFn,
  rawArgs: readonly RawExpression[],
  span: SourceSpan,
  context: ExpressionContext,
): EvaluatedExpression | undefined {
  if (fn === 'switch') return evaluateSwitch(rawArgs, context);
  if (fn === 'histogram') return evaluateHistogram(rawArgs, span, context);
  const args: EvaluatedExpression[] = [];
  for (const raw of rawArgs) {
    const arg = evaluateMefExpression(raw, context);
    if (!arg) return undefined;
    args.push(arg);
  }
  const v = args.map((a) => a.value);
  const random = args.some((a) => a.random);
  const fail = (code: MefErrorCode, message: string, hint?: string): undefined => {
    context.diagnostics.push(mefError(code, message, span, hint));
    return undefined;
  };
  const result = (value: number, extra?: { distribution?: Distribution; model?: ProbabilityModel }): EvaluatedExpression | undefined => {
    if (!Number.isFinite(value)) return fail('INVALID_EXPRESSION', `Result of <${fn}> is not a finite number: ${value}`);
    return { value, random: random || extra?.distribution !== undefined, ...extra };
  };
  const a = v[0]!;
  const b = v[1]!;
  switch (fn) {
    case 'neg': return result(-a);
    case 'add': return result(v.reduce((s, x) => s + x, 0));
    case 'sub': return result(v.slice(1).reduce((s, x) => s - x, a));
    case 'mul': return result(v.reduce((s, x) => s * x, 1));
    case 'div':
      if (v.slice(1).some((x) => x === 0)) return fail('INVALID_EXPRESSION', 'Division by zero in <div>');
      return result(v.slice(1).reduce((s, x) => s / x, a));
    case 'pi': return result(Math.PI);
    case 'abs': return result(Math.abs(a));
    case 'acos':
    case 'asin':
      if (a < -1 || a > 1) return fail('INVALID_EXPRESSION', `Argument of <${fn}> outside [-1, 1]: ${a}`);
      return result(fn === 'acos' ? Math.acos(a) : Math.asin(a));
    case 'atan': return result(Math.atan(a));
    case 'cos': return result(Math.cos(a));
    case 'cosh': return result(Math.cosh(a));
    case 'exp': return result(Math.exp(a));
    case 'log':
    case 'log10':
      if (a <= 0) return fail('INVALID_EXPRESSION', `Argument of <${fn}> is not positive: ${a}`);
      return result(fn === 'log' ? Math.log(a) : Math.log10(a));
    case 'mod':
      if (b === 0) return fail('INVALID_EXPRESSION', 'Modulo by zero in <mod>');
      return result(a % b);
    case 'pow':
      if (a === 0 && b < 0) return fail('INVALID_EXPRESSION', 'Zero to a negative power in <pow>');
      return result(Math.pow(a, b));
    case 'sin': return result(Math.sin(a));
    case 'sinh': return result(Math.sinh(a));
    case 'tan': return result(Math.tan(a));
    case 'tanh': return result(Math.tanh(a));
    case 'sqrt':
      if (a < 0) return fail('INVALID_EXPRESSION', `Argument of <sqrt> is negative: ${a}`);
      return result(Math.sqrt(a));
    case 'ceil': return result(Math.ceil(a));
    case 'floor': return result(Math.floor(a));
    case 'min': return result(Math.min(...v));
    case 'max': return result(Math.max(...v));
    case 'mean': return result(v.reduce((s, x) => s + x, 0) / v.length);
    case 'not': return result(a === 0 ? 1 : 0);
    case 'and': return result(v.every((x) => x !== 0) ? 1 : 0);
    case 'or': return result(v.some((x) => x !== 0) ? 1 : 0);
    case 'eq': return result(a === b ? 1 : 0);
    case 'df': return result(a !== b ? 1 : 0);
    case 'lt': return result(a < b ? 1 : 0);
    case 'gt': return result(a > b ? 1 : 0);
    case 'leq': return result(a <= b ? 1 : 0);
    case 'geq': return result(a >= b ? 1 : 0);
    case 'ite': return result(a !== 0 ? b : v[2]!);
    case 'case':
    case 'bin':
      // Only inside <switch> and <histogram>; read-mef-expression.ts rejects them elsewhere.
      return fail('MEF_INVALID', `<${fn}> outside its parent`);

    case 'exponential': {
      if (a < 0) return fail('NEGATIVE_RATE', `Negative failure rate in <exponential>: ${a}`);
      if (b < 0) return fail('NEGATIVE_VALUE', `Negative time in <exponential>: ${b}`);
      const model: ProbabilityModel = { kind: 'rate', rate: a, missionTime: b };
      return result(probabilityAt(model, b), random ? {} : { model });
    }
    case 'GLM': {
      const [gamma, lambda, mu, t] = v as [number, number, number, number];
      if (gamma < 0 || gamma > 1) return fail('PROBABILITY_RANGE', `Failure-on-demand probability in <GLM> outside [0, 1]: ${gamma}`);
      if (lambda < 0) return fail('NEGATIVE_RATE', `Negative failure rate in <GLM>: ${lambda}`);
      if (mu < 0) return fail('NEGATIVE_RATE', `Negative repair rate in <GLM>: ${mu}`);
      if (t < 0) return fail('NEGATIVE_VALUE', `Negative time in <GLM>: ${t}`);
      const model: ProbabilityModel =
        gamma === 0
          ? { kind: 'repairable', rate: lambda, repairRate: mu, missionTime: t }
          : { kind: 'repairable', rate: lambda, repairRate: mu, missionTime: t, gamma };
      return result(probabilityAt(model, t), random ? {} : { model });
    }
    case 'Weibull': {
      const [scale, shape, location, t] = v as [number, number, number, number];
      if (scale <= 0) return fail('INVALID_NUMBER', `Scale of <Weibull> is not positive: ${scale}`);
      if (shape <= 0) return fail('INVALID_NUMBER', `Shape of <Weibull> is not positive: ${shape}`);
      if (location < 0) return fail('NEGATIVE_VALUE', `Negative time shift in <Weibull>: ${location}`);
      if (t < 0) return fail('NEGATIVE_VALUE', `Negative time in <Weibull>: ${t}`);
      const model: ProbabilityModel =
        location === 0
          ? { kind: 'weibull', scale, shape, missionTime: t }
          : { kind: 'weibull', scale, shape, missionTime: t, location };
      return result(probabilityAt(model, t), random ? {} : { model });
    }
    case 'periodic-test':
      return evaluatePeriodicTest(v, random, result, fail);

    case 'uniform-deviate':
      if (a > b) return fail('INVALID_DISTRIBUTION', `Minimum above maximum in <uniform-deviate>: ${a} > ${b}`);
      return result((a + b) / 2, random ? {} : { distribution: { kind: 'uniform', min: a, max: b } });
    case 'normal-deviate':
      if (b <= 0) return fail('INVALID_DISTRIBUTION', `Standard deviation of <normal-deviate> is not positive: ${b}`);
      return result(a, random ? {} : { distribution: { kind: 'normal', mean: a, sd: b } });
    case 'lognormal-deviate':
      return evaluateLognormal(v, random, result, fail);
    case 'gamma-deviate':
      if (a <= 0) return fail('INVALID_DISTRIBUTION', `Shape k of <gamma-deviate> is not positive: ${a}`);
      if (b <= 0) return fail('INVALID_DISTRIBUTION', `Scale θ of <gamma-deviate> is not positive: ${b}`);
      return result(a * b, random ? {} : { distribution: { kind: 'gamma', shape: a, scale: b } });
    case 'beta-deviate':
      if (a <= 0 || b <= 0) return fail('INVALID_DISTRIBUTION', `Parameters of <beta-deviate> are not positive: ${a}, ${b}`);
      return result(a / (a + b), random ? {} : { distribution: { kind: 'beta', alpha: a, beta: b } });
  }
  return fail('MEF_UNSUPPORTED', `Unsupported expression: <${fn}>`);
}

type Result = (value: number, extra?: { distribution?: Distribution; model?: ProbabilityModel }) => EvaluatedExpression | undefined;
type Fail = (code: MefErrorCode, message: string, hint?: string) => undefined;

function evaluateSwitch(rawArgs: readonly RawExpression[], context: ExpressionContext): EvaluatedExpression | undefined {
  let random = false;
  for (const raw of rawArgs.slice(0, -1)) {
    if (raw.kind !== 'call' || raw.args.length !== 2) return undefined;
    const condition = evaluateMefExpression(raw.args[0]!, context);
    if (!condition) return undefined;
    random ||= condition.random;
    if (condition.value !== 0) {
      const value = evaluateMefExpression(raw.args[1]!, context);
      return value && { value: value.value, random: random || value.random };
    }
  }
  const fallback = evaluateMefExpression(rawArgs[rawArgs.length - 1]!, context);
  return fallback && { value: fallback.value, random: random || fallback.random };
}

function evaluatePeriodicTest(v: readonly number[], random: boolean, result: Result, fail: Fail): EvaluatedExpression | undefined {
  if (v.length === 4) {
    const [rate, testInterval, firstTest, t] = v as [number, number, number, number];
    if (rate < 0) return fail('NEGATIVE_RATE', `Negative failure rate in <periodic-test>: ${rate}`);
    if (!(testInterval > 0)) return fail('INVALID_NUMBER', `Time between tests in <periodic-test> is not positive: ${testInterval}`);
    if (firstTest < 0 || t < 0) return fail('NEGATIVE_VALUE', `Negative time in <periodic-test>: ${Math.min(firstTest, t)}`);
    const model: ProbabilityModel = { kind: 'periodic-test', rate, testInterval, firstTest, missionTime: t };
    return result(probabilityAt(model, t), random ? {} : { model });
  }
  if (v.length === 5) {
    const [lambda, mu, tau, theta, t] = v as [number, number, number, number, number];
    if (lambda < 0) return fail('NEGATIVE_RATE', `Negative failure rate in <periodic-test>: ${lambda}`);
    if (mu < 0) return fail('NEGATIVE_RATE', `Negative repair rate in <periodic-test>: ${mu}`);
    if (!(tau > 0)) return fail('INVALID_NUMBER', `Time between tests in <periodic-test> is not positive: ${tau}`);
    if (theta < 0 || t < 0) return fail('NEGATIVE_VALUE', `Negative time in <periodic-test>: ${Math.min(theta, t)}`);
    return result(periodicTestInstant(lambda, mu, tau, theta, t));
  }
  const [lambda, lambdaTest, mu, tau, theta, gamma, testDuration, availableAtTest, sigma, omega, t] = v as [
    number, number, number, number, number, number, number, number, number, number, number,
  ];
  if (lambda < 0 || lambdaTest < 0) return fail('NEGATIVE_RATE', `Negative failure rate in <periodic-test>: ${Math.min(lambda, lambdaTest)}`);
  if (mu < 0) return fail('NEGATIVE_RATE', `Negative repair rate in <periodic-test>: ${mu}`);
  if (!(tau > 0)) return fail('INVALID_NUMBER', `Time between tests in <periodic-test> is not positive: ${tau}`);
  if (theta < 0 || t < 0) return fail('NEGATIVE_VALUE', `Negative time in <periodic-test>: ${Math.min(theta, t)}`);
  if (!(testDuration > 0) || testDuration > tau) {
    return fail('INVALID_NUMBER', `Test duration in <periodic-test> outside (0, time between tests]: ${testDuration}`);
  }
  for (const [name, p] of [['demand failure', gamma], ['detection', sigma], ['restart failure', omega]] as const) {
    if (p < 0 || p > 1) return fail('PROBABILITY_RANGE', `Probability of ${name} in <periodic-test> outside [0, 1]: ${p}`);
  }
  return result(
    periodicTestComplete({ lambda, lambdaTest, mu, tau, theta, gamma, testDuration, availableAtTest: availableAtTest !== 0, sigma, omega, t }),
  );
}

function evaluateLognormal(v: readonly number[], random: boolean, result: Result, fail: Fail): EvaluatedExpression | undefined {
  if (v.length === 2) {
    const [mu, sigma] = v as [number, number];
    if (sigma <= 0) return fail('INVALID_DISTRIBUTION', `Standard deviation of <lognormal-deviate> is not positive: ${sigma}`);
    return result(Math.exp(mu + (sigma * sigma) / 2), random ? {} : { distribution: { kind: 'lognormal-mu-sigma', mu, sigma } });
  }
  const [mean, errorFactor, level] = v as [number, number, number];
  if (mean <= 0) return fail('INVALID_DISTRIBUTION', `Mean of <lognormal-deviate> is not positive: ${mean}`);
  if (errorFactor < 1) return fail('INVALID_DISTRIBUTION', `Error factor of <lognormal-deviate> below 1: ${errorFactor}`);
  if (!(level > 0 && level < 1)) return fail('INVALID_DISTRIBUTION', `Confidence level of <lognormal-deviate> outside (0, 1): ${level}`);
  if (random) return result(mean);
  if (Math.abs(level - 0.95) < 1e-12) return result(mean, { distribution: { kind: 'lognormal', mean, errorFactor } });
  // Another confidence level: σ = ln(EF) / z_level, μ = ln(mean) − σ²/2.
  const sigma = Math.log(errorFactor) / normalQuantile(level);
  return result(mean, { distribution: { kind: 'lognormal-mu-sigma', mu: Math.log(mean) - (sigma * sigma) / 2, sigma } });
}

/** Lower bound, then bins (upper bound, weight): the mean is the weighted mean of the bin midpoints. */
function evaluateHistogram(rawArgs: readonly RawExpression[], span: SourceSpan, context: ExpressionContext): EvaluatedExpression | undefined {
  const lower = evaluateMefExpression(rawArgs[0]!, context);
  if (!lower) return undefined;
  let random = lower.random;
  const bounds = [lower.value];
  const weights: number[] = [];
  for (const bin of rawArgs.slice(1)) {
    if (bin.kind !== 'call' || bin.args.length !== 2) return undefined;
    const upper = evaluateMefExpression(bin.args[0]!, context);
    const weight = evaluateMefExpression(bin.args[1]!, context);
    if (!upper || !weight) return undefined;
    random ||= upper.random || weight.random;
    if (!(upper.value > bounds[bounds.length - 1]!)) {
      context.diagnostics.push(mefError('INVALID_DISTRIBUTION', `Bin bounds of <histogram> do not increase: ${upper.value} after ${bounds[bounds.length - 1]}`, bin.span));
      return undefined;
    }
    if (weight.value < 0) {
      context.diagnostics.push(mefError('INVALID_DISTRIBUTION', `Negative bin weight in <histogram>: ${weight.value}`, bin.span));
      return undefined;
    }
    bounds.push(upper.value);
    weights.push(weight.value);
  }
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) {
    context.diagnostics.push(mefError('INVALID_DISTRIBUTION', 'Bin weights of <histogram> sum to zero', span));
    return undefined;
  }
  const mean = weights.reduce((s, w, i) => s + (w * (bounds[i]! + bounds[i + 1]!)) / 2, 0) / total;
  return random ? { value: mean, random } : { value: mean, random: true, distribution: { kind: 'histogram', bounds, weights } };
}
