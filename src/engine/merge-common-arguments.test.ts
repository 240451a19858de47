import type { FaultTree, Gate } from '../model/fault-tree.js';
import { compileBooleanGraph, variableNode } from './boolean-graph.js';
import { mergeCommonArguments } from './merge-common-arguments.js';

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

describe('mergeCommonArguments', () => {
  it('replaces the arguments two or nodes share by one new or node, keeping every node', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map(variableNode) as [number, number, number, number];
    const graph = compileBooleanGraph(
      tree(
        [
          { type: 'and', inputs: ['g1', 'g2'] },
          { type: 'or', inputs: ['a', 'b', 'c'] },
          { type: 'or', inputs: ['a', 'd', 'b'] },
        ],
        ['a', 'b', 'c', 'd'],
      ),
    );
    const merged = mergeCommonArguments(graph);
    expect(merged.nodeCount).toBe(graph.nodeCount + 1);
    expect(merged.root).toBe(graph.root);
    const added = merged.nodeCount;
    expect(merged.operators[added]).toBe('or');
    expect([...merged.args[added]!].sort()).toEqual([a, b].sort());
    const g1 = graph.gateLiterals.get('g1')!;
    const g2 = graph.gateLiterals.get('g2')!;
    expect([...merged.args[g1]!].sort()).toEqual([added, c].sort());
    expect([...merged.args[g2]!].sort()).toEqual([added, d].sort());
  });

  it('returns the graph itself when nothing is shared', () => {
    const graph = compileBooleanGraph(tree([{ type: 'or', inputs: ['a', 'b'] }], ['a', 'b']));
    expect(mergeCommonArguments(graph)).toBe(graph);
  });
});
