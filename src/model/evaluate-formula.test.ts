import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Formula, Parameter } from './fault-tree.js';
import { distributionMean } from './distribution-mean.js';
import { evaluateFormula } from './evaluate-formula.js';
import { formulaDependence } from './formula-dependence.js';
import { loadTree } from '../parse/yaml/load-tree.js';

const num = (value: number): Formula => ({ kind: 'number', value });
const call = (fn: Extract<Formula, { kind: 'call' }>['fn'], ...args: Formula[]): Formula => ({ kind: 'call', fn, args });
const T: Formula = { kind: 'mission-time' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-formula-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evaluateFormula', () => {
  const parameters = new Map<string, Parameter>([
    ['lambda', { id: 'lambda', value: 2e-5, distribution: { kind: 'lognormal', mean: 2e-5, errorFactor: 3 } }],
    ['twice', { id: 'twice', value: 4e-5, formula: call('mul', num(2), { kind: 'parameter', id: 'lambda' }) }],
    ['window', { id: 'window', value: 24, formula: T }],
  ]);

  it('evaluates time built-ins at the time given, parameters through their formulas', () => {
    const f = call('exponential', { kind: 'parameter', id: 'twice' }, T);
    expect(evaluateFormula(f, { parameters }, 100)).toBeCloseTo(-Math.expm1(-4e-3), 15);
    expect(evaluateFormula({ kind: 'parameter', id: 'window' }, { parameters }, 7)).toBe(7);
    expect(evaluateFormula(call('GLM', num(0), num(1e-3), num(0.1), T), { parameters }, 1e6)).toBeCloseTo(1e-3 / 0.101, 12);
    expect(evaluateFormula(call('Weibull', num(100), num(2), num(0), T), { parameters }, 50)).toBeCloseTo(1 - Math.exp(-0.25), 15);
    expect(evaluateFormula(call('periodic-test', num(1e-3), num(100), num(50), T), { parameters }, 170)).toBeCloseTo(-Math.expm1(-0.02), 15);
  });

  it('takes deviates at their means and follows MEF arithmetic and logic', () => {
    expect(evaluateFormula({ kind: 'deviate', distribution: { kind: 'uniform', min: 0.1, max: 0.3 } }, { parameters }, 0)).toBeCloseTo(0.2, 15);
    expect(evaluateFormula(call('sub', num(10), num(3), num(2)), { parameters }, 0)).toBe(5);
    expect(evaluateFormula(call('div', num(12), num(3), num(2)), { parameters }, 0)).toBe(2);
    expect(evaluateFormula(call('ite', call('lt', T, num(10)), num(1), num(2)), { parameters }, 5)).toBe(1);
    expect(evaluateFormula(call('ite', call('lt', T, num(10)), num(1), num(2)), { parameters }, 50)).toBe(2);
    expect(evaluateFormula(call('log', num(8), num(2)), { parameters }, 0)).toBeCloseTo(3, 15);
    expect(evaluateFormula(call('round', num(1.23456), num(2)), { parameters }, 0)).toBeCloseTo(1.23, 15);
    expect(evaluateFormula(call('sqrt', num(-1)), { parameters }, 0)).toBeNaN();
  });

  it('tells time and randomness apart through chains of parameters', () => {
    expect(formulaDependence({ kind: 'parameter', id: 'twice' }, parameters)).toEqual({ time: false, random: true });
    expect(formulaDependence(call('mul', { kind: 'parameter', id: 'window' }, num(2)), parameters)).toEqual({ time: true, random: false });
    expect(formulaDependence(num(3), parameters)).toEqual({ time: false, random: false });
  });
});

describe('distributionMean', () => {
  it('gives the mean of every family', () => {
    expect(distributionMean({ kind: 'lognormal-mu-sigma', mu: -7, sigma: 0.5 })).toBeCloseTo(Math.exp(-7 + 0.125), 15);
    expect(distributionMean({ kind: 'loguniform', min: 1e-4, max: 1e-2 })).toBeCloseTo((1e-2 - 1e-4) / Math.log(100), 15);
    expect(distributionMean({ kind: 'beta', alpha: 2, beta: 8 })).toBeCloseTo(0.2, 15);
    expect(distributionMean({ kind: 'gamma', shape: 2, scale: 3 })).toBe(6);
    expect(distributionMean({ kind: 'histogram', bounds: [0, 1, 3], weights: [1, 3] })).toBeCloseTo((0.5 + 3 * 2) / 4, 15);
  });
});

describe('formulas of YAML trees', () => {
  it('keeps formulas on what varies: random parameters and expressions of the mission time', async () => {
    const file = join(dir, 'random.yaml');
    await writeFile(
      file,
      `ftree: 1
name: random
top: top
mission_time: 100h
parameters:
  lambda: { distribution: { type: lognormal, mean: 1e-3, error_factor: 3 } }
  fixed: 0.5
  half: "fixed / 2"
gates:
  top: { type: or, inputs: [a, b, c, d] }
events:
  a: { probability: "1 - exp(-lambda * mission_time)" }
  b: { probability: "half * 0.01" }
  c: { probability: "1 - exp(-1e-4 * mission_time)", mission_time: 10h }
  d: { probability: "mission_time * 1e-5" }
`,
    );
    const r = await loadTree(file);
    expect(r.diagnostics).toEqual([]);
    const tree = r.tree!;
    expect(tree.parameters.get('lambda')).toMatchObject({ value: 1e-3, distribution: { kind: 'lognormal', mean: 1e-3, errorFactor: 3 } });
    expect(tree.parameters.get('half')!.formula).toBeUndefined();
    const a = tree.events.get('a')!;
    expect(a.formula).toBeDefined();
    expect(evaluateFormula(a.formula!, tree, 100)).toBeCloseTo(a.probability, 15);
    expect(tree.events.get('b')!.formula).toBeUndefined();
    // Its own mission time is written into the formula: nothing varies any more.
    expect(tree.events.get('c')!.formula).toBeUndefined();
    expect(evaluateFormula(tree.events.get('d')!.formula!, tree, 200)).toBeCloseTo(2e-3, 15);
  });

  it('reports a random parameter without a distribution and refuses bitwise operators', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      `ftree: 1
name: bad
top: a
parameters:
  p: { mean: 3 }
events:
  a: { probability: "p & 1" }
`,
    );
    const codes = (await loadTree(file)).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_KEY', 'MISSING_KEY']));
    await writeFile(file, `ftree: 1\nname: bad\ntop: a\nparameters:\n  p: 1\nevents:\n  a: { probability: "p & 1" }\n`);
    const r = await loadTree(file);
    const invalid = r.diagnostics.find((d) => d.code === 'INVALID_EXPRESSION');
    expect(invalid?.message).toContain('the operator "&" is not allowed');
  });
});
