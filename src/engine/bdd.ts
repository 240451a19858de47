// Reduced ordered binary decision diagrams with complement edges (engine stage): Bryant 1986,
// "Graph-based algorithms for Boolean function manipulation"; Brace, Rudell & Bryant 1990,
// "Efficient implementation of a BDD package" (unique table, computed table, complement edges);
// in-place swaps of adjacent levels for dynamic reordering, Rudell 1993, "Dynamic variable ordering
// for ordered binary decision diagrams".

import { reportEngineProgress } from './engine-progress.js';
import { EngineLimitError } from './engine-limit-error.js';
import { ArgumentListMemo, compareRefs, hashArgumentList } from './argument-list-memo.js';
import type { BddRef } from './bdd-ref.js';
import { growInt32, hashTriple } from './int-table-helpers.js';

export type { BddRef } from './bdd-ref.js';

export const ONE: BddRef = 1;
export const ZERO: BddRef = -1;

/** Level of the terminal: below every variable. */
export const TERMINAL_LEVEL = 0x7fffffff;

export interface BddManagerOptions {
  /** Most nodes the manager may hold before it throws `BDD_NODE_LIMIT` (default 30 million, about 1 GiB). */
  readonly maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 30_000_000;

const OP_AND = 1;
const OP_XOR = 2;

/** Int32 fields per node record in `nodes`: level, low, high, next in its unique-table chain. */
export const NODE_STRIDE = 4;
/** Offsets of a record's level, low child (may be complemented) and high child, for readers of `nodes`. */
export const LEVEL = 0;
export const LOW = 1;
export const HIGH = 2;
const NEXT = 3;
/** Level of a freed node record while reordering. */
const DEAD = -1;

const INITIAL_NODES = 1 << 12;
const MIN_CACHE = 1 << 12;
const MAX_CACHE = 1 << 22;

/**
 * The BDD manager. A node is a record of four Int32 in one growable array (level, low, high, and
 * the next node of its unique-table chain), so that reading a node touches one cache line. The
 * unique table is a bucket array of chains through the records, at least two buckets per node (a
 * lookup walks 0.33 records on average on das9701, against 0.57 with one bucket per node, and each
 * record read is a cache miss); `and` and `xor` are memoised in a lossy computed table. The high (then) edge of a stored node is never complemented, so every
 * function has one reference. Levels are plain integers: level 0 is the top of the order.
 */
export class Bdd {
  /** Node records, `NODE_STRIDE` Int32 per node (index 0 unused; node 1 is the terminal). */
  nodes: Int32Array;
  /** Number of node slots in use, the unused slot 0 included. */
  private used = 2;
  readonly maxNodes: number;

  private buckets: Int32Array;
  private bucketMask: number;
  private cache: Int32Array;
  private cacheMask: number;
  /** While reordering: reference counts, the nodes of each level, free records, live nodes. */
  private reorder: ReorderState | undefined;

  constructor(options: BddManagerOptions = {}) {
    this.maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
    this.nodes = new Int32Array(INITIAL_NODES * NODE_STRIDE);
    this.nodes[NODE_STRIDE + LEVEL] = TERMINAL_LEVEL;
    this.nodes[NODE_STRIDE + LOW] = ONE;
    this.nodes[NODE_STRIDE + HIGH] = ONE;
    this.buckets = new Int32Array(INITIAL_NODES);
    this.bucketMask = INITIAL_NODES - 1;
    this.cache = new Int32Array(MIN_CACHE * 4);
    this.cacheMask = MIN_CACHE - 1;
  }

  /** Number of nodes held, the terminal included (garbage too, until `compact`). */
  get nodeCount(): number {
    return this.used - 1;
  }

  /** Level of node `n` (a node index, not a reference). */
  level(n: number): number {
    return this.nodes[n * NODE_STRIDE + LEVEL]!;
  }

  /** Else-child of node `n` (may be complemented). */
  low(n: number): BddRef {
    return this.nodes[n * NODE_STRIDE + LOW]!;
  }

  /** Then-child of node `n` (never complemented). */
  high(n: number): BddRef {
    return this.nodes[n * NODE_STRIDE + HIGH]!;
  }

  /** The single-variable function at `level`. */
  variable(level: number): BddRef {
    return this.makeNode(level, ZERO, ONE);
  }

  /** Level of the top node of `f` (TERMINAL_LEVEL for constants). */
  topLevel(f: BddRef): number {
    return this.nodes[(f < 0 ? -f : f) * NODE_STRIDE + LEVEL]!;
  }

  /** findOrAdd: the node (level, low, high), reduced and canonical. */
  makeNode(level: number, low: BddRef, high: BddRef): BddRef {
    // Reduction rule: a test whose branches agree is redundant.
    if (low === high) return low;
    // Canonical form: the then-edge is regular; a complemented one moves to the result.
    if (high < 0) return -this.makeNode(level, -low, -high);
    const bucket = hashTriple(level, low, high) & this.bucketMask;
    let nodes = this.nodes;
    for (let n = this.buckets[bucket]!; n !== 0; ) {
      const i = n * NODE_STRIDE;
      if (nodes[i + LEVEL] === level && nodes[i + LOW] === low && nodes[i + HIGH] === high) return n;
      n = nodes[i + NEXT]!;
    }
    // Not in the unique table: add it at the head of its chain.
    const n = this.used;
    if ((n + 1) * NODE_STRIDE > nodes.length) nodes = this.growNodes();
    const i = n * NODE_STRIDE;
    nodes[i + LEVEL] = level;
    nodes[i + LOW] = low;
    nodes[i + HIGH] = high;
    nodes[i + NEXT] = this.buckets[bucket]!;
    this.buckets[bucket] = n;
    this.used = n + 1;
    if (2 * this.used > this.buckets.length) this.rehash(this.buckets.length * 2);
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
    const nodes = this.nodes;
    const i = (f < 0 ? -f : f) * NODE_STRIDE;
    const j = (g < 0 ? -g : g) * NODE_STRIDE;
    const lf = nodes[i + LEVEL]!;
    const lg = nodes[j + LEVEL]!;
    const top = lf < lg ? lf : lg;
    let f0 = f;
    let f1 = f;
    let g0 = g;
    let g1 = g;
    if (lf === top) {
      f0 = f < 0 ? -nodes[i + LOW]! : nodes[i + LOW]!;
      f1 = f < 0 ? -nodes[i + HIGH]! : nodes[i + HIGH]!;
    }
    if (lg === top) {
      g0 = g < 0 ? -nodes[j + LOW]! : nodes[j + LOW]!;
      g1 = g < 0 ? -nodes[j + HIGH]! : nodes[j + HIGH]!;
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

  /**
   * Conjunction of all of `args` in one recursive pass (n-ary apply): the recursion splits every
   * argument on the top variable at once, so the partial conjunctions of a fold are never built
   * and every node it creates belongs to the result. Subproblems (sets of arguments) are memoised
   * for the call; a subproblem of two arguments is a binary `and`.
   */
  andAll(args: readonly BddRef[]): BddRef {
    if (args.length === 0) return ONE;
    if (args.length === 1) return args[0]!;
    this.resizeCache();
    if (args.length === 2) return this.andRec(args[0]!, args[1]!);
    const state = new ArgumentListMemo(args.length);
    state.stack.set(args);
    const len = this.normalizeConjunction(state.stack, 0, args.length);
    return len < 0 ? ZERO : this.andAllRec(state, 0, len);
  }

  /**
   * The conjunction of the cofactors (`field` HIGH or LOW at level `top`) of the arguments at
   * `stack[base..base+len)`, written above them. The recursion may grow the stack (arguments
   * copied) and the node array (old records unchanged), so both are read afresh.
   */
  private conjoinBranch(state: ArgumentListMemo, base: number, len: number, top: number, field: number): BddRef {
    const stack = state.stack;
    const nodes = this.nodes;
    const child = base + len;
    for (let i = 0; i < len; i++) {
      const a = stack[base + i]!;
      const k = (a < 0 ? -a : a) * NODE_STRIDE;
      if (nodes[k + LEVEL] !== top) stack[child + i] = a;
      else stack[child + i] = a < 0 ? -nodes[k + field]! : nodes[k + field]!;
    }
    const n = this.normalizeConjunction(stack, child, len);
    return n < 0 ? ZERO : this.andAllRec(state, child, n);
  }

  /** Disjunction of all of `args`: ¬andAll(¬args). */
  orAll(args: readonly BddRef[]): BddRef {
    return -this.andAll(args.map((a) => -a));
  }

  /**
   * Conjunction of clauses, each the disjunction of its references, in one recursive pass: the
   * clauses are never built on their own, only the result's nodes are created. The state of a
   * subproblem is the list of clauses after cofactoring (true clauses dropped); it is memoised for
   * the call, and once every clause is a single reference, or a single clause is left, the
   * subproblem is an n-ary conjunction (`andAll`).
   */
  andOfOrs(clauses: readonly (readonly BddRef[])[]): BddRef {
    this.resizeCache();
    let size = 1;
    for (const c of clauses) size += c.length + 1;
    const cnf = new ArgumentListMemo(size);
    const stack = cnf.stack;
    stack[0] = clauses.length;
    let w = 1;
    for (const c of clauses) {
      stack[w++] = c.length;
      for (const a of c) stack[w++] = a;
    }
    return this.andOfOrsRec(cnf, new ArgumentListMemo(16), 0);
  }

  /** Disjunction of terms, each the conjunction of its references: ¬andOfOrs of the complements. */
  orOfAnds(terms: readonly (readonly BddRef[])[]): BddRef {
    return -this.andOfOrs(terms.map((t) => t.map((a) => -a)));
  }

  /**
   * Normalises the clause list at `stack[base..base+len)` in place (each clause sorted, repeats
   * dropped; ZERO leaves dropped; a clause with ONE or with f beside ¬f dropped); returns its new
   * length, or −1 if a clause is empty (the conjunction is ZERO). A clause whose length is written
   * negated is already normalised (`clausesBranch`: no reference of it was cofactored).
   */
  private normalizeClauses(stack: Int32Array, base: number): number {
    const count = stack[base]!;
    let r = base + 1;
    let w = base + 1;
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const len = stack[r]!;
      if (len < 0) {
        // A clause the cofactoring left as it was (already normalised): moved, not sorted again.
        const k = -len;
        if (w !== r) for (let i = 1; i <= k; i++) stack[w + i] = stack[r + i]!;
        stack[w] = k;
        r += k + 1;
        w += k + 1;
        kept++;
        continue;
      }
      const start = r + 1;
      r = start + len;
      // Sorted into stack[w+1..out): never past the entry being read.
      let out = w + 1;
      let isTrue = false;
      for (let i = start; i < start + len; i++) {
        const a = stack[i]!;
        if (a === ONE) {
          isTrue = true;
          break;
        }
        if (a === ZERO) continue;
        let j = out++;
        while (j > w + 1 && compareRefs(stack[j - 1]!, a) > 0) {
          stack[j] = stack[j - 1]!;
          j--;
        }
        stack[j] = a;
      }
      if (isTrue) continue;
      let d = w + 1;
      for (let i = w + 1; i < out; i++) {
        const a = stack[i]!;
        if (d > w + 1) {
          const b = stack[d - 1]!;
          if (b === a) continue;
          if (b === -a) {
            isTrue = true;
            break;
          }
        }
        stack[d++] = a;
      }
      if (isTrue) continue;
      if (d === w + 1) return -1;
      stack[w] = d - w - 1;
      w = d;
      kept++;
    }
    stack[base] = kept;
    return w - base;
  }

  private andOfOrsRec(cnf: ArgumentListMemo, conj: ArgumentListMemo, base: number): BddRef {
    const stack = cnf.stack;
    const len = this.normalizeClauses(stack, base);
    if (len < 0) return ZERO;
    const count = stack[base]!;
    if (count === 0) return ONE;
    // One clause, or only single-reference clauses: an n-ary conjunction.
    if (count === 1 || len === 1 + 2 * count) {
      const sign = count === 1 ? -1 : 1;
      conj.reserve(len);
      const leaves = conj.stack;
      let n = 0;
      for (let i = base + 1; i < base + len; ) {
        const k = stack[i]!;
        for (let j = i + 1; j <= i + k; j++) leaves[n++] = sign * stack[j]!;
        i += k + 1;
      }
      n = this.normalizeConjunction(leaves, 0, n);
      const r = n < 0 ? ZERO : this.andAllRec(conj, 0, n);
      return sign * r;
    }
    const hash = hashArgumentList(stack, base, len);
    const memo = cnf.find(base, len, hash);
    if (memo !== 0) return memo;
    const nodes = this.nodes;
    let top = TERMINAL_LEVEL;
    for (let i = base + 1; i < base + len; ) {
      const k = stack[i]!;
      for (let j = i + 1; j <= i + k; j++) {
        const a = stack[j]!;
        const l = nodes[(a < 0 ? -a : a) * NODE_STRIDE + LEVEL]!;
        if (l < top) top = l;
      }
      i += k + 1;
    }
    cnf.reserve(base + 2 * len);
    const r1 = this.clausesBranch(cnf, conj, base, len, top, HIGH);
    const r0 = this.clausesBranch(cnf, conj, base, len, top, LOW);
    const r = this.makeNode(top, r0, r1);
    cnf.insert(base, len, hash, r);
    return r;
  }

  /** `andOfOrsRec` of the cofactors of the clause list at `base`, written above it. */
  private clausesBranch(cnf: ArgumentListMemo, conj: ArgumentListMemo, base: number, len: number, top: number, field: number): BddRef {
    const stack = cnf.stack;
    const nodes = this.nodes;
    const child = base + len;
    stack[child] = stack[base]!;
    for (let i = base + 1; i < base + len; ) {
      const k = stack[i]!;
      let changed = false;
      for (let j = i + 1; j <= i + k; j++) {
        const a = stack[j]!;
        const m = (a < 0 ? -a : a) * NODE_STRIDE;
        if (nodes[m + LEVEL] !== top) stack[child + j - base] = a;
        else {
          stack[child + j - base] = a < 0 ? -nodes[m + field]! : nodes[m + field]!;
          changed = true;
        }
      }
      // A negative length marks a clause without the top variable: normalizeClauses keeps it as is.
      stack[child + i - base] = changed ? k : -k;
      i += k + 1;
    }
    return this.andOfOrsRec(cnf, conj, child);
  }

  /**
   * Sorts the arguments at `stack[base..base+len)` by node, drops ONE and repeats; returns the new
   * length, or −1 if the conjunction is ZERO (a ZERO argument, or f beside ¬f).
   */
  private normalizeConjunction(stack: Int32Array, base: number, len: number): number {
    let out = base;
    for (let i = base; i < base + len; i++) {
      const a = stack[i]!;
      if (a === ZERO) return -1;
      if (a === ONE) continue;
      // Insertion sort by node index, then by sign.
      let j = out++;
      while (j > base && compareRefs(stack[j - 1]!, a) > 0) {
        stack[j] = stack[j - 1]!;
        j--;
      }
      stack[j] = a;
    }
    let w = base;
    for (let i = base; i < out; i++) {
      const a = stack[i]!;
      if (w > base) {
        const b = stack[w - 1]!;
        if (b === a) continue;
        if (b === -a) return -1;
      }
      stack[w++] = a;
    }
    return w - base;
  }

  private andAllRec(state: ArgumentListMemo, base: number, len: number): BddRef {
    const stack = state.stack;
    if (len === 0) return ONE;
    if (len === 1) return stack[base]!;
    if (len === 2) return this.andRec(stack[base]!, stack[base + 1]!);
    const hash = hashArgumentList(stack, base, len);
    const memo = state.find(base, len, hash);
    if (memo !== 0) return memo;
    const nodes = this.nodes;
    let top = TERMINAL_LEVEL;
    for (let i = base; i < base + len; i++) {
      const a = stack[i]!;
      const l = nodes[(a < 0 ? -a : a) * NODE_STRIDE + LEVEL]!;
      if (l < top) top = l;
    }
    // The cofactors go above the arguments on the stack, one branch at a time.
    state.reserve(base + 2 * len);
    const r1 = this.conjoinBranch(state, base, len, top, HIGH);
    const r0 = this.conjoinBranch(state, base, len, top, LOW);
    const r = this.makeNode(top, r0, r1);
    state.insert(base, len, hash, r);
    return r;
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
    const nodes = this.nodes;
    const i = f * NODE_STRIDE;
    const j = g * NODE_STRIDE;
    const lf = nodes[i + LEVEL]!;
    const lg = nodes[j + LEVEL]!;
    const top = lf < lg ? lf : lg;
    const f0 = lf === top ? nodes[i + LOW]! : f;
    const f1 = lf === top ? nodes[i + HIGH]! : f;
    const g0 = lg === top ? nodes[j + LOW]! : g;
    const g1 = lg === top ? nodes[j + HIGH]! : g;
    const r = this.makeNode(top, this.xorRec(f0, g0), this.xorRec(f1, g1));
    cache[slot] = OP_XOR;
    cache[slot + 1] = f;
    cache[slot + 2] = g;
    cache[slot + 3] = r;
    return sign * r;
  }

  /**
   * If-then-else: (f ∧ g) ∨ (¬f ∧ h). When f is a variable (or its complement) above every
   * variable of g and h, that is one node.
   */
  ite(f: BddRef, g: BddRef, h: BddRef): BddRef {
    if (f === ONE) return g;
    if (f === ZERO) return h;
    if (g === h) return g;
    const n = f < 0 ? -f : f;
    const i = n * NODE_STRIDE;
    const nodes = this.nodes;
    if (nodes[i + LOW] === ZERO && nodes[i + HIGH] === ONE) {
      const level = nodes[i + LEVEL]!;
      if (level < this.topLevel(g) && level < this.topLevel(h)) return f > 0 ? this.makeNode(level, h, g) : this.makeNode(level, g, h);
    }
    return this.or(this.and(f, g), this.and(-f, h));
  }

  /** The cofactor of `f` with the variable at `level` set to `value`. */
  restrict(f: BddRef, level: number, value: boolean): BddRef {
    const memo = new Map<number, BddRef>();
    const rec = (g: BddRef): BddRef => {
      const n = g < 0 ? -g : g;
      const l = this.level(n);
      if (l > level) return g;
      let r = memo.get(n);
      if (r === undefined) {
        r = l === level ? (value ? this.high(n) : this.low(n)) : this.makeNode(l, rec(this.low(n)), rec(this.high(n)));
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
    const nodes = this.nodes;
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
      const i = stack.pop()! * NODE_STRIDE;
      const lo = nodes[i + LOW]!;
      const l = lo < 0 ? -lo : lo;
      if (mark[l] === 0) {
        mark[l] = 1;
        stack.push(l);
      }
      const h = nodes[i + HIGH]!;
      if (mark[h] === 0) {
        mark[h] = 1;
        stack.push(h);
      }
    }
    // Renumber in place: a node only moves down, after its children have moved.
    const remap = new Int32Array(used);
    remap[1] = 1;
    let next = 2;
    for (let n = 2; n < used; n++) {
      if (mark[n] === 0) continue;
      const i = n * NODE_STRIDE;
      const k = next * NODE_STRIDE;
      const lo = nodes[i + LOW]!;
      nodes[k + LEVEL] = nodes[i + LEVEL]!;
      nodes[k + LOW] = lo < 0 ? -remap[-lo]! : remap[lo]!;
      nodes[k + HIGH] = remap[nodes[i + HIGH]!]!;
      remap[n] = next++;
    }
    this.finishRenumbering(next, remap, roots);
  }

  /**
   * After nodes were renumbered by `remap` into `used` records: rewrites `roots`, rebuilds the
   * unique table and empties the computed table (its entries name old numbers).
   */
  private finishRenumbering(used: number, remap: Int32Array, roots: Int32Array): void {
    this.used = used;
    for (let i = 0; i < roots.length; i++) {
      const r = roots[i]!;
      roots[i] = r < 0 ? -remap[-r]! : remap[r]!;
    }
    // The arrays keep their capacity: the build usually grows back to it.
    this.rehash(this.buckets.length);
    this.cache.fill(0);
  }

  /**
   * Starts a reordering session (Rudell 1993): collects the garbage (`roots` rewritten as by
   * `compact`), then counts references (parents and `roots`) and lists the nodes of each of the
   * `levelCount` variables. During the session a record holds its variable (its level at the
   * start), not its level, so that a swap touches only the nodes it rewrites, as in CUDD. Until
   * `endReorder`, only `swapLevels` may change the manager; node indices stay valid across swaps
   * (a node keeps its function), but the records are no longer in topological order.
   */
  beginReorder(roots: Int32Array, levelCount: number): void {
    this.compact(roots);
    const nodes = this.nodes;
    const refs = new Int32Array(nodes.length / NODE_STRIDE);
    refs[1] = 0x3fffffff;
    const lists: number[][] = [];
    for (let l = 0; l < levelCount; l++) lists.push([]);
    for (let n = 2; n < this.used; n++) {
      const i = n * NODE_STRIDE;
      const lo = nodes[i + LOW]!;
      const l = lo < 0 ? -lo : lo;
      const h = nodes[i + HIGH]!;
      refs[l] = refs[l]! + 1;
      refs[h] = refs[h]! + 1;
      lists[nodes[i + LEVEL]!]!.push(n);
    }
    for (const r of roots) {
      const n = r < 0 ? -r : r;
      refs[n] = refs[n]! + 1;
    }
    const varAt = new Int32Array(levelCount);
    for (let l = 0; l < levelCount; l++) varAt[l] = l;
    this.reorder = {
      refs,
      lists,
      free: [],
      live: this.used - 2,
      varAt,
      levelOf: Int32Array.from(varAt),
      seen: new Int32Array(refs.length),
      stamp: 0,
    };
  }

  /** Live nodes while reordering (the terminal excluded). */
  get liveNodes(): number {
    return this.reorder!.live;
  }

  /** The level now held, while reordering, by the variable that was at level `original` when it began. */
  levelOfVariable(original: number): number {
    return this.reorder!.levelOf[original]!;
  }

  /** Nodes at `level` while reordering (an upper bound: freed nodes are dropped lazily). */
  levelSize(level: number): number {
    const state = this.reorder!;
    return state.lists[state.varAt[level]!]!.length;
  }

  /**
   * Exchanges the variables x of level `i` and y of level `i + 1` in place. A node f of x that
   * depends on y is rewritten as a node of y, f = y ? (x ? f11 : f01) : (x ? f10 : f00), keeping
   * its index; the other nodes of x and y are untouched. Nodes left without parents are freed.
   */
  swapLevels(i: number): void {
    const state = this.reorder!;
    const { lists, varAt, levelOf } = state;
    const x = varAt[i]!;
    const y = varAt[i + 1]!;
    varAt[i] = y;
    varAt[i + 1] = x;
    levelOf[x] = i + 1;
    levelOf[y] = i;
    let nodes = this.nodes;
    const seen = state.seen;
    const stamp = ++state.stamp;
    const kept: number[] = [];
    const dependent: number[] = [];
    for (const n of lists[x]!) {
      const k = n * NODE_STRIDE;
      // Skip freed records, records reused by another variable, and repeated entries.
      if (nodes[k + LEVEL] !== x || seen[n] === stamp) continue;
      seen[n] = stamp;
      const lo = nodes[k + LOW]!;
      if (nodes[(lo < 0 ? -lo : lo) * NODE_STRIDE + LEVEL] === y || nodes[nodes[k + HIGH]! * NODE_STRIDE + LEVEL] === y) dependent.push(n);
      else kept.push(n);
    }
    const ys = lists[y]!;
    for (const n of dependent) {
      this.unlink(n);
      let k = n * NODE_STRIDE;
      const lo = nodes[k + LOW]!;
      const hi = nodes[k + HIGH]!;
      const l = lo < 0 ? -lo : lo;
      let f00 = lo;
      let f01 = lo;
      if (nodes[l * NODE_STRIDE + LEVEL] === y) {
        f00 = lo < 0 ? -nodes[l * NODE_STRIDE + LOW]! : nodes[l * NODE_STRIDE + LOW]!;
        f01 = lo < 0 ? -nodes[l * NODE_STRIDE + HIGH]! : nodes[l * NODE_STRIDE + HIGH]!;
      }
      let f10 = hi;
      let f11 = hi;
      if (nodes[hi * NODE_STRIDE + LEVEL] === y) {
        f10 = nodes[hi * NODE_STRIDE + LOW]!;
        f11 = nodes[hi * NODE_STRIDE + HIGH]!;
      }
      const a = this.findOrAddCounted(x, f00, f10, kept);
      const b = this.findOrAddCounted(x, f01, f11, kept);
      const aa = a < 0 ? -a : a;
      state.refs[aa] = state.refs[aa]! + 1;
      state.refs[b] = state.refs[b]! + 1;
      nodes = this.nodes;
      k = n * NODE_STRIDE;
      nodes[k + LEVEL] = y;
      nodes[k + LOW] = a;
      nodes[k + HIGH] = b;
      this.link(n);
      ys.push(n);
      this.release(l);
      this.release(hi);
    }
    lists[x] = kept;
  }

  /**
   * Ends a reordering session: drops the freed records and renumbers the live nodes in depth-first
   * post-order from `roots`, taken in turn (so children precede parents again), rewriting `roots`.
   * Returns the new level of each old level.
   */
  endReorder(roots: Int32Array): Int32Array {
    const levelOf = this.reorder!.levelOf;
    this.reorder = undefined;
    const used = this.used;
    const nodes = this.nodes;
    const out = new Int32Array(nodes.length);
    out[NODE_STRIDE + LEVEL] = TERMINAL_LEVEL;
    out[NODE_STRIDE + LOW] = ONE;
    out[NODE_STRIDE + HIGH] = ONE;
    // remap: 0 not reached, −1 on the stack, else the new index.
    const remap = new Int32Array(used);
    remap[1] = 1;
    let next = 2;
    const stack: number[] = [];
    for (const r of roots) {
      const root = r < 0 ? -r : r;
      if (root === 0 || remap[root] !== 0) continue;
      remap[root] = -1;
      stack.push(root);
      while (stack.length > 0) {
        const n = stack[stack.length - 1]!;
        const i = n * NODE_STRIDE;
        const lo = nodes[i + LOW]!;
        const l = lo < 0 ? -lo : lo;
        if (remap[l] === 0) {
          remap[l] = -1;
          stack.push(l);
          continue;
        }
        const h = nodes[i + HIGH]!;
        if (remap[h] === 0) {
          remap[h] = -1;
          stack.push(h);
          continue;
        }
        stack.pop();
        const k = next * NODE_STRIDE;
        out[k + LEVEL] = levelOf[nodes[i + LEVEL]!]!;
        out[k + LOW] = lo < 0 ? -remap[l]! : remap[l]!;
        out[k + HIGH] = remap[h]!;
        remap[n] = next++;
      }
    }
    this.nodes = out;
    this.finishRenumbering(next, remap, roots);
    return levelOf;
  }

  /** findOrAdd while reordering: a new node takes a free record and references its children. */
  private findOrAddCounted(variable: number, low: BddRef, high: BddRef, created: number[]): BddRef {
    if (low === high) return low;
    if (high < 0) return -this.findOrAddCounted(variable, -low, -high, created);
    const level = variable;
    let nodes = this.nodes;
    for (let n = this.buckets[hashTriple(level, low, high) & this.bucketMask]!; n !== 0; ) {
      const i = n * NODE_STRIDE;
      if (nodes[i + LEVEL] === level && nodes[i + LOW] === low && nodes[i + HIGH] === high) return n;
      n = nodes[i + NEXT]!;
    }
    const state = this.reorder!;
    let n = state.free.pop();
    if (n === undefined) {
      n = this.used;
      if ((n + 1) * NODE_STRIDE > nodes.length) {
        nodes = this.growNodes();
        state.refs = growInt32(state.refs, nodes.length / NODE_STRIDE);
        state.seen = growInt32(state.seen, nodes.length / NODE_STRIDE);
      }
      this.used = n + 1;
    }
    const i = n * NODE_STRIDE;
    nodes[i + LEVEL] = level;
    nodes[i + LOW] = low;
    nodes[i + HIGH] = high;
    this.link(n);
    const refs = state.refs;
    refs[n] = 0;
    const l = low < 0 ? -low : low;
    refs[l] = refs[l]! + 1;
    refs[high] = refs[high]! + 1;
    state.live++;
    created.push(n);
    if (2 * this.used > this.buckets.length) this.rehash(this.buckets.length * 2);
    return n;
  }

  /** Drops one reference to node `n`, freeing it and, in turn, its children without parents. */
  private release(n: number): void {
    const state = this.reorder!;
    const refs = state.refs;
    if (n <= 1 || --refs[n]! > 0) return;
    const nodes = this.nodes;
    const stack = [n];
    while (stack.length > 0) {
      const m = stack.pop()!;
      this.unlink(m);
      const i = m * NODE_STRIDE;
      const lo = nodes[i + LOW]!;
      const l = lo < 0 ? -lo : lo;
      const h = nodes[i + HIGH]!;
      nodes[i + LEVEL] = DEAD;
      state.free.push(m);
      state.live--;
      if (l > 1 && --refs[l]! === 0) stack.push(l);
      if (h > 1 && --refs[h]! === 0) stack.push(h);
    }
  }

  /** Adds node `n` at the head of its unique-table chain. */
  private link(n: number): void {
    const nodes = this.nodes;
    const i = n * NODE_STRIDE;
    const bucket = hashTriple(nodes[i + LEVEL]!, nodes[i + LOW]!, nodes[i + HIGH]!) & this.bucketMask;
    nodes[i + NEXT] = this.buckets[bucket]!;
    this.buckets[bucket] = n;
  }

  /** Removes node `n` from its unique-table chain (its record still holds its key). */
  private unlink(n: number): void {
    const nodes = this.nodes;
    const i = n * NODE_STRIDE;
    const bucket = hashTriple(nodes[i + LEVEL]!, nodes[i + LOW]!, nodes[i + HIGH]!) & this.bucketMask;
    let m = this.buckets[bucket]!;
    if (m === n) {
      this.buckets[bucket] = nodes[i + NEXT]!;
      return;
    }
    while (m !== 0) {
      const next = nodes[m * NODE_STRIDE + NEXT]!;
      if (next === n) {
        nodes[m * NODE_STRIDE + NEXT] = nodes[i + NEXT]!;
        return;
      }
      m = next;
    }
  }

  private growNodes(): Int32Array {
    const size = this.nodes.length / NODE_STRIDE;
    if (size >= this.maxNodes) {
      throw new EngineLimitError('bdd-nodes', this.maxNodes, `The BDD exceeds ${this.maxNodes} nodes: the tree is too hard for an exact analysis with this variable order`);
    }
    const next = Math.min(size * 2, this.maxNodes + 1);
    this.nodes = growInt32(this.nodes, next * NODE_STRIDE);
    reportEngineProgress('bdd-nodes', size);
    return this.nodes;
  }

  /** The computed table grows with the node arrays, up to its cap; only between operations. */
  private resizeCache(): void {
    const entries = Math.min(MAX_CACHE, Math.max(MIN_CACHE, this.nodes.length / NODE_STRIDE));
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
      const i = n * NODE_STRIDE;
      if (nodes[i + LEVEL] === DEAD) continue;
      const b = hashTriple(nodes[i + LEVEL]!, nodes[i + LOW]!, nodes[i + HIGH]!) & mask;
      nodes[i + NEXT] = buckets[b]!;
      buckets[b] = n;
    }
    this.buckets = buckets;
    this.bucketMask = mask;
  }
}

interface ReorderState {
  /** Parents and external references of each node. */
  refs: Int32Array;
  /** Nodes of each variable (with freed and repeated entries, dropped lazily). */
  lists: number[][];
  /** Freed records, reused first. */
  free: number[];
  live: number;
  /** Variable at each level, and level of each variable (variables are the levels at the start). */
  varAt: Int32Array;
  levelOf: Int32Array;
  /** Marks of the nodes seen in the current swap (`seen[n] === stamp`). */
  seen: Int32Array;
  stamp: number;
}
