// Zero-suppressed BDDs for families of sets (engine stage): Minato 1993, "Zero-suppressed BDDs for
// set manipulation in combinatorial problems" (DAC); the subsumption operator `without` of Rauzy 1993,
// "New algorithms for fault trees analysis" (RESS 40); unique and computed tables as in bdd.ts.

import { reportEngineProgress } from './engine-progress.js';
import { EngineLimitError } from './engine-limit-error.js';
import { growInt32, hashTriple } from './int-table-helpers.js';
import { HIGH as BDD_HIGH, LEVEL as BDD_LEVEL, LOW as BDD_LOW, NODE_STRIDE as BDD_STRIDE, ONE as BDD_ONE, ZERO as BDD_ZERO } from './bdd.js';

/** A ZBDD reference: a node index. `EMPTY` is the empty family ∅, `BASE` the family {∅}. */
export type ZbddRef = number;

export const EMPTY: ZbddRef = 0;
export const BASE: ZbddRef = 1;

/** Variable of the terminals: after every variable. */
export const TERMINAL_VARIABLE = 0x7fffffff;

/** An order budget that never runs out (sets of any size are kept). */
export const UNLIMITED_ORDER = 0x7ffffff;

/** A family as flat arrays, children before parents (`Zbdd.flatten`). */
export interface FlatZbdd {
  readonly variables: Int32Array;
  /** Position of the low (high) child in these arrays; −1 for EMPTY, −2 for BASE. */
  readonly lows: Int32Array;
  readonly highs: Int32Array;
}

export interface ZbddOptions {
  /** Most nodes before `ZBDD_NODE_LIMIT` is thrown (default 40 million, about 1 GiB with the tables). */
  readonly maxNodes?: number;
  /**
   * Most recursive steps of `without` and `product`, the costly operations, before `ZBDD_NODE_LIMIT`
   * is thrown (default: no limit): a bound on the work that does not depend on the machine.
   */
  readonly maxSteps?: number;
}

export const DEFAULT_MAX_ZBDD_NODES = 40_000_000;

/** Int32 fields per node record: variable, low (sets without it), high (sets with it), next in chain. */
const STRIDE = 4;
const VAR = 0;
const LOW = 1;
const HIGH = 2;
const NEXT = 3;

const OP_UNION = 1;
const OP_DIFFERENCE = 2;
const OP_WITHOUT = 3;
const OP_PRODUCT = 4;
const OP_TRUNCATE = 5;
const OP_ONSET = 6;
const OP_FALSIFYING = 7;

const INITIAL_NODES = 1 << 12;
const MIN_CACHE = 1 << 12;
const MAX_CACHE = 1 << 22;

/**
 * The ZBDD manager. A node (v, low, high) stands for low ∪ {S ∪ {v} : S ∈ high}; variables are
 * integers, smaller ones nearer the root. The zero-suppression rule drops a node whose high child is
 * EMPTY, so every family has exactly one node. Nodes are Int32 records in one growable array with a
 * chained unique table; binary operations memoise in a lossy computed table, whose operation code
 * also carries the order budget of `product` and `truncate`.
 */
export class Zbdd {
  nodes: Int32Array;
  /** 1 where the family of the node contains the empty set. */
  private hasEmpty: Uint8Array;
  /** Per node: size of its smallest and largest set, and its last (largest) variable. */
  private minSize: Int32Array;
  private maxSize: Int32Array;
  private lastVar: Int32Array;
  private used = 2;
  readonly maxNodes: number;
  readonly maxSteps: number;
  /** Recursive steps of `without` and `product` so far. */
  steps = 0;
  private buckets: Int32Array;
  private bucketMask: number;
  private cache: Int32Array;
  private cacheMask: number;

  constructor(options: ZbddOptions = {}) {
    this.maxNodes = options.maxNodes ?? DEFAULT_MAX_ZBDD_NODES;
    this.maxSteps = options.maxSteps ?? Infinity;
    this.nodes = new Int32Array(INITIAL_NODES * STRIDE);
    this.hasEmpty = new Uint8Array(INITIAL_NODES);
    this.minSize = new Int32Array(INITIAL_NODES);
    this.maxSize = new Int32Array(INITIAL_NODES);
    this.lastVar = new Int32Array(INITIAL_NODES);
    // The empty family has no set: its smallest is "infinite", its largest −1.
    this.minSize[EMPTY] = 0x3fffffff;
    this.maxSize[EMPTY] = -1;
    this.lastVar[EMPTY] = -1;
    this.lastVar[BASE] = -1;
    for (const t of [EMPTY, BASE]) {
      this.nodes[t * STRIDE + VAR] = TERMINAL_VARIABLE;
      this.nodes[t * STRIDE + LOW] = t;
      this.nodes[t * STRIDE + HIGH] = t;
    }
    this.hasEmpty[BASE] = 1;
    this.buckets = new Int32Array(INITIAL_NODES);
    this.bucketMask = INITIAL_NODES - 1;
    this.cache = new Int32Array(MIN_CACHE * 4);
    this.cacheMask = MIN_CACHE - 1;
  }

  /** Nodes held, the two terminals included. */
  get nodeCount(): number {
    return this.used;
  }

  variable(f: ZbddRef): number {
    return this.nodes[f * STRIDE + VAR]!;
  }

  low(f: ZbddRef): ZbddRef {
    return this.nodes[f * STRIDE + LOW]!;
  }

  high(f: ZbddRef): ZbddRef {
    return this.nodes[f * STRIDE + HIGH]!;
  }

  /** Whether the family contains the empty set. */
  containsEmpty(f: ZbddRef): boolean {
    return this.hasEmpty[f] === 1;
  }

  /** The non-terminal nodes of the family `root`, in ascending order (children before parents). */
  nodesBelow(root: ZbddRef): Int32Array {
    if (root <= BASE) return new Int32Array(0);
    // Children are numbered before their parents: one descending sweep marks what root reaches.
    const seen = new Uint8Array(root + 1);
    const nodes = this.nodes;
    seen[root] = 1;
    let count = 0;
    for (let n = root; n > BASE; n--) {
      if (seen[n] === 0) continue;
      count++;
      seen[nodes[n * STRIDE + LOW]!] = 1;
      seen[nodes[n * STRIDE + HIGH]!] = 1;
    }
    const result = new Int32Array(count);
    let k = 0;
    for (let n = 2; n <= root; n++) if (seen[n] === 1) result[k++] = n;
    return result;
  }

  /**
   * The family `root` as flat arrays in ascending order (children first, `root` last), for sweeps
   * that read each node once in sequence: its variable, and its children as positions in the same
   * arrays, −1 for EMPTY and −2 for BASE.
   */
  flatten(root: ZbddRef): FlatZbdd {
    const order = this.nodesBelow(root);
    const count = order.length;
    const variables = new Int32Array(count);
    const lows = new Int32Array(count);
    const highs = new Int32Array(count);
    const position = new Int32Array(root + 1);
    position[EMPTY] = -1;
    position[BASE] = -2;
    const nodes = this.nodes;
    for (let i = 0; i < count; i++) {
      const n = order[i]!;
      position[n] = i;
      variables[i] = nodes[n * STRIDE + VAR]!;
      lows[i] = position[nodes[n * STRIDE + LOW]!]!;
      highs[i] = position[nodes[n * STRIDE + HIGH]!]!;
    }
    return { variables, lows, highs };
  }

  /** The family {{v}}. */
  single(v: number): ZbddRef {
    return this.makeNode(v, EMPTY, BASE);
  }

  /** findOrAdd: the node (v, low, high), zero-suppressed and canonical; `v` must precede the children's variables. */
  makeNode(v: number, low: ZbddRef, high: ZbddRef): ZbddRef {
    if (high === EMPTY) return low;
    const bucket = hashTriple(v, low, high) & this.bucketMask;
    let nodes = this.nodes;
    for (let n = this.buckets[bucket]!; n !== 0; ) {
      const i = n * STRIDE;
      if (nodes[i + VAR] === v && nodes[i + LOW] === low && nodes[i + HIGH] === high) return n;
      n = nodes[i + NEXT]!;
    }
    const n = this.used;
    if ((n + 1) * STRIDE > nodes.length) nodes = this.growNodes();
    const i = n * STRIDE;
    nodes[i + VAR] = v;
    nodes[i + LOW] = low;
    nodes[i + HIGH] = high;
    nodes[i + NEXT] = this.buckets[bucket]!;
    this.hasEmpty[n] = this.hasEmpty[low]!;
    const minLow = this.minSize[low]!;
    const minHigh = this.minSize[high]! + 1;
    this.minSize[n] = minLow < minHigh ? minLow : minHigh;
    const maxLow = this.maxSize[low]!;
    const maxHigh = this.maxSize[high]! + 1;
    this.maxSize[n] = maxLow > maxHigh ? maxLow : maxHigh;
    const lastLow = this.lastVar[low]!;
    const lastHigh = this.lastVar[high]!;
    const last = lastLow > lastHigh ? lastLow : lastHigh;
    this.lastVar[n] = last > v ? last : v;
    this.buckets[bucket] = n;
    this.used = n + 1;
    if (this.used > this.buckets.length) this.rehash(this.buckets.length * 2);
    return n;
  }

  /** f ∪ g. */
  union(f: ZbddRef, g: ZbddRef): ZbddRef {
    this.resizeCache();
    return this.unionRec(f, g);
  }

  private unionRec(f: ZbddRef, g: ZbddRef): ZbddRef {
    if (f === EMPTY || f === g) return g;
    if (g === EMPTY) return f;
    if (f > g) {
      const t = f;
      f = g;
      g = t;
    }
    const slot = this.slot(OP_UNION, f, g);
    const cache = this.cache;
    if (cache[slot] === OP_UNION && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nodes = this.nodes;
    const vf = nodes[f * STRIDE + VAR]!;
    const vg = nodes[g * STRIDE + VAR]!;
    let r: ZbddRef;
    if (vf < vg) r = this.makeNode(vf, this.unionRec(nodes[f * STRIDE + LOW]!, g), nodes[f * STRIDE + HIGH]!);
    else if (vg < vf) r = this.makeNode(vg, this.unionRec(f, nodes[g * STRIDE + LOW]!), nodes[g * STRIDE + HIGH]!);
    else {
      const h = this.unionRec(nodes[f * STRIDE + HIGH]!, nodes[g * STRIDE + HIGH]!);
      r = this.makeNode(vf, this.unionRec(this.nodes[f * STRIDE + LOW]!, this.nodes[g * STRIDE + LOW]!), h);
    }
    this.store(slot, OP_UNION, f, g, r);
    return r;
  }

  /** f ∖ g: the sets of f that are not sets of g. */
  difference(f: ZbddRef, g: ZbddRef): ZbddRef {
    this.resizeCache();
    return this.differenceRec(f, g);
  }

  private differenceRec(f: ZbddRef, g: ZbddRef): ZbddRef {
    if (f === EMPTY || f === g) return EMPTY;
    if (g === EMPTY) return f;
    const slot = this.slot(OP_DIFFERENCE, f, g);
    const cache = this.cache;
    if (cache[slot] === OP_DIFFERENCE && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nodes = this.nodes;
    const vf = nodes[f * STRIDE + VAR]!;
    const vg = nodes[g * STRIDE + VAR]!;
    let r: ZbddRef;
    if (vf < vg) r = this.makeNode(vf, this.differenceRec(nodes[f * STRIDE + LOW]!, g), nodes[f * STRIDE + HIGH]!);
    else if (vg < vf) r = this.differenceRec(f, nodes[g * STRIDE + LOW]!);
    else {
      const h = this.differenceRec(nodes[f * STRIDE + HIGH]!, nodes[g * STRIDE + HIGH]!);
      r = this.makeNode(vf, this.differenceRec(this.nodes[f * STRIDE + LOW]!, this.nodes[g * STRIDE + LOW]!), h);
    }
    this.store(slot, OP_DIFFERENCE, f, g, r);
    return r;
  }

  /**
   * f without g (Rauzy's subsumption operator ÷): the sets of f that contain no set of g. With
   * f = v·f1 ∪ f0 and g = v·g1 ∪ g0: (f1 ÷ g1 ÷ g0)·v ∪ (f0 ÷ g0).
   */
  without(f: ZbddRef, g: ZbddRef): ZbddRef {
    this.resizeCache();
    return this.withoutRec(f, g);
  }

  private withoutRec(f: ZbddRef, g: ZbddRef): ZbddRef {
    if (f === EMPTY || f === g || this.hasEmpty[g] === 1) return EMPTY;
    if (g === EMPTY || f === BASE) return f;
    // No set of g fits in a set of f: every set of g is larger, or holds a variable after all of f's.
    if (this.minSize[g]! > this.maxSize[f]! || this.nodes[g * STRIDE + VAR]! > this.lastVar[f]!) return f;
    if (++this.steps > this.maxSteps) this.outOfSteps();
    const slot = this.slot(OP_WITHOUT, f, g);
    const cache = this.cache;
    if (cache[slot] === OP_WITHOUT && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nodes = this.nodes;
    const vf = nodes[f * STRIDE + VAR]!;
    const vg = nodes[g * STRIDE + VAR]!;
    let r: ZbddRef;
    if (vf < vg) {
      const h = this.withoutRec(nodes[f * STRIDE + HIGH]!, g);
      r = this.makeNode(vf, this.withoutRec(this.nodes[f * STRIDE + LOW]!, g), h);
    } else if (vg < vf) {
      r = this.withoutRec(f, nodes[g * STRIDE + LOW]!);
    } else {
      const g0 = nodes[g * STRIDE + LOW]!;
      const h = this.withoutRec(this.withoutRec(nodes[f * STRIDE + HIGH]!, nodes[g * STRIDE + HIGH]!), g0);
      r = this.makeNode(vf, this.withoutRec(this.nodes[f * STRIDE + LOW]!, g0), h);
    }
    this.store(slot, OP_WITHOUT, f, g, r);
    return r;
  }

  /**
   * The sets of f on which the BDD function g is false, a set read as the assignment that sets its
   * variables true and every other false; ZBDD variable 2·ℓ is the BDD's level ℓ and f has no odd
   * variable. `bddNodes` are the BDD's records (bdd.ts). For a monotone g this is f ÷ MS(g) without
   * building MS(g): a set contains a minimal solution of g exactly when g holds on it.
   */
  falsifying(f: ZbddRef, bddNodes: Int32Array, g: number): ZbddRef {
    this.resizeCache();
    return this.falsifyingRec(f, bddNodes, g);
  }

  private falsifyingRec(f: ZbddRef, bdd: Int32Array, g: number): ZbddRef {
    if (f === EMPTY || g === BDD_ONE) return EMPTY;
    if (g === BDD_ZERO) return f;
    if (++this.steps > this.maxSteps) this.outOfSteps();
    const slot = this.slot(OP_FALSIFYING, f, g);
    const cache = this.cache;
    if (cache[slot] === OP_FALSIFYING && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nodes = this.nodes;
    const vf = nodes[f * STRIDE + VAR]!;
    const gi = (g < 0 ? -g : g) * BDD_STRIDE;
    const vg = 2 * bdd[gi + BDD_LEVEL]!;
    let r: ZbddRef;
    if (vf < vg) {
      const h = this.falsifyingRec(nodes[f * STRIDE + HIGH]!, bdd, g);
      r = this.makeNode(vf, this.falsifyingRec(this.nodes[f * STRIDE + LOW]!, bdd, g), h);
    } else {
      // The sets of f do not hold g's variable when vg < vf: they follow its else-branch.
      const g0 = g < 0 ? -bdd[gi + BDD_LOW]! : bdd[gi + BDD_LOW]!;
      if (vg < vf) r = this.falsifyingRec(f, bdd, g0);
      else {
        const g1 = g < 0 ? -bdd[gi + BDD_HIGH]! : bdd[gi + BDD_HIGH]!;
        const h = this.falsifyingRec(nodes[f * STRIDE + HIGH]!, bdd, g1);
        r = this.makeNode(vf, this.falsifyingRec(this.nodes[f * STRIDE + LOW]!, bdd, g0), h);
      }
    }
    this.store(this.slot(OP_FALSIFYING, f, g), OP_FALSIFYING, f, g, r);
    return r;
  }

  /**
   * {S ∪ T : S ∈ f, T ∈ g, |S ∪ T| ≤ maxOrder} (the join; callers use it on families over disjoint
   * variables, where the sizes add and no minimisation is needed).
   */
  product(f: ZbddRef, g: ZbddRef, maxOrder: number = UNLIMITED_ORDER): ZbddRef {
    this.resizeCache();
    return this.productRec(f, g, maxOrder);
  }

  private productRec(f: ZbddRef, g: ZbddRef, budget: number): ZbddRef {
    if (f === EMPTY || g === EMPTY) return EMPTY;
    if (f === BASE) return this.truncateRec(g, budget);
    if (g === BASE) return this.truncateRec(f, budget);
    if (budget === 0) return this.hasEmpty[f] === 1 && this.hasEmpty[g] === 1 ? BASE : EMPTY;
    if (++this.steps > this.maxSteps) this.outOfSteps();
    if (f > g) {
      const t = f;
      f = g;
      g = t;
    }
    const op = OP_PRODUCT | (budget << 3);
    const slot = this.slot(op, f, g);
    const cache = this.cache;
    if (cache[slot] === op && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nodes = this.nodes;
    const vf = nodes[f * STRIDE + VAR]!;
    const vg = nodes[g * STRIDE + VAR]!;
    const less = budget === UNLIMITED_ORDER ? budget : budget - 1;
    let r: ZbddRef;
    if (vf < vg) {
      const h = this.productRec(nodes[f * STRIDE + HIGH]!, g, less);
      r = this.makeNode(vf, this.productRec(this.nodes[f * STRIDE + LOW]!, g, budget), h);
    } else if (vg < vf) {
      const h = this.productRec(f, nodes[g * STRIDE + HIGH]!, less);
      r = this.makeNode(vg, this.productRec(f, this.nodes[g * STRIDE + LOW]!, budget), h);
    } else {
      const f0 = nodes[f * STRIDE + LOW]!;
      const f1 = nodes[f * STRIDE + HIGH]!;
      const g0 = nodes[g * STRIDE + LOW]!;
      const g1 = nodes[g * STRIDE + HIGH]!;
      const h = this.unionRec(this.unionRec(this.productRec(f1, g1, less), this.productRec(f1, g0, less)), this.productRec(f0, g1, less));
      r = this.makeNode(vf, this.productRec(f0, g0, budget), h);
    }
    this.store(this.slot(op, f, g), op, f, g, r);
    return r;
  }

  /** The sets of f with at most `maxOrder` elements. */
  truncate(f: ZbddRef, maxOrder: number): ZbddRef {
    this.resizeCache();
    return this.truncateRec(f, maxOrder);
  }

  private truncateRec(f: ZbddRef, budget: number): ZbddRef {
    if (f <= BASE || budget === UNLIMITED_ORDER) return f;
    if (budget === 0) return this.hasEmpty[f] === 1 ? BASE : EMPTY;
    const op = OP_TRUNCATE | (budget << 3);
    const slot = this.slot(op, f, 0);
    const cache = this.cache;
    if (cache[slot] === op && cache[slot + 1] === f && cache[slot + 2] === 0) return cache[slot + 3]!;
    const h = this.truncateRec(this.nodes[f * STRIDE + HIGH]!, budget - 1);
    const r = this.makeNode(this.nodes[f * STRIDE + VAR]!, this.truncateRec(this.nodes[f * STRIDE + LOW]!, budget), h);
    this.store(this.slot(op, f, 0), op, f, 0, r);
    return r;
  }

  /** {S ∖ {v} : S ∈ f, v ∈ S}: the sets containing v, without it. */
  onset(f: ZbddRef, v: number): ZbddRef {
    this.resizeCache();
    return this.onsetRec(f, v);
  }

  private onsetRec(f: ZbddRef, v: number): ZbddRef {
    const vf = this.nodes[f * STRIDE + VAR]!;
    if (vf > v) return EMPTY;
    if (vf === v) return this.nodes[f * STRIDE + HIGH]!;
    const slot = this.slot(OP_ONSET, f, v);
    const cache = this.cache;
    if (cache[slot] === OP_ONSET && cache[slot + 1] === f && cache[slot + 2] === v) return cache[slot + 3]!;
    const h = this.onsetRec(this.nodes[f * STRIDE + HIGH]!, v);
    const r = this.makeNode(vf, this.onsetRec(this.nodes[f * STRIDE + LOW]!, v), h);
    this.store(this.slot(OP_ONSET, f, v), OP_ONSET, f, v, r);
    return r;
  }

  private slot(op: number, f: number, g: number): number {
    return (hashTriple(op, f, g) & this.cacheMask) << 2;
  }

  private store(slot: number, op: number, f: number, g: number, r: number): void {
    const cache = this.cache;
    cache[slot] = op;
    cache[slot + 1] = f;
    cache[slot + 2] = g;
    cache[slot + 3] = r;
  }

  private outOfSteps(): never {
    throw new EngineLimitError('zbdd-steps', this.maxSteps, `The cut sets need more than ${this.maxSteps} ZBDD steps`);
  }

  private growNodes(): Int32Array {
    const size = this.nodes.length / STRIDE;
    if (size >= this.maxNodes) throw new EngineLimitError('zbdd-nodes', this.maxNodes, `The cut sets exceed ${this.maxNodes} ZBDD nodes`);
    reportEngineProgress('zbdd-nodes', size);
    const next = Math.min(size * 2, this.maxNodes + 1);
    const nodes = new Int32Array(next * STRIDE);
    nodes.set(this.nodes);
    this.nodes = nodes;
    const flags = new Uint8Array(next);
    flags.set(this.hasEmpty);
    this.hasEmpty = flags;
    this.minSize = growInt32(this.minSize, next);
    this.maxSize = growInt32(this.maxSize, next);
    this.lastVar = growInt32(this.lastVar, next);
    return nodes;
  }

  /** The computed table grows with the nodes, up to its cap; only between top-level operations. */
  private resizeCache(): void {
    const entries = Math.min(MAX_CACHE, Math.max(MIN_CACHE, this.nodes.length / STRIDE));
    if (entries > this.cacheMask + 1) {
      this.cache = new Int32Array(entries * 4);
      this.cacheMask = entries - 1;
    }
  }

  private rehash(size: number): void {
    const buckets = new Int32Array(size);
    const mask = size - 1;
    const nodes = this.nodes;
    for (let n = 2; n < this.used; n++) {
      const i = n * STRIDE;
      const b = hashTriple(nodes[i + VAR]!, nodes[i + LOW]!, nodes[i + HIGH]!) & mask;
      nodes[i + NEXT] = buckets[b]!;
      buckets[b] = n;
    }
    this.buckets = buckets;
    this.bucketMask = mask;
  }
}


