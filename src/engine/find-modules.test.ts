import { compileBooleanGraph } from './boolean-graph.js';
import { findModules } from './find-modules.js';
import { smallFaultTree as tree } from './small-fault-tree.test-helper.js';

describe('findModules', () => {
  it('finds the gates whose descendants are reachable only through them', () => {
    // top = (a ∧ b) ∨ ((c ∨ d) ∧ e) ∨ (c ∧ f): m1 and m2 are modules; g is not (c is shared).
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'or', inputs: ['m1', 'g', 'h'] },
          m1: { type: 'and', inputs: ['a', 'b'] },
          g: { type: 'and', inputs: ['m2', 'e'] },
          m2: { type: 'or', inputs: ['d', 'c2'] },
          h: { type: 'and', inputs: ['c', 'f'] },
          c2: { type: 'not', inputs: ['nc'] },
          nc: { type: 'not', inputs: ['c'] },
        },
        ['a', 'b', 'c', 'd', 'e', 'f'],
      ),
    );
    const modules = findModules(graph, graph.root);
    const isModule = (id: string): boolean => modules[Math.abs(graph.gateLiterals.get(id)!)] === 1;
    expect(isModule('top')).toBe(true);
    expect(isModule('m1')).toBe(true);
    expect(isModule('g')).toBe(false);
    expect(isModule('m2')).toBe(false);
    expect(isModule('h')).toBe(false);
  });

  it('accepts a shared module', () => {
    const graph = compileBooleanGraph(
      tree(
        {
          top: { type: 'and', inputs: ['x', 'y'] },
          x: { type: 'or', inputs: ['m', 'a'] },
          y: { type: 'or', inputs: ['m', 'b'] },
          m: { type: 'and', inputs: ['c', 'd'] },
        },
        ['a', 'b', 'c', 'd'],
      ),
    );
    const modules = findModules(graph, graph.root);
    expect(modules[graph.gateLiterals.get('m')!]).toBe(1);
    expect(modules[graph.gateLiterals.get('x')!]).toBe(0);
  });
});
