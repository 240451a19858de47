import type { FaultTree, Gate } from '../model/fault-tree.js';
import { compileBooleanGraph, FALSE_LITERAL, TRUE_LITERAL, variableNode } from './boolean-graph.js';

function tree(gates: Omit<Gate, 'id'>[], events: string[], houses: Record<string, boolean> = {}): FaultTree {
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top: 'g0',
    missionTime: 1,
    parameters: new Map(),
    gates: new Map(gates.map((g, i) => [`g${i}`, { id: `g${i}`, ...g }])),
    events: new Map(events.map((id) => [id, { id, probability: 0.1, model: { kind: 'constant', value: 0.1 } }])),
    houses: new Map(Object.entries(houses).map(([id, state]) => [id, { id, state }])),
  };
}

describe('compileBooleanGraph', () => {
  it('numbers variables in event definition order, unreachable events included', () => {
    const graph = compileBooleanGraph(tree([{ type: 'or', inputs: ['b', 'a'] }], ['a', 'b', 'unused']));
    expect(graph.variables).toEqual(['a', 'b', 'unused']);
    expect([...graph.probabilities]).toEqual([0.1, 0.1, 0.1]);
    expect(graph.operators[graph.root]).toBe('or');
    expect([...graph.args[graph.root]!].sort()).toEqual([variableNode(0), variableNode(1)].sort());
  });

  it('propagates house events and constants away', () => {
    const houses = { on: true, off: false };
    expect(compileBooleanGraph(tree([{ type: 'and', inputs: ['a', 'off'] }], ['a'], houses)).root).toBe(FALSE_LITERAL);
    expect(compileBooleanGraph(tree([{ type: 'and', inputs: ['a', 'on'] }], ['a'], houses)).root).toBe(variableNode(0));
    expect(compileBooleanGraph(tree([{ type: 'or', inputs: ['a', 'on'] }], ['a'], houses)).root).toBe(TRUE_LITERAL);
    expect(compileBooleanGraph(tree([{ type: 'xor', inputs: ['a', 'on'] }], ['a'], houses)).root).toBe(-variableNode(0));
    expect(compileBooleanGraph(tree([{ type: 'atleast', k: 2, inputs: ['a', 'b', 'on'] }], ['a', 'b'], houses)).root).toBe(
      compileBooleanGraph(tree([{ type: 'or', inputs: ['a', 'b'] }], ['a', 'b'])).root,
    );
  });

  it('turns negations into signed literals', () => {
    const a = variableNode(0);
    expect(compileBooleanGraph(tree([{ type: 'not', inputs: ['a'] }], ['a'])).root).toBe(-a);
    const nor = compileBooleanGraph(tree([{ type: 'nor', inputs: ['a', 'b'] }], ['a', 'b']));
    expect(nor.root).toBeLessThan(0);
    expect(nor.operators[-nor.root]).toBe('or');
    expect([...nor.args[-nor.root]!].every((x) => x > 0)).toBe(true);
    const iff = compileBooleanGraph(tree([{ type: 'iff', inputs: ['a', 'b'] }], ['a', 'b']));
    expect(iff.operators[-iff.root]).toBe('xor');
    expect(compileBooleanGraph(tree([{ type: 'and', inputs: ['a', 'g1'] }, { type: 'not', inputs: ['a'] }], ['a'])).root).toBe(
      FALSE_LITERAL,
    );
  });

  it('compiles a shared gate once and merges identical operators', () => {
    const graph = compileBooleanGraph(
      tree(
        [
          { type: 'and', inputs: ['g1', 'g2', 'g3'] },
          { type: 'or', inputs: ['a', 'b'] },
          { type: 'or', inputs: ['g1', 'c'] },
          { type: 'or', inputs: ['b', 'a'] },
        ],
        ['a', 'b', 'c'],
      ),
    );
    expect(graph.gateLiterals.get('g1')).toBe(graph.gateLiterals.get('g3'));
    expect(graph.nodeCount).toBe(1 + 3 + 3);
  });

  it('keeps k-out-of-n as one threshold node and cardinality as two', () => {
    const atleast = compileBooleanGraph(tree([{ type: 'atleast', k: 2, inputs: ['a', 'b', 'c'] }], ['a', 'b', 'c']));
    expect(atleast.operators[atleast.root]).toBe('atleast');
    expect(atleast.thresholds[atleast.root]).toBe(2);
    const card = compileBooleanGraph(tree([{ type: 'cardinality', k: 1, max: 2, inputs: ['a', 'b', 'c'] }], ['a', 'b', 'c']));
    expect(card.operators[card.root]).toBe('and');
    const [lo, hi] = [...card.args[card.root]!].sort((x, y) => y - x);
    expect(card.operators[lo!]).toBe('or');
    expect(card.operators[-hi!]).toBe('and');
  });
});
