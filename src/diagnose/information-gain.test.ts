import type { FaultTree } from '../model/fault-tree.js';
import { computePosteriors, conditionOnEvidence } from './condition-on-evidence.js';
import { binaryEntropy, expectedInformationGain, suspectEntropy } from './information-gain.js';

function orTree(p: number[]): FaultTree {
  const ids = p.map((_, i) => `e${i}`);
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'top',
    missionTime: 24,
    parameters: new Map(),
    gates: new Map([['top', { id: 'top', type: 'or', inputs: ids }]]),
    events: new Map(ids.map((id, i) => [id, { id, probability: p[i]!, model: { kind: 'constant', value: p[i]! } }])),
    houses: new Map(),
  };
}

describe('information gain', () => {
  it('binary entropy in bits', () => {
    expect(binaryEntropy(0.5)).toBe(1);
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.1)).toBeCloseTo(0.4689955935892812, 14);
    expect(suspectEntropy([0.5, 0.5, 1])).toBe(2);
  });

  it('for independent events (nothing observed), checking one removes exactly its own entropy', () => {
    const tree = orTree([0.3, 0.2]);
    const em = conditionOnEvidence(tree, Float64Array.from([0.3, 0.2]), [], { conditioning: 'evidence-only' });
    const { posterior } = computePosteriors(em);
    expect(expectedInformationGain(em, posterior, 0)).toBeCloseTo(binaryEntropy(0.3), 12);
  });

  it('given T = a ∨ b, checking a also tells about b (a hand-computed example)', () => {
    // q = 0.5 each: P(T) = 0.75, P(a|T) = P(b|T) = 2/3. If a = 1, b stays 0.5; if a = 0, b = 1.
    const tree = orTree([0.5, 0.5]);
    const em = conditionOnEvidence(tree, Float64Array.from([0.5, 0.5]), []);
    const { posterior } = computePosteriors(em);
    expect(posterior[0]).toBeCloseTo(2 / 3, 14);
    const before = 2 * binaryEntropy(2 / 3);
    const after = (2 / 3) * (0 + 1) + (1 / 3) * (0 + 0);
    expect(expectedInformationGain(em, posterior, 0)).toBeCloseTo(before - after, 12);
  });

  it('is 0 for an event already certain', () => {
    const tree = orTree([1, 0.5]);
    const em = conditionOnEvidence(tree, Float64Array.from([1, 0.5]), []);
    expect(expectedInformationGain(em, computePosteriors(em).posterior, 0)).toBe(0);
  });
});
