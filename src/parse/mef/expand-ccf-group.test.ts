import { join } from 'node:path';
import { binomial, expandCcfGroup, type CcfGroupInput } from './expand-ccf-group.js';
import { loadMefSync } from './load-mef.js';
import { mefBenchmarksDir } from '../../../test/helpers/mef-benchmarks.js';

const three = ['A', 'B', 'C'];

function levels(group: CcfGroupInput): [number, number][] {
  const result = expandCcfGroup(group);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return [...result.levelProbabilities].sort((a, b) => a[0] - b[0]);
}

describe('expandCcfGroup', () => {
  it('beta-factor: (1 − β)Q alone, βQ all together', () => {
    const result = expandCcfGroup({ model: 'beta-factor', members: three, probability: 0.1, factors: [{ level: 3, value: 0.2 }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events.map((e) => e.members)).toEqual([[0], [1], [2], [0, 1, 2]]);
    expect(result.events[0]!.probability).toBeCloseTo(0.08, 15);
    expect(result.events[3]!.probability).toBeCloseTo(0.02, 15);
  });

  it('MGL: Q_k = ρ_2…ρ_k (1 − ρ_{k+1}) Q / C(n−1, k−1)', () => {
    const [q1, q2, q3] = levels({ model: 'MGL', members: three, probability: 0.1, factors: [{ level: 2, value: 0.2 }, { level: 3, value: 0.1 }] });
    expect(q1![1]).toBeCloseTo(0.1 * 0.8, 15); // (1 − ρ2) Q
    expect(q2![1]).toBeCloseTo((0.1 * 0.2 * 0.9) / 2, 15); // ρ2 (1 − ρ3) Q / C(2,1)
    expect(q3![1]).toBeCloseTo(0.1 * 0.2 * 0.1, 15); // ρ2 ρ3 Q / C(2,2)
  });

  it('alpha-factor: Q_k = k α_k Q / (C(n−1, k−1) Σ j α_j)', () => {
    const [q1, q2, q3] = levels({ model: 'alpha-factor', members: three, probability: 0.1, factors: [{ value: 0.7 }, { value: 0.2 }, { value: 0.1 }] });
    const total = 1 * 0.7 + 2 * 0.2 + 3 * 0.1;
    expect(q1![1]).toBeCloseTo((1 * 0.7 * 0.1) / total, 15);
    expect(q2![1]).toBeCloseTo((2 * 0.2 * 0.1) / (2 * total), 15);
    expect(q3![1]).toBeCloseTo((3 * 0.1 * 0.1) / total, 15);
  });

  it('phi-factor: Q_k = φ_k Q, the factors summing to 1', () => {
    expect(levels({ model: 'phi-factor', members: three, probability: 0.1, factors: [{ value: 0.7 }, { value: 0.2 }, { value: 0.1 }] })).toEqual([
      [1, 0.7 * 0.1],
      [2, 0.2 * 0.1],
      [3, 0.1 * 0.1],
    ]);
    const wrong = expandCcfGroup({ model: 'phi-factor', members: three, probability: 0.1, factors: [{ value: 0.7 }, { value: 0.2 }] });
    expect(wrong.ok).toBe(false);
  });

  it('infers levels in order, accepts them unordered, and rejects gaps, repeats and excess', () => {
    expect(levels({ model: 'MGL', members: three, probability: 0.1, factors: [{ level: 3, value: 0.1 }, { level: 2, value: 0.2 }] })).toHaveLength(3);
    expect(levels({ model: 'MGL', members: three, probability: 0.1, factors: [{ level: 2, value: 0.2 }, { value: 0.1 }] })).toHaveLength(3);
    expect(levels({ model: 'beta-factor', members: ['A', 'B'], probability: 0.1, factors: [{ value: 0.2 }] })).toEqual([[1, 0.08000000000000002], [2, 0.020000000000000004]]);
    const problems = (group: CcfGroupInput): string[] => {
      const r = expandCcfGroup(group);
      return r.ok ? [] : r.problems.map((p) => p.message);
    };
    expect(problems({ model: 'alpha-factor', members: [...three, 'D'], probability: 0.1, factors: [{ level: 1, value: 0.7 }, { level: 3, value: 0.1 }] })).toEqual([
      'Missing CCF factor for level 2 (levels 1 to 3 are needed)',
    ]);
    expect(problems({ model: 'alpha-factor', members: ['A', 'B'], probability: 0.1, factors: [{ level: 2, value: 0.2 }, { level: 2, value: 0.2 }] })).toEqual(['CCF factor level given twice: 2']);
    expect(problems({ model: 'beta-factor', members: ['A', 'B'], probability: 0.1, factors: [{ level: 1, value: 0.2 }] })).toEqual([
      'CCF factor level 1 below the first level of the beta-factor model: 2',
    ]);
    expect(problems({ model: 'alpha-factor', members: ['A', 'B'], probability: 0.1, factors: [{ value: 0.7 }, { value: 0.2 }, { value: 0.1 }] })).toEqual([
      'CCF factor level 3 above the number of members: 2',
    ]);
    expect(problems({ model: 'MGL', members: ['A'], probability: 0.1, factors: [{ value: 0.2 }] })).toEqual(['A CCF group needs at least 2 members, has 1']);
  });

  it('creates C(n, k) events per level', () => {
    const result = expandCcfGroup({ model: 'alpha-factor', members: ['A', 'B', 'C', 'D', 'E'], probability: 0.01, factors: [0.9, 0.05, 0.03, 0.01, 0.01].map((value) => ({ value })) });
    expect(result.ok && result.events.length).toBe(5 + 10 + 10 + 5 + 1);
    expect(binomial(5, 2)).toBe(10);
    expect(binomial(40, 20)).toBe(137846528820);
  });

  it('refuses a group that would explode', () => {
    const members = Array.from({ length: 30 }, (_, i) => `m${i}`);
    const result = expandCcfGroup({ model: 'phi-factor', members, probability: 0.1, factors: Array.from({ length: 30 }, () => ({ value: 1 / 30 })) });
    expect(result.ok).toBe(false);
  });
});

const BENCH = mefBenchmarksDir();
(BENCH ? describe : describe.skip)('CCF groups of SCRAM core models', () => {
  const load = (file: string) => loadMefSync([join(BENCH ?? '', 'scram-tests-input/core', file)]);

  /** P(top) of Three Trains: every train (valve or pump) failed, by enumeration of the CCF events. */
  function pTop(file: string): number {
    const tree = load(file);
    const events = [...tree.events.values()];
    const fails = (id: string, on: ReadonlySet<string>): boolean => {
      const gate = tree.gates.get(id);
      if (!gate) return on.has(id);
      const values = gate.inputs.map((input) => fails(input, on));
      return gate.type === 'and' ? values.every(Boolean) : values.some(Boolean);
    };
    let total = 0;
    for (let mask = 0; mask < 1 << events.length; mask++) {
      const on = new Set<string>();
      let p = 1;
      events.forEach((e, i) => {
        const bit = (mask >> i) & 1;
        p *= bit ? e.probability : 1 - e.probability;
        if (bit) on.add(e.id);
      });
      if (fails(tree.top, on)) total += p;
    }
    return total;
  }

  it.each([
    // SCRAM 0.16.2, `scram --probability 1`, exact (BDD).
    ['beta_factor_ccf.xml', 8, 0.0430804],
    ['phi_factor_ccf.xml', 14, 0.0410393],
    ['mgl_ccf.xml', 14, 0.0162948],
    ['alpha_factor_ccf.xml', 14, 0.0529814],
  ])('%s expands into %i events and reproduces SCRAM P(top) %f', (file, count, expected) => {
    const tree = load(file);
    expect(tree.events.size).toBe(count);
    expect(tree.gates.get('PumpOne')!.type).toBe('or');
    expect(pTop(file)).toBeCloseTo(expected, 6);
  });

  it('names CCF events after their members, as SCRAM does', () => {
    const tree = load('mgl_ccf.xml');
    expect(tree.gates.get('PumpTwo')!.inputs).toEqual(['[PumpTwo]', '[PumpOne PumpTwo]', '[PumpTwo PumpThree]', '[PumpOne PumpTwo PumpThree]']);
    expect(tree.events.get('[PumpOne PumpTwo]')).toMatchObject({ probability: expect.closeTo(0.009, 15), label: 'Pumps: common cause failure of PumpOne, PumpTwo' });
    expect(tree.events.get('[ValveOne ValveTwo ValveThree]')!.probability).toBeCloseTo(0.002, 15);
  });
});
