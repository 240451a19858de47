import { compileBooleanGraph, variableNode } from './boolean-graph.js';
import { findModules } from './find-modules.js';
import { orderVariables } from './order-variables.js';
import { smallFaultTree as tree } from './small-fault-tree.test-helper.js';

describe('orderVariables', () => {
  it('numbers in post-order, most shared arguments first, unreachable variables last', () => {
    // top = g1 ∧ g2 ∧ d, g1 = a ∨ b, g2 = b ∨ c: b has two parents.
    const events = ['a', 'b', 'c', 'd', 'unused'];
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'and', inputs: ['g1', 'g2', 'd'] },
          g1: { type: 'or', inputs: ['a', 'b'] },
          g2: { type: 'or', inputs: ['b', 'c'] },
        },
        events,
      ),
    );
    const order = orderVariables(graph, graph.root, new Uint8Array(graph.nodeCount + 1));
    const names = Array.from(order.levelNodes, (n) => events[n - 2]);
    // Arguments last to first: g2 before g1; in g2, b (two parents) before c; d after the gates.
    expect(names).toEqual(['b', 'c', 'a', 'd', 'unused']);
    events.forEach((_, v) => expect(order.levelNodes[order.nodeLevels[variableNode(v)]!]).toBe(variableNode(v)));
  });

  it('gives a module one proxy level after its own variables', () => {
    const events = ['a', 'b', 'c'];
    const graph = compileBooleanGraph(
      tree({ top: { type: 'or', inputs: ['m', 'c'] }, m: { type: 'and', inputs: ['a', 'b'] } }, events),
    );
    const modules = findModules(graph, graph.root);
    const m = graph.gateLiterals.get('m')!;
    expect(modules[m]).toBe(1);
    const order = orderVariables(graph, graph.root, modules);
    expect(Array.from(order.levelNodes)).toEqual([variableNode(1), variableNode(0), m, variableNode(2)]);
  });
});
