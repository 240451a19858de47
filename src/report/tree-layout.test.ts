import { countCrossings, layoutDag, placeInOrder } from './tree-layout.js';

describe('countCrossings', () => {
  it('counts pairs of edges whose ends are in opposite orders', () => {
    expect(countCrossings([[0, 0], [1, 1]], 2)).toBe(0);
    expect(countCrossings([[0, 1], [1, 0]], 2)).toBe(1);
    // A complete bipartite K(3,3) drawn in order has 9 choose-style crossings: sum over pairs.
    const k33: [number, number][] = [];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) k33.push([a, b]);
    expect(countCrossings(k33, 3)).toBe(9);
  });

  it('agrees with the quadratic count on random edge sets', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 50; t++) {
      const edges: [number, number][] = Array.from({ length: 12 }, () => [rand(6), rand(6)]);
      let naive = 0;
      for (let i = 0; i < edges.length; i++) {
        for (let j = i + 1; j < edges.length; j++) {
          const [a, b] = edges[i]!;
          const [c, d] = edges[j]!;
          if ((a - c) * (b - d) < 0) naive++;
        }
      }
      expect(countCrossings(edges, 6)).toBe(naive);
    }
  });
});

describe('placeInOrder', () => {
  it('keeps desired positions that respect the gaps', () => {
    expect(placeInOrder([0, 10, 30], [1, 1, 1], [5, 5])).toEqual([0, 10, 30]);
  });

  it('spreads colliding nodes evenly around their mean', () => {
    expect(placeInOrder([10, 10], [1, 1], [4])).toEqual([8, 12]);
    expect(placeInOrder([0, 0, 0], [1, 1, 1], [2, 2])).toEqual([-2, 0, 2]);
  });
});

describe('layoutDag', () => {
  const graph: Record<string, string[]> = {
    top: ['a', 'b'],
    a: ['x', 'shared'],
    b: ['shared', 'y', 'c'],
    c: ['shared', 'z'],
  };
  const layout = layoutDag({ root: 'top', children: (id) => graph[id] ?? [], width: () => 100 }, { nodeHeight: 50 });

  it('places every node once, in layers by longest path from the top', () => {
    expect([...layout.nodes.keys()].sort()).toEqual(['a', 'b', 'c', 'shared', 'top', 'x', 'y', 'z']);
    expect(layout.nodes.get('top')!.layer).toBe(0);
    expect(layout.nodes.get('shared')!.layer).toBe(3);
    expect(layout.layers.flat()).toHaveLength(8);
  });

  it('draws one edge per distinct input, from the parent down to the child', () => {
    expect(layout.edges).toHaveLength(9);
    for (const e of layout.edges) {
      const from = layout.nodes.get(e.from)!;
      const to = layout.nodes.get(e.to)!;
      expect(e.points[0]).toEqual({ x: from.x, y: from.y + 50 });
      expect(e.points[e.points.length - 1]).toEqual({ x: to.x, y: to.y });
      for (let i = 1; i < e.points.length; i++) {
        const [p, q] = [e.points[i - 1]!, e.points[i]!];
        expect(p.x === q.x || p.y === q.y).toBe(true); // orthogonal
        expect(q.y).toBeGreaterThanOrEqual(p.y); // never upward
      }
    }
  });

  it('keeps nodes of one layer apart and finds a drawing without crossings', () => {
    for (const layer of layout.layers) {
      const xs = layer.map((id) => layout.nodes.get(id)!.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(100);
    }
    expect(layout.crossings).toBe(0);
  });

  it('untangles a crossed first order', () => {
    const g: Record<string, string[]> = { top: ['a', 'b'], a: ['q', 'p'], b: ['p2', 'q2'], p: [], q: [] };
    // a's inputs q, p and b's p2, q2: a good order has no crossing whatever the input order.
    const l = layoutDag({ root: 'top', children: (id) => g[id] ?? [], width: () => 10 }, { nodeHeight: 10 });
    expect(l.crossings).toBe(0);
  });
});
