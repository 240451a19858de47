// Layered drawing of a fault tree's DAG (report stage): Sugiyama, Tagawa and Toda (1981) —
// longest-path layering from the top, dummy nodes on long edges, barycentre sweeps against
// crossings (counted as in Barth, Jünger and Mutzel 2004), then x by order-preserving least squares
// (pool-adjacent-violators) and one routing track per parent bus. docs/reports.md explains it.

export interface DagInput {
  /** The root (the top event). */
  readonly root: string;
  /** Children of a node, in their drawing order (gate inputs); none for leaves. */
  readonly children: (id: string) => readonly string[];
  /** Width of a node's box. */
  readonly width: (id: string) => number;
}

export interface LayoutOptions {
  /** Height of every real node, from its top to the point where its outgoing edges leave. */
  readonly nodeHeight: number;
  /** Horizontal space between neighbouring nodes. */
  readonly nodeGap?: number;
  /** Vertical space between layers, without routing tracks. */
  readonly layerGap?: number;
  /** Vertical distance between two routing tracks in one layer gap. */
  readonly trackGap?: number;
  /** Rounds of barycentre sweeps (each is one sweep down and one up). */
  readonly sweeps?: number;
  readonly margin?: number;
}

export interface PlacedNode {
  readonly id: string;
  readonly layer: number;
  /** Centre of the node's box. */
  readonly x: number;
  /** Top of the node's box. */
  readonly y: number;
  readonly width: number;
}

/** An edge from a parent's bottom to a child's top: an orthogonal polyline. */
export interface RoutedEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface TreeLayout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly edges: readonly RoutedEdge[];
  /** Real node ids per layer, left to right. */
  readonly layers: readonly (readonly string[])[];
  readonly width: number;
  readonly height: number;
  /** Edge crossings left after ordering (between adjacent layers, dummy segments included). */
  readonly crossings: number;
}

interface Vertex {
  readonly key: number;
  readonly id?: string; // undefined for dummies
  readonly layer: number;
  readonly width: number;
  readonly up: number[]; // vertices in layer - 1
  readonly down: number[]; // vertices in layer + 1
}

export function layoutDag(input: DagInput, options: LayoutOptions): TreeLayout {
  const nodeGap = options.nodeGap ?? 24;
  const layerGap = options.layerGap ?? 36;
  const trackGap = options.trackGap ?? 7;
  const margin = options.margin ?? 16;

  // 1. Nodes in depth-first discovery order (a stable first order), and the longest-path layering
  //    from the root: layer(v) = 1 + max layer of its parents, so every edge points down.
  const order: string[] = [];
  const seen = new Set<string>();
  const postorder: string[] = [];
  const stack: { id: string; next: number }[] = [{ id: input.root, next: 0 }];
  seen.add(input.root);
  order.push(input.root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const kids = input.children(top.id);
    if (top.next < kids.length) {
      const child = kids[top.next++]!;
      if (!seen.has(child)) {
        seen.add(child);
        order.push(child);
        stack.push({ id: child, next: 0 });
      }
    } else {
      postorder.push(top.id);
      stack.pop();
    }
  }
  const layerOf = new Map<string, number>([[input.root, 0]]);
  for (let i = postorder.length - 1; i >= 0; i--) {
    const id = postorder[i]!;
    const l = layerOf.get(id) ?? 0;
    for (const c of new Set(input.children(id))) layerOf.set(c, Math.max(layerOf.get(c) ?? 0, l + 1));
  }

  // 2. Vertices, with a dummy on every layer an edge crosses.
  const vertices: Vertex[] = [];
  const keyOf = new Map<string, number>();
  const depth = Math.max(...layerOf.values()) + 1;
  const layers: number[][] = Array.from({ length: depth }, () => []);
  const addVertex = (layer: number, width: number, id?: string): Vertex => {
    const v: Vertex = { key: vertices.length, layer, width, up: [], down: [], ...(id !== undefined ? { id } : {}) };
    vertices.push(v);
    layers[layer]!.push(v.key);
    return v;
  };
  for (const id of order) keyOf.set(id, addVertex(layerOf.get(id)!, input.width(id), id).key);
  const chains: { from: string; to: string; keys: number[] }[] = [];
  for (const id of order) {
    for (const child of new Set(input.children(id))) {
      const keys = [keyOf.get(id)!];
      for (let l = layerOf.get(id)! + 1; l < layerOf.get(child)!; l++) keys.push(addVertex(l, 0).key);
      keys.push(keyOf.get(child)!);
      for (let i = 0; i + 1 < keys.length; i++) {
        vertices[keys[i]!]!.down.push(keys[i + 1]!);
        vertices[keys[i + 1]!]!.up.push(keys[i]!);
      }
      chains.push({ from: id, to: child, keys });
    }
  }
  // A dummy starts next to its chain's previous vertex, so the first order follows the tree.
  const position = new Float64Array(vertices.length);
  for (let l = 0; l < depth; l++) {
    const layer = layers[l]!;
    const first = new Map(layer.map((k, i) => [k, i]));
    const rank = (k: number): number => {
      const v = vertices[k]!;
      return v.id === undefined && v.up.length > 0 ? position[v.up[0]!]! + 0.5 : first.get(k)!;
    };
    layer.sort((a, b) => rank(a) - rank(b));
    layer.forEach((k, i) => (position[k] = i));
  }

  // 3. Crossing reduction: barycentre sweeps, keeping the best ordering seen.
  let best = layers.map((l) => [...l]);
  let bestCrossings = countAllCrossings(layers, vertices, position);
  const sweeps = options.sweeps ?? 12;
  for (let round = 0; round < sweeps && bestCrossings > 0; round++) {
    for (let l = 1; l < depth; l++) reorder(layers[l]!, vertices, position, 'up');
    for (let l = depth - 2; l >= 0; l--) reorder(layers[l]!, vertices, position, 'down');
    const c = countAllCrossings(layers, vertices, position);
    if (c < bestCrossings) {
      bestCrossings = c;
      best = layers.map((layer) => [...layer]);
    }
  }
  for (let l = 0; l < depth; l++) {
    layers[l] = best[l]!;
    layers[l]!.forEach((k, i) => (position[k] = i));
  }

  // 4. x coordinates: each layer packed, then pulled toward its neighbours' mean x while keeping
  //    the order and the gaps (an exact least-squares step per layer), down and up in turn; the
  //    last pass centres parents over their children.
  const xs = new Float64Array(vertices.length);
  const separation = (a: Vertex, b: Vertex) => (a.width + b.width) / 2 + (a.id === undefined || b.id === undefined ? nodeGap / 2 : nodeGap);
  for (const layer of layers) {
    let x = 0;
    layer.forEach((k, i) => {
      if (i > 0) x += separation(vertices[layer[i - 1]!]!, vertices[k]!);
      xs[k] = x;
    });
  }
  const pull = (layer: number[], direction: 'up' | 'down' | 'both') => {
    const desired = layer.map((k) => {
      const v = vertices[k]!;
      const n = direction === 'up' ? v.up : direction === 'down' ? v.down : [...v.up, ...v.down];
      return n.length === 0 ? xs[k]! : n.reduce((s, m) => s + xs[m]!, 0) / n.length;
    });
    const weights = layer.map((k) => (vertices[k]!.id === undefined ? 2 : 1));
    const placed = placeInOrder(desired, weights, layer.slice(1).map((k, i) => separation(vertices[layer[i]!]!, vertices[k]!)));
    layer.forEach((k, i) => (xs[k] = placed[i]!));
  };
  for (let round = 0; round < 8; round++) {
    for (let l = 1; l < depth; l++) pull(layers[l]!, 'up');
    for (let l = depth - 2; l >= 0; l--) pull(layers[l]!, 'down');
  }
  for (let l = 1; l < depth; l++) pull(layers[l]!, 'both');
  for (let l = depth - 2; l >= 0; l--) pull(layers[l]!, 'down');
  let minX = Infinity;
  let maxX = -Infinity;
  for (const v of vertices) {
    minX = Math.min(minX, xs[v.key]! - v.width / 2);
    maxX = Math.max(maxX, xs[v.key]! + v.width / 2);
  }
  for (const v of vertices) xs[v.key] = xs[v.key]! - minX + margin;

  // 5. Routing tracks: in each layer gap, one horizontal bus per parent (or per dummy that bends);
  //    buses whose spans overlap get different tracks, so that edges of two parents never merge.
  const tracksOf: Map<number, number>[] = [];
  const trackCount: number[] = [];
  for (let l = 0; l + 1 < depth; l++) {
    const spans = layers[l]!.filter((k) => vertices[k]!.down.length > 0).map((k) => {
      const all = [xs[k]!, ...vertices[k]!.down.map((d) => xs[d]!)];
      return { key: k, lo: Math.min(...all), hi: Math.max(...all) };
    }).filter((s) => s.hi - s.lo > 0.5);
    spans.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const ends: number[] = [];
    const tracks = new Map<number, number>();
    for (const s of spans) {
      let t = ends.findIndex((end) => end + 6 < s.lo);
      if (t === -1) {
        t = ends.length;
        ends.push(s.hi);
      } else ends[t] = s.hi;
      tracks.set(s.key, t);
    }
    tracksOf.push(tracks);
    trackCount.push(ends.length);
  }
  const layerY: number[] = [margin];
  for (let l = 1; l < depth; l++) layerY.push(layerY[l - 1]! + options.nodeHeight + layerGap + Math.max(0, trackCount[l - 1]! - 1) * trackGap);
  const busY = (l: number, k: number) => {
    const n = Math.max(1, trackCount[l]!);
    const t = tracksOf[l]!.get(k) ?? 0;
    const mid = layerY[l]! + options.nodeHeight + layerGap / 2 + ((n - 1) * trackGap) / 2;
    return mid - ((n - 1) / 2 - t) * trackGap;
  };
  const topOf = (k: number) => layerY[vertices[k]!.layer]!;
  const bottomOf = (k: number) => (vertices[k]!.id === undefined ? layerY[vertices[k]!.layer]! + options.nodeHeight : layerY[vertices[k]!.layer]! + options.nodeHeight);

  const nodes = new Map<string, PlacedNode>();
  for (const v of vertices) if (v.id !== undefined) nodes.set(v.id, { id: v.id, layer: v.layer, x: xs[v.key]!, y: layerY[v.layer]!, width: v.width });
  const edges: RoutedEdge[] = chains.map(({ from, to, keys }) => {
    const points: { x: number; y: number }[] = [{ x: xs[keys[0]!]!, y: bottomOf(keys[0]!) }];
    for (let i = 0; i + 1 < keys.length; i++) {
      const a = keys[i]!;
      const b = keys[i + 1]!;
      if (i > 0) points.push({ x: xs[a]!, y: bottomOf(a) });
      if (Math.abs(xs[a]! - xs[b]!) > 0.5) {
        const y = busY(vertices[a]!.layer, a);
        points.push({ x: xs[a]!, y }, { x: xs[b]!, y });
      }
      points.push({ x: xs[b]!, y: topOf(b) });
    }
    return { from, to, points: simplify(points) };
  });
  return {
    nodes,
    edges,
    layers: layers.map((layer) => layer.filter((k) => vertices[k]!.id !== undefined).map((k) => vertices[k]!.id!)),
    width: maxX - minX + 2 * margin,
    height: layerY[depth - 1]! + options.nodeHeight + margin,
    crossings: bestCrossings,
  };
}

/** Sorts a layer by the barycentre of each vertex's neighbours on the given side (ties keep order). */
function reorder(layer: number[], vertices: readonly Vertex[], position: Float64Array, side: 'up' | 'down'): void {
  const bary = new Map<number, number>();
  for (const k of layer) {
    const n = vertices[k]![side];
    bary.set(k, n.length === 0 ? position[k]! : n.reduce((s, m) => s + position[m]!, 0) / n.length);
  }
  layer.sort((a, b) => bary.get(a)! - bary.get(b)! || position[a]! - position[b]!);
  layer.forEach((k, i) => (position[k] = i));
}

function countAllCrossings(layers: readonly number[][], vertices: readonly Vertex[], position: Float64Array): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const pairs: [number, number][] = [];
    for (const k of layers[l]!) for (const d of vertices[k]!.down) pairs.push([position[k]!, position[d]!]);
    total += countCrossings(pairs, layers[l + 1]!.length);
  }
  return total;
}

/**
 * Crossings among edges between two layers: sorted by upper then lower position, the number of
 * inversions in the lower positions, counted with a Fenwick tree (O(E log V)).
 */
export function countCrossings(edges: readonly (readonly [number, number])[], lowerSize: number): number {
  const sorted = [...edges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const tree = new Int32Array(lowerSize + 1);
  let crossings = 0;
  let inserted = 0;
  for (const [, lower] of sorted) {
    // Count inserted edges whose lower end lies strictly to the right of this one.
    let atMost = 0;
    for (let i = lower + 1; i > 0; i -= i & -i) atMost += tree[i]!;
    crossings += inserted - atMost;
    for (let i = lower + 1; i <= lowerSize; i += i & -i) tree[i]!++;
    inserted++;
  }
  return crossings;
}

/**
 * The positions closest to `desired` (weighted least squares) with x[i+1] − x[i] ≥ gaps[i]:
 * shifted by the cumulative gaps, this is isotonic regression, solved by pool-adjacent-violators.
 */
export function placeInOrder(desired: readonly number[], weights: readonly number[], gaps: readonly number[]): number[] {
  const offset: number[] = [0];
  for (const g of gaps) offset.push(offset[offset.length - 1]! + g);
  const blocks: { sum: number; weight: number; count: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: (d - offset[i]!) * weights[i]!, weight: weights[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.sum / blocks[blocks.length - 2]!.weight > blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.weight) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1]!;
      a.sum += b.sum;
      a.weight += b.weight;
      a.count += b.count;
    }
  });
  const out: number[] = [];
  for (const b of blocks) for (let i = 0; i < b.count; i++) out.push(b.sum / b.weight + offset[out.length]!);
  return out;
}

function simplify(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    // Drop the middle of three collinear points.
    if (prev && last && ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))) out.pop();
    out.push(p);
  }
  return out;
}
