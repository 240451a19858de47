// Uncertainty and time on SCRAM's models (../shared/benchmarks): Monte Carlo on BSCU and SmallTree
// against references that do not use the BDD or the trial plan (numerical integration, brute force
// over the truth table), and P(t) of core/single_exponential.xml against SCRAM's values.
import { join } from 'node:path';
import { analyzeUncertainty, computeProbabilityCurve, createDistributionSampler, RandomStream } from '../src/engine/index.js';
import { evaluateFormula } from '../src/model/evaluate-formula.js';
import type { FaultTree, Gate, Parameter } from '../src/model/fault-tree.js';
import { loadMefSync } from '../src/parse/mef/index.js';
import { HAS_SHARED, SHARED } from './helpers/paths.js';

const describeShared = HAS_SHARED ? describe : describe.skip;
const model = (...files: string[]) => loadMefSync(files.map((f) => join(SHARED, 'benchmarks', 'mef', f)));

/** P(top) by summing the truth table: the states where the top occurs (found once), weighted by their probability. */
function bruteForceTop(tree: FaultTree): (q: ReadonlyMap<string, number>) => number {
  const ids = [...tree.events.keys()];
  const value = (id: string, mask: number): boolean => {
    const gate = tree.gates.get(id);
    if (!gate) return (mask & (1 << ids.indexOf(id))) !== 0;
    const inputs = gate.inputs.map((i) => value(i, mask));
    const type: Gate['type'] = gate.type;
    if (type === 'and') return inputs.every(Boolean);
    if (type === 'or') return inputs.some(Boolean);
    throw new Error(`gate type ${type} not needed here`);
  };
  const states: number[] = [];
  for (let mask = 0; mask < 1 << ids.length; mask++) if (value(tree.top, mask)) states.push(mask);
  return (q) => {
    const p = ids.map((id) => q.get(id)!);
    let total = 0;
    for (const mask of states) total += p.reduce((x, pi, i) => x * ((mask & (1 << i)) !== 0 ? pi : 1 - pi), 1);
    return total;
  };
}

describeShared('uncertainty of SCRAM models', () => {
  it('BSCU: the Monte Carlo mean agrees with a brute-force Monte Carlo, in the range SCRAM reports', async () => {
    const tree = model('scram-input/BSCU/BSCU.xml');
    const r = await analyzeUncertainty(tree, { trials: 10_000, seed: 1 });
    // SCRAM 0.16.2, 10,000 trials: mean ≈ 0.112–0.117, σ ≈ 0.177–0.183.
    expect(r.summary.mean).toBeGreaterThan(0.105);
    expect(r.summary.mean).toBeLessThan(0.125);
    expect(r.summary.sd).toBeGreaterThan(0.16);
    expect(r.summary.sd).toBeLessThan(0.2);
    expect(r.inputs.map((i) => i.id).sort()).toEqual(['FailureRateSwitchStuck', 'FailureRateSystemElectronic', 'FailureRateSystemPowerSupply', 'FailureRateValidityMonitor']);

    // Reference: draw the four parameters, evaluate each event's formula, sum the truth table.
    const n = 3000;
    const top = bruteForceTop(tree);
    const stream = new RandomStream(2024, 0);
    const random = [...tree.parameters.values()].filter((p) => p.distribution);
    const samplers = random.map((p) => createDistributionSampler(p.distribution!));
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const parameters = new Map<string, Parameter>(tree.parameters);
      random.forEach((p, j) => parameters.set(p.id, { id: p.id, value: samplers[j]!.sample(stream) }));
      const q = new Map([...tree.events.values()].map((e) => [e.id, Math.min(1, evaluateFormula(e.formula!, { parameters }, tree.missionTime))]));
      const p = top(q);
      sum += p;
      sumSq += p * p;
    }
    const mean = sum / n;
    const se = Math.sqrt((sumSq / n - mean * mean) / n);
    expect(Math.abs(r.summary.mean - mean)).toBeLessThan(4 * Math.hypot(se, r.summary.standardError));
  });

  it('SmallTree: the shared rate makes e2 and e4 one variable; the mean matches numerical integration', async () => {
    const tree = model('scram-input/SmallTree/SmallTree.xml');
    const r = await analyzeUncertainty(tree, { trials: 20_000, seed: 7 });
    expect(r.inputs.map((i) => i.id)).toEqual(['lambda1', 'lambda2', 'lambda3']);
    // P = E[q1 q2] + E[q3 q4] − E[q1 q2 q3 q4] with q4 = q2 and independent λ1, λ2, λ3:
    // E[q1]E[q2] + E[q3]E[q2] − E[q1]E[q3]E[q2²], each E[·] by Simpson's rule over the lognormal.
    const T = tree.missionTime;
    const expectation = (id: string, power: number): number => {
      const d = tree.parameters.get(id)!.distribution!;
      const s = createDistributionSampler(d);
      const steps = 4000;
      const h = 1 / steps;
      let total = 0;
      for (let k = 0; k <= steps; k++) {
        // Over u in (0, 1): E[g(λ)] = ∫ g(F⁻¹(u)) du; the end points are nudged inside.
        const u = Math.min(1 - 1e-12, Math.max(1e-12, k * h));
        const g = (-Math.expm1(-s.quantile(u) * T)) ** power;
        total += (k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2) * g;
      }
      return (total * h) / 3;
    };
    const q1 = expectation('lambda1', 1);
    const q2 = expectation('lambda2', 1);
    const q3 = expectation('lambda3', 1);
    const exact = q1 * q2 + q3 * q2 - q1 * q3 * expectation('lambda2', 2);
    expect(Math.abs(r.summary.mean - exact)).toBeLessThan(4 * r.summary.standardError);
    // SCRAM reports a mean ≈ 0.0253 and σ ≈ 0.022.
    expect(r.summary.mean).toBeGreaterThan(0.023);
    expect(r.summary.mean).toBeLessThan(0.028);
    expect(r.summary.sd).toBeGreaterThan(0.018);
    expect(r.summary.sd).toBeLessThan(0.026);
  });

  it('core/single_exponential.xml: P(t) over 120 h in steps of 24 h is SCRAM\'s', () => {
    const tree = model('scram-tests-input/core/single_exponential.xml');
    const curve = computeProbabilityCurve(tree, [0, 24, 48, 72, 96, 120]);
    const scram = [0, 0.00024, 0.0004799, 0.0007197, 0.0009595, 0.001199];
    curve.pTop.forEach((p, i) => expect(Math.abs(p - scram[i]!)).toBeLessThanOrEqual(5e-4 * scram[i]! + 1e-12));
    expect(curve.limit).toBe(1);
  });
});
