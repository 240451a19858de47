import type { FaultTree, Gate } from '../model/fault-tree.js';
import { compileBooleanGraph, variableNode } from './boolean-graph.js';
import { preprocessGraph } from './preprocess-graph.js';

function tree(gates: Omit<Gate, 'id'>[], events: string[]): FaultTree {
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'g0',
    missionTime: 1,
    parameters: new Map(),
    gates: new Map(gates.map((g, i) => [`g${i}`, { id: `g${i}`, ...g }])),
    events: new Map(events.map((id) => [id, { id, probability: 0.1, model: { kind: 'constant', value: 0.1 } }])),
    houses: new Map(),
  };
}

describe('preprocessGraph', () => {
  const [a, b] = [0, 1].map(variableNode) as [number, number];

  it('absorbs an or argument below it: a ∨ (a ∧ b) = a', () => {
    const graph = compileBooleanGraph(tree([{ type: 'or', inputs: ['a', 'g1'] }, { type: 'and', inputs: ['a', 'b'] }], ['a', 'b']));
    expect(preprocessGraph(graph).root).toBe(a);
  });

  it('sets an and argument true below it: a ∧ (¬a ∨ b) = a ∧ b', () => {
    const graph = compileBooleanGraph(
      tree([{ type: 'and', inputs: ['a', 'g1'] }, { type: 'or', inputs: ['g2', 'b'] }, { type: 'not', inputs: ['a'] }], ['a', 'b']),
    );
    const result = preprocessGraph(graph);
    expect(result.operators[result.root]).toBe('and');
    expect([...result.args[result.root]!].sort()).toEqual([a, b].sort());
  });

  it('leaves shared nodes alone: g1 = a ∧ b is also used outside g2', () => {
    // g0 = g1 ∧ (c ∨ g2), g2 = a ∨ g1: g1 is below g2 but also a direct argument of g0.
    const graph = compileBooleanGraph(
      tree(
        [
          { type: 'and', inputs: ['g1', 'g3'] },
          { type: 'and', inputs: ['a', 'b'] },
          { type: 'or', inputs: ['a', 'g1'] },
          { type: 'or', inputs: ['c', 'g2'] },
        ],
        ['a', 'b', 'c'],
      ),
    );
    // g0 = (a ∧ b) ∧ (c ∨ a ∨ (a ∧ b)) = a ∧ b.
    const result = preprocessGraph(graph);
    expect(result.operators[result.root]).toBe('and');
    expect([...result.args[result.root]!].sort()).toEqual([a, b].sort());
  });

  it('transfers a literal implied through or arguments: (a ∨ b) ∨ (a ∧ c) = a ∨ b', () => {
    const graph = compileBooleanGraph(
      tree([{ type: 'or', inputs: ['g1', 'g2'] }, { type: 'or', inputs: ['a', 'b'] }, { type: 'and', inputs: ['a', 'c'] }], ['a', 'b', 'c']),
    );
    const result = preprocessGraph(graph);
    expect(result.operators[result.root]).toBe('or');
    expect([...result.args[result.root]!].sort()).toEqual([a, b].sort());
  });
});
