import { buildGateBdd, compileProbabilityModel, computeEventImportance } from '../engine/index.js';
import type { FaultTree, Gate } from '../model/fault-tree.js';
import { computePosteriors, computeTopGivenEvidence, conditionOnEvidence } from './condition-on-evidence.js';

/** T = G ∨ c with G = a ∧ b; the gate G carries evidence. */
function tree(): FaultTree {
  const gates: Gate[] = [
    { id: 'T', type: 'or', inputs: ['G', 'c'] },
    { id: 'G', type: 'and', inputs: ['a', 'b'] },
  ];
  const p: Record<string, number> = { a: 0.1, b: 0.3, c: 0.05 };
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'T',
    missionTime: 24,
    parameters: new Map(),
    gates: new Map(gates.map((g) => [g.id, g])),
    events: new Map(Object.entries(p).map(([id, q]) => [id, { id, probability: q, model: { kind: 'constant', value: q } }])),
    houses: new Map(),
  };
}

describe('conditioning on evidence about a gate', () => {
  const q = Float64Array.from([0.1, 0.3, 0.05]);
  const likelihood = { ifTrue: 0.9, ifFalse: 0.1 };

  it('equals the mixture of T∧G and T∧¬G weighted by the likelihoods (DESIGN §6)', () => {
    const em = conditionOnEvidence(tree(), q, [{ gate: 'G', likelihood }]);
    const { posterior } = computePosteriors(em);
    // The mixture built literally: two BDDs in the tree's own manager.
    const model = compileProbabilityModel(tree());
    const t = buildGateBdd(model, 'T');
    const g = buildGateBdd(model, 'G');
    const withG = computeEventImportance(model, q, { root: model.bdd.and(t, g) });
    const withoutG = computeEventImportance(model, q, { root: model.bdd.and(t, -g) });
    const denominator = likelihood.ifTrue * withG.pTop + likelihood.ifFalse * withoutG.pTop;
    for (let v = 0; v < 3; v++) {
      const mixed = (likelihood.ifTrue * withG.pTop * withG.posterior[v]! + likelihood.ifFalse * withoutG.pTop * withoutG.posterior[v]!) / denominator;
      expect(posterior[v]).toBeCloseTo(mixed, 14);
    }
  });

  it('matches a hand computation', () => {
    // P(T∧G) = P(G) = 0.03; P(T∧¬G) = 0.05·0.97 = 0.0485. P(a ∧ T ∧ G) = 0.03, P(a ∧ T ∧ ¬G) = 0.05·0.1·0.7.
    const em = conditionOnEvidence(tree(), q, [{ gate: 'G', likelihood }]);
    const pa = (0.9 * 0.03 + 0.1 * 0.05 * 0.1 * 0.7) / (0.9 * 0.03 + 0.1 * 0.0485);
    expect(computePosteriors(em).posterior[0]).toBeCloseTo(pa, 14);
    // P(T | E) = P(T ∧ E)/P(E) with P(E) ∝ 0.9·P(G) + 0.1·P(¬G).
    expect(computeTopGivenEvidence(em)).toBeCloseTo((0.9 * 0.03 + 0.1 * 0.0485) / (0.9 * 0.03 + 0.1 * 0.97), 14);
  });

  it('without gate evidence is the plain P(x|T), and P(x) when the top is not observed', () => {
    const plain = conditionOnEvidence(tree(), q, []);
    const importance = computeEventImportance(compileProbabilityModel(tree()), q);
    expect(Array.from(computePosteriors(plain).posterior)).toEqual(Array.from(importance.posterior));
    const open = conditionOnEvidence(tree(), q, [], { conditioning: 'evidence-only' });
    expect(Array.from(computePosteriors(open).posterior)).toEqual([0.1, 0.3, 0.05]);
    expect(computeTopGivenEvidence(open)).toBeCloseTo(importance.pTop, 15);
  });

  it('a gate ruled out for sure (likelihood 0 when true) removes its states', () => {
    const em = conditionOnEvidence(tree(), q, [{ gate: 'G', likelihood: { ifTrue: 0, ifFalse: 1 } }]);
    const { posterior } = computePosteriors(em);
    expect(posterior[2]).toBeCloseTo(1, 14); // only c can explain T
    expect(posterior[0]).toBeCloseTo((0.1 * 0.7) / (1 - 0.03), 14); // a given ¬(a ∧ b)
  });

  it('does not clash with ids of the tree', () => {
    const t = tree();
    const clash: FaultTree = { ...t, events: new Map([...t.events, ['evidence of G', { id: 'evidence of G', probability: 0.5, model: { kind: 'constant', value: 0.5 } }]]) };
    const em = conditionOnEvidence(clash, Float64Array.from([0.1, 0.3, 0.05, 0.5]), [{ gate: 'G', likelihood }]);
    expect(computePosteriors(em).posterior[3]).toBeCloseTo(0.5, 14);
  });
});
