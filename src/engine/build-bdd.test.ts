import { compileBooleanGraph } from './boolean-graph.js';
import { buildBdd, type BuildStep } from './build-bdd.js';
import { smallFaultTree as tree } from './small-fault-tree.test-helper.js';

describe('buildBdd onStep', () => {
  it('reports every operator node built, children first, with the nodes it created', () => {
    // top = (a ∧ b) ∨ (c ∧ d) ∨ atleast 2 of (a, c, e): the two conjunctions are absorbed into
    // the top's step (one parent, not modules), so two steps: the atleast, then the top.
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'or', inputs: ['m', 'g', 'v'] },
          m: { type: 'and', inputs: ['a', 'b'] },
          g: { type: 'and', inputs: ['c', 'd'] },
          v: { type: 'atleast', k: 2, inputs: ['a', 'c', 'e'] },
        },
        ['a', 'b', 'c', 'd', 'e'],
      ),
    );
    const steps: BuildStep[] = [];
    const model = buildBdd(graph, { preprocess: false, onStep: (step) => steps.push(step) });
    expect(steps.map((s) => s.operator)).toEqual(['atleast', 'or']);
    expect(steps[1]!.node).toBe(Math.abs(graph.root));
    for (const s of steps) {
      expect(s.bdd).toBe(model.bdd);
      expect(s.graph).toBe(graph);
      expect(s.createdNodes).toBeGreaterThanOrEqual(0);
    }
    expect(steps.reduce((sum, s) => sum + s.createdNodes, 0)).toBeGreaterThan(0);
  });
});
