// Reduced ordered binary decision diagrams with complement edges (engine stage): Bryant 1986,
// "Graph-based algorithms for Boolean function manipulation"; Brace, Rudell & Bryant 1990,
// "Efficient implementation of a BDD package" (unique table, computed table, complement edges).

import { EXIT, FtreeError } from '../model/diagnostic.js';

/**
 * A BDD reference: a signed node index, negative for a complemented edge (as in CUDD and dd).
 * Node 1 is the terminal; `ONE` is the constant true and `ZERO = -ONE` the constant false.
 */
export type BddRef = number;

export const ONE: BddRef = 1;
export const ZERO: BddRef = -1;

/** Level of the terminal: below every variable. */
export const TERMINAL_LEVEL = 0x7fffffff;

export interface BddManagerOptions {
  /** Most nodes the manager may hold before it throws `BDD_NODE_LIMIT` (default 40 million). */
  readonly maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 40_000_000;

const OP_AND = 1;
const OP_XOR = 2;

const INITIAL_NODES = 1 << 12;
const MIN_CACHE = 1 << 12;
const MAX_CACHE = 1 << 22;

/**
 * The BDD manager: nodes live in growable typed arrays (level, low, high), canonical through an
 * open-addressing unique table; `and` and `xor` are memoised in a lossy computed table. The high
 * (then) edge of a stored node is never complemented, so every function has one reference.
 * Levels are plain integers: level 0 is the top of the order.
 */
export class Bdd {
  /** Level of each node (index 0 unused; node 1 is the terminal). */
  level: Int32Array;
  /** Else-child of each node (may be complemented). */
  low: Int32Array;
  /** Then-child of each node (never complemented). */
  high: Int32Array;
  /** Number of used node slots, the terminal included (node indices are 1..size-1 … size). */
  private used = 2;
  readonly maxNodes: number;

  private unique: Int32Array;
  private uniqueMask: number;
  private cache: Int32Array;
  private cacheMask: number;

  constructor(options: BddManagerOptions = {}) {
    this.maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
    this.level = new Int32Array(INITIAL_NODES);
    this.low = new Int32Array(INITIAL_NODES);
    this.high = new Int32Array(INITIAL_NODES);
    this.level[1] = TERMINAL_LEVEL;
    this.low[1] = ONE;
    this.high[1] = ONE;
    this.unique = new Int32Array(INITIAL_NODES * 2);
    this.uniqueMask = this.unique.length - 1;
    this.cache = new Int32Array(MIN_CACHE * 4);
    this.cacheMask = MIN_CACHE - 1;
  }

  /** Number of nodes held, the terminal included (garbage too, until `compact`). */
  get nodeCount(): number {
    return this.used - 1;
  }

  /** The single-variable function at `level`. */
  variable(level: number): BddRef {
    return this.makeNode(level, ZERO, ONE);
  }

  /** Level of the top node of `f` (TERMINAL_LEVEL for constants). */
  topLevel(f: BddRef): number {
    return this.level[f < 0 ? -f : f]!;
  }

  /** findOrAdd: the node (level, low, high), reduced and canonical. */
  makeNode(level: number, low: BddRef, high: BddRef): BddRef {
    // Reduction rule: a test whose branches agree is redundant.
    if (low === high) return low;
    // Canonical form: the then-edge is regular; a complemented one moves to the result.
    if (high < 0) return -this.makeNode(level, -low, -high);
    const mask = this.uniqueMask;
    let slot = hashTriple(level, low, high) & mask;
    for (;;) {
      const n = this.unique[slot]!;
      if (n === 0) break;
      if (this.level[n] === level && this.low[n] === low && this.high[n] === high) return n;
      slot = (slot + 1) & mask;
    }
    // Not in the unique table: add it.
    const n = this.used;
    if (n >= this.level.length) this.growNodes();
    this.level[n] = level;
    this.low[n] = low;
    this.high[n] = high;
    this.used = n + 1;
    this.unique[slot] = n;
    if (this.used * 2 > this.unique.length) this.rehash(this.unique.length * 2);
    return n;
  }

  and(f: BddRef, g: BddRef): BddRef {
    this.resizeCache();
    return this.andRec(f, g);
  }

  private andRec(f: BddRef, g: BddRef): BddRef {
    // Terminal cases.
    if (f === g) return f;
    if (f === -g) return ZERO;
    if (f === ONE) return g;
    if (g === ONE) return f;
    if (f === ZERO || g === ZERO) return ZERO;
    if (f > g) {
      const t = f;
      f = g;
      g = t;
    }
    const cache = this.cache;
    const slot = (hashTriple(OP_AND, f, g) & this.cacheMask) << 2;
    if (cache[slot] === OP_AND && cache[slot + 1] === f && cache[slot + 2] === g) return cache[slot + 3]!;
    const nf = f < 0 ? -f : f;
    const ng = g < 0 ? -g : g;
    const lf = this.level[nf]!;
    const lg = this.level[ng]!;
    const top = lf < lg ? lf : lg;
    let f0 = f;
    let f1 = f;
    let g0 = g;
    let g1 = g;
    if (lf === top) {
      f0 = f < 0 ? -this.low[nf]! : this.low[nf]!;
      f1 = f < 0 ? -this.high[nf]! : this.high[nf]!;
    }
    if (lg === top) {
      g0 = g < 0 ? -this.low[ng]! : this.low[ng]!;
      g1 = g < 0 ? -this.high[ng]! : this.high[ng]!;
    }
    const r1 = this.andRec(f1, g1);
    const r0 = this.andRec(f0, g0);
    const r = this.makeNode(top, r0, r1);
    // The computed table is resized only between top-level operations, so the slot still holds.
    cache[slot] = OP_AND;
    cache[slot + 1] = f;
    cache[slot + 2] = g;
    cache[slot + 3] = r;
    return r;
  }

  or(f: BddRef, g: BddRef): BddRef {
    return -this.and(-f, -g);
  }

  not(f: BddRef): BddRef {
    return -f;
  }

  xor(f: BddRef, g: BddRef): BddRef {
    this.resizeCache();
    return this.xorRec(f, g);
  }

  private xorRec(f: BddRef, g: BddRef): BddRef {
    // xor(¬f, g) = ¬xor(f, g): work on regular references and fix the sign at the end.
    let sign = 1;
    if (f < 0) {
      f = -f;
      sign = -sign;
    }
    if (g < 0) {
      g = -g;
      sign = -sign;
    }
    if (f === g) return sign * ZERO;
    if (f === ONE) return sign * -g;
    if (g === ONE) return sign * -f;
    if (f > g) {
      const t = f;
      f = g;
      g = t;
    }
    const cache = this.cache;
    const slot = (hashTriple(OP_XOR, f, g) & this.cacheMask) << 2;
    if (cache[slot] === OP_XOR && cache[slot + 1] === f && cache[slot + 2] === g) return sign * cache[slot + 3]!;
    const lf = this.level[f]!;
    const lg = this.level[g]!;
    const top = lf < lg ? lf : lg;
    const f0 = lf === top ? this.low[f]! : f;
    const f1 = lf === top ? this.high[f]! : f;
    const g0 = lg === top ? this.low[g]! : g;
    const g1 = lg === top ? this.high[g]! : g;
    const r = this.makeNode(top, this.xorRec(f0, g0), this.xorRec(f1, g1));
    cache[slot] = OP_XOR;
    cache[slot + 1] = f;
    cache[slot + 2] = g;
    cache[slot + 3] = r;
    return sign * r;
  }

  /** If-then-else: (f ∧ g) ∨ (¬f ∧ h). */
  ite(f: BddRef, g: BddRef, h: BddRef): BddRef {
    if (f === ONE) return g;
    if (f === ZERO) return h;
    if (g === h) return g;
    return this.or(this.and(f, g), this.and(-f, h));
  }

  /** The cofactor of `f` with the variable at `level` set to `value`. */
  restrict(f: BddRef, level: number, value: boolean): BddRef {
    const memo = new Map<number, BddRef>();
    const rec = (g: BddRef): BddRef => {
      const n = g < 0 ? -g : g;
      const l = this.level[n]!;
      if (l > level) return g;
      let r = memo.get(n);
      if (r === undefined) {
        r = l === level ? (value ? this.high[n]! : this.low[n]!) : this.makeNode(l, rec(this.low[n]!), rec(this.high[n]!));
        memo.set(n, r);
      }
      return g < 0 ? -r : r;
    };
    return rec(f);
  }

  /**
   * Garbage collection by compaction: keeps the nodes reachable from `roots`, renumbers them in
   * their old order (so children still precede parents) and rewrites `roots` in place. Every other
   * reference into this manager becomes invalid.
   */
  compact(roots: Int32Array): void {
    const used = this.used;
    const mark = new Uint8Array(used);
    mark[1] = 1;
    const stack: number[] = [];
    for (const r of roots) {
      const n = r < 0 ? -r : r;
      if (n !== 0 && mark[n] === 0) {
        mark[n] = 1;
        stack.push(n);
      }
    }
    while (stack.length > 0) {
      const n = stack.pop()!;
      const lo = this.low[n]!;
      const l = lo < 0 ? -lo : lo;
      if (mark[l] === 0) {
        mark[l] = 1;
        stack.push(l);
      }
      const h = this.high[n]!;
      if (mark[h] === 0) {
        mark[h] = 1;
        stack.push(h);
      }
    }
    const remap = new Int32Array(used);
    remap[1] = 1;
    let next = 2;
    for (let n = 2; n < used; n++) {
      if (mark[n] === 0) continue;
      const lo = this.low[n]!;
      this.level[next] = this.level[n]!;
      this.low[next] = lo < 0 ? -remap[-lo]! : remap[lo]!;
      this.high[next] = remap[this.high[n]!]!;
      remap[n] = next++;
    }
    this.used = next;
    for (let i = 0; i < roots.length; i++) {
      const r = roots[i]!;
      roots[i] = r < 0 ? -remap[-r]! : remap[r]!;
    }
    // The arrays keep their capacity: the build usually grows back to it.
    this.rehash(this.unique.length);
    this.cache.fill(0);
  }

  private growNodes(): void {
    const size = this.level.length;
    if (size >= this.maxNodes) {
      throw new FtreeError(
        {
          code: 'BDD_NODE_LIMIT',
          severity: 'error',
          message: `The BDD exceeds ${this.maxNodes} nodes: the tree is too hard for an exact analysis with this variable order`,
          hint: 'raise the node limit (maxNodes) if memory allows, or use an approximation (cut sets, Monte Carlo)',
        },
        EXIT.invalid,
      );
    }
    const next = Math.min(size * 2, this.maxNodes + 1);
    this.level = grow(this.level, next);
    this.low = grow(this.low, next);
    this.high = grow(this.high, next);
  }

  /** The computed table grows with the node arrays, up to its cap; only between operations. */
  private resizeCache(): void {
    const entries = Math.min(MAX_CACHE, Math.max(MIN_CACHE, this.level.length));
    if (entries > this.cacheMask + 1) {
      this.cache = new Int32Array(entries * 4);
      this.cacheMask = entries - 1;
    }
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let n = 2; n < this.used; n++) {
      let slot = hashTriple(this.level[n]!, this.low[n]!, this.high[n]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = n;
    }
    this.unique = table;
    this.uniqueMask = mask;
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function hashTriple(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0;
}
