import { findCycle } from './find-cycle.js';

const graph = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('findCycle', () => {
  it('finds nothing in a DAG with shared nodes', () => {
    expect(findCycle(['a', 'b', 'c', 'd'], graph({ a: ['b', 'c'], b: ['d'], c: ['d'] }))).toBeUndefined();
  });
  it('returns the nodes of a cycle in order', () => {
    expect(findCycle(['a', 'b', 'c', 'd'], graph({ a: ['b'], b: ['c'], c: ['d', 'b'] }))).toEqual(['b', 'c']);
  });
  it('handles a chain deeper than the call stack', () => {
    const n = 200_000;
    const nodes = Array.from({ length: n }, (_, i) => `g${i}`);
    const succ = (id: string) => {
      const i = Number(id.slice(1));
      return i + 1 < n ? [`g${i + 1}`] : ['g0'];
    };
    expect(findCycle(nodes, succ)).toHaveLength(n);
  });
});
