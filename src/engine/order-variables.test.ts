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

  it('places a variable whose only parent is an xor right after the xor\'s other arguments (y ↔ G)', () => {
    // top = h ∧ (y ↔ g), h = g ∨ c, g = a ∧ b: y is settled as soon as g is, before c.
    const events = ['a', 'b', 'c', 'y'];
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'and', inputs: ['h', 'agree'] },
          h: { type: 'or', inputs: ['g', 'c'] },
          g: { type: 'and', inputs: ['a', 'b'] },
          agree: { type: 'iff', inputs: ['y', 'g'] },
        },
        events,
      ),
    );
    const order = orderVariables(graph, graph.root, new Uint8Array(graph.nodeCount + 1));
    expect(Array.from(order.levelNodes, (n) => events[n - 2])).toEqual(['b', 'a', 'y', 'c']);
  });

  it('visits the nodes that attach a variable after the rest, the highest first', () => {
    // top = (y1 ↔ g1) ∧ (y2 ↔ g2) ∧ g2, g2 = g1 ∨ c, g1 = a ∧ b: the order of g2's own cone, each
    // y after its gate, whatever the order of the arguments.
    const events = ['a', 'b', 'c', 'y1', 'y2'];
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'and', inputs: ['agree1', 'agree2', 'g2'] },
          g2: { type: 'or', inputs: ['g1', 'c'] },
          g1: { type: 'and', inputs: ['a', 'b'] },
          agree1: { type: 'iff', inputs: ['y1', 'g1'] },
          agree2: { type: 'iff', inputs: ['y2', 'g2'] },
        },
        events,
      ),
    );
    const order = orderVariables(graph, graph.root, new Uint8Array(graph.nodeCount + 1));
    expect(Array.from(order.levelNodes, (n) => events[n - 2])).toEqual(['b', 'a', 'y1', 'c', 'y2']);
  });
});
