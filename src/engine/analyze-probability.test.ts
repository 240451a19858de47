import type { Gate } from '../model/fault-tree.js';
import { analyzeProbability } from './analyze-probability.js';
import { smallFaultTree as tree } from './small-fault-tree.test-helper.js';

describe('analyzeProbability', () => {
  it('is exact with a shared event (two trains sharing a pump)', () => {
    // top = (pump ∨ a) ∧ (pump ∨ b): P = q_p + (1 − q_p)·q_a·q_b.
    const result = analyzeProbability(
      tree(
        { top: { type: 'and', inputs: ['t1', 't2'] }, t1: { type: 'or', inputs: ['pump', 'a'] }, t2: { type: 'or', inputs: ['pump', 'b'] } },
        { pump: 0.1, a: 0.2, b: 0.3, spare: 0.5 },
      ),
    );
    expect(result.method).toBe('bdd');
    expect(result.pTop).toBeCloseTo(0.1 + 0.9 * 0.06, 15);
    const byId = new Map(result.events.map((e) => [e.id, e]));
    const pump = byId.get('pump')!;
    expect(pump.pGivenTrue).toBeCloseTo(1, 15);
    expect(pump.pGivenFalse).toBeCloseTo(0.06, 15);
    expect(pump.birnbaum).toBeCloseTo(0.94, 15);
    expect(pump.posterior).toBeCloseTo(0.1 / result.pTop, 15);
    const spare = byId.get('spare')!;
    expect(spare.birnbaum).toBe(0);
    expect(spare.posterior).toBeCloseTo(0.5, 15);
    expect(result.variables).toEqual(['pump', 'a', 'b', 'spare']);
  });

  it('gives posterior 0 when P(top) = 0', () => {
    const result = analyzeProbability(tree({ top: { type: 'and', inputs: ['a', 'b'] } }, { a: 0, b: 0.5 }));
    expect(result.pTop).toBe(0);
    expect(result.events.map((e) => e.posterior)).toEqual([0, 0]);
  });

  it('keeps rare-event digits through complemented edges', () => {
    // A nor of nors: top = ¬(¬a ∨ ... ) built from complements, P = 1e-15 · 1e-15.
    const result = analyzeProbability(
      tree({ top: { type: 'nor', inputs: ['na', 'nb'] }, na: { type: 'not', inputs: ['a'] }, nb: { type: 'not', inputs: ['b'] } }, { a: 1e-15, b: 1e-15 }),
    );
    expect(result.pTop / 1e-30).toBeCloseTo(1, 12);
  });

  it('throws BDD_NODE_LIMIT instead of exhausting memory', () => {
    const events: Record<string, number> = {};
    const pairs: string[] = [];
    const gates: Record<string, Omit<Gate, 'id'>> = {};
    for (let i = 0; i < 16; i++) {
      events[`x${i}`] = 0.5;
      events[`y${i}`] = 0.5;
    }
    // Pairs listed so that every x comes before every y in the depth-first order.
    gates['xs'] = { type: 'and', inputs: Array.from({ length: 16 }, (_, i) => `x${i}`) };
    for (let i = 0; i < 16; i++) {
      gates[`p${i}`] = { type: 'and', inputs: [`x${i}`, `y${i}`] };
      pairs.push(`p${i}`);
    }
    gates['top'] = { type: 'or', inputs: ['odd', 'xs'] };
    gates['odd'] = { type: 'xor', inputs: pairs };
    expect(() => analyzeProbability(tree(gates, events), { maxNodes: 2000 })).toThrow(/The BDD exceeds 2000 nodes/);
  });
});
