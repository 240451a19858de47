// Minimal cut sets and prime implicants from the BDD into a ZBDD (engine stage): minimal solutions
// by Rauzy 1993, "New algorithms for fault trees analysis" (RESS 40); prime implicants by Coudert &
// Madre 1992 / Rauzy & Dutuit 1997 (RESS 58); module proxies expanded as in Dutuit & Rauzy 1996.

import type { BddModel } from './build-bdd.js';
import { ONE, ZERO, type BddRef } from './bdd.js';
import { PairTable } from './pair-table.js';
import { EngineLimitError } from './engine-limit-error.js';
import { BASE, EMPTY, UNLIMITED_ORDER, Zbdd, type ZbddRef } from './zbdd.js';

export interface MinimalCutSetsOptions {
  /** Keep the cut sets of at most this many events (pruned during construction). Default: no limit. */
  readonly maxOrder?: number;
  /** Drop the cut sets whose probability is below this (default 0: keep all). */
  readonly cutoff?: number;
  /** Prime implicants (literals may be negated) instead of cut sets; matters for non-coherent trees. */
  readonly primeImplicants?: boolean;
  /**
   * Most ZBDD nodes before `ZBDD_NODE_LIMIT` is thrown; the memo of (BDD node, order budget) pairs
   * is held to the same number.
   */
  readonly maxNodes?: number;
  /** Most recursive steps of the costly ZBDD operations before `ZBDD_NODE_LIMIT` (default: no limit). */
  readonly maxSteps?: number;
  /** Event probabilities for the cut-off (default: the graph's). */
  readonly probabilities?: Float64Array;
}

/**
 * A family of minimal cut sets or prime implicants as a ZBDD. ZBDD variable 2·ℓ stands for the
 * event at BDD level ℓ, 2·ℓ + 1 for its negation (prime implicants only).
 */
export interface CutSetFamily {
  readonly kind: 'cut-sets' | 'prime-implicants';
  readonly zbdd: Zbdd;
  readonly root: ZbddRef;
  /** Whether the tree is coherent (no negation reaches the top: and, or, atleast, inhibit only). */
  readonly coherent: boolean;
  /** The order limit applied (undefined: none). It includes the limit implied by the cut-off. */
  readonly maxOrder: number | undefined;
  /** True when the cut-off implied a lower order limit than the one asked for. */
  readonly orderFromCutoff: boolean;
  readonly cutoff: number;
  /**
   * True when the order limit cut a branch: minimal cut sets above the limit may exist (the branch
   * may also hold only supersets of sets kept). False: the family is complete.
   */
  readonly orderLimited: boolean;
  /** Cut sets removed because their probability is below the cut-off. */
  readonly droppedByCutoff: number;
  /** Variable (index into `graph.variables`) of each BDD level, −1 for a module proxy. */
  readonly levelVariables: Int32Array;
  /** Probability of each variable. */
  readonly probabilities: Float64Array;
  /** Event ids, indexed by variable. */
  readonly variables: readonly string[];
}

const INFINITE = 0x3fffffff;

/**
 * The minimal cut sets of the top event, or its prime implicants.
 *
 * Cut sets of a non-coherent tree are, as in SCRAM, the minimal sets of failed events that make the
 * top event occur while every other event works: the minimal solutions of the monotone hull of the
 * function (negated events dropped). Prime implicants are the minimal conjunctions of literals that
 * imply the top event.
 */
export function computeMinimalCutSets(model: BddModel, options: MinimalCutSetsOptions = {}): CutSetFamily {
  const q = options.probabilities ?? model.graph.probabilities;
  const primeImplicants = options.primeImplicants === true;
  const cutoff = options.cutoff ?? 0;
  let maxOrder = options.maxOrder;
  const implied = cutoff > 0 ? orderImpliedByCutoff(q, cutoff, primeImplicants) : undefined;
  const orderFromCutoff = implied !== undefined && (maxOrder === undefined || implied < maxOrder);
  if (orderFromCutoff) maxOrder = implied;
  const zbdd = new Zbdd({
    ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
  });
  const builder = new FamilyBuilder(model, zbdd, primeImplicants, options.maxNodes);
  const budget = maxOrder === undefined || maxOrder >= UNLIMITED_ORDER ? UNLIMITED_ORDER : Math.max(0, maxOrder);
  let root = builder.familyOf(model.root, budget);
  let droppedByCutoff = 0;
  const levelVariables = new Int32Array(model.order.levelNodes.length).fill(-1);
  model.variableLevels.forEach((level, v) => (levelVariables[level] = v));
  if (cutoff > 0) {
    const before = countSets(zbdd, root);
    root = pruneBelow(zbdd, root, cutoff, levelVariables, q);
    droppedByCutoff = before - countSets(zbdd, root);
  }
  return {
    kind: primeImplicants ? 'prime-implicants' : 'cut-sets',
    zbdd,
    root,
    coherent: isCoherent(model),
    maxOrder,
    orderFromCutoff,
    cutoff,
    orderLimited: builder.orderLimited,
    droppedByCutoff,
    levelVariables,
    probabilities: q,
    variables: model.graph.variables,
  };
}

/** The cut sets of the top and of every module, each over its own events and module proxies. */
export interface ModularCutSets {
  readonly zbdd: Zbdd;
  /** Family of the top (index 0) and of each module's proxy function (index m + 1), not expanded. */
  readonly families: readonly ZbddRef[];
  /** Per module: whether its proxy stands for the module's complement (non-coherent M with M(∅) = 1). */
  readonly complemented: readonly boolean[];
}

/**
 * The complete minimal cut sets in factored form: the family of each module with its sub-modules
 * as single proxy variables. A cut set of the tree is a set of the top family with every proxy
 * replaced by one cut set of its module, so per-event sums and unions factor along the modules.
 */
export function computeModularCutSets(model: BddModel, options: Pick<MinimalCutSetsOptions, 'maxNodes'> = {}): ModularCutSets {
  const zbdd = new Zbdd(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes });
  const builder = new FamilyBuilder(model, zbdd, false, options.maxNodes);
  const complemented = model.modules.map((m) => builder.isComplemented(m.level));
  const families = [builder.proxyFamily(model.root), ...model.modules.map((m, i) => builder.proxyFamily(complemented[i] ? -m.root : m.root))];
  return { zbdd, families, complemented };
}

/** Whether every operator below the top is and/or/atleast over positive literals. */
export function isCoherent(model: BddModel): boolean {
  const { graph } = model;
  const root = graph.root;
  if (root < 0) return false;
  const seen = new Uint8Array(graph.nodeCount + 1);
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const args = graph.args[n];
    if (args === undefined) continue;
    if (graph.operators[n] === 'xor') return false;
    for (const a of args) {
      if (a < 0) return false;
      if (seen[a] === 0) {
        seen[a] = 1;
        stack.push(a);
      }
    }
  }
  return true;
}

/**
 * The largest order a set can have with probability ≥ cutoff: the product of the k most probable
 * literals falls below the cut-off beyond it. Undefined when every order may pass.
 */
function orderImpliedByCutoff(q: Float64Array, cutoff: number, primeImplicants: boolean): number | undefined {
  const best = Array.from(q, (p) => (primeImplicants ? Math.max(p, 1 - p) : p)).sort((a, b) => b - a);
  let product = 1;
  for (let k = 0; k < best.length; k++) {
    product *= best[k]!;
    if (product < cutoff) return k;
  }
  return undefined;
}

/**
 * Builds the families: per BDD node and order budget, memoised; module proxies stay ZBDD variables
 * in the families of their parents until `expand` replaces them with their modules' families.
 */
class FamilyBuilder {
  orderLimited = false;
  private readonly bdd;
  /** Module index per level, −1 for an event's level. */
  private readonly levelModules: Int32Array;
  /** Per level, whether the proxy stands for the module's complement (cut sets of M with M(∅) = 1). */
  private readonly swapped: Uint8Array;
  /** Per level, the smallest order of the proxy's sets (1 for an event). */
  private readonly weight: Int32Array;
  /** Per node: largest order of a set below it (an upper bound), and its value when every event works. */
  private readonly height: Int32Array;
  private readonly zeroValue: Uint8Array;
  private readonly minOrderPos: Int32Array;
  private readonly minOrderNeg: Int32Array;
  private readonly memo = new PairTable(1 << 14);
  private readonly maxMemo: number;
  private readonly expandMemo = new PairTable(1 << 12);
  /** Expanded family of each module per (module·2 + negated, budget). */
  private readonly moduleMemo = new PairTable(1 << 8);
  /** Smallest set of each module's proxy-level prime implicants, per (module·2 + negated). */
  private readonly moduleMinOrder = new Map<number, number>();
  /** A coherent function with no complemented proxy: f0 ≤ f1 below every node, so ÷ is a filter by f0. */
  private readonly monotone: boolean;

  constructor(
    private readonly model: BddModel,
    private readonly zbdd: Zbdd,
    private readonly primeImplicants: boolean,
    maxNodes: number | undefined,
  ) {
    this.maxMemo = maxNodes ?? Infinity;
    this.bdd = model.bdd;
    const levels = model.order.levelNodes.length;
    this.levelModules = model.levelModules;
    this.swapped = new Uint8Array(levels);
    this.weight = new Int32Array(levels).fill(1);
    const end = this.bdd.nodeCount + 1;
    this.height = new Int32Array(end);
    this.zeroValue = new Uint8Array(end);
    this.minOrderPos = new Int32Array(end);
    this.minOrderNeg = new Int32Array(end);
    this.sweep(end);
    this.monotone = !primeImplicants && isCoherent(model) && this.swapped.every((s) => s === 0);
  }

  /** The family of the function `f` with sets of at most `budget` elements, modules expanded. */
  familyOf(f: BddRef, budget: number): ZbddRef {
    if (!this.primeImplicants && this.maxMemo !== Infinity && this.countSubproblems(f, budget) > this.maxMemo) this.memoLimit();
    const z = this.primeImplicants ? this.primes(f, budget) : this.minimalSolutions(f, budget);
    return this.model.modules.length === 0 ? z : this.expand(z, budget);
  }

  /** The unexpanded family of `f`, proxies as variables, with no order limit. */
  proxyFamily(f: BddRef): ZbddRef {
    return this.minimalSolutions(f, UNLIMITED_ORDER);
  }

  isComplemented(level: number): boolean {
    return this.swapped[level] === 1;
  }

  /**
   * One ascending sweep (children are numbered before parents, and a module's root before every
   * node that uses its proxy): value at all-false, smallest and largest order below each node.
   */
  private sweep(end: number): void {
    const { bdd, height, zeroValue, minOrderPos, minOrderNeg, swapped, weight } = this;
    const maxWeight = new Int32Array(weight.length).fill(1);
    const modules = [...this.model.modules].sort((a, b) => Math.abs(a.root) - Math.abs(b.root));
    let next = 0;
    let nextRoot = modules.length > 0 ? Math.abs(modules[0]!.root) : end;
    const value = (r: BddRef): number => (r === ONE ? 1 : r === ZERO ? 0 : r > 0 ? zeroValue[r]! : 1 - zeroValue[-r]!);
    const order = (r: BddRef): number => (r === ONE ? 0 : r === ZERO ? INFINITE : r > 0 ? minOrderPos[r]! : minOrderNeg[-r]!);
    const heightOf = (r: BddRef): number => (r === ONE || r === ZERO ? 0 : height[r < 0 ? -r : r]!);
    for (let n = 2; n < end; n++) {
      const level = bdd.level(n);
      let lo = bdd.low(n);
      let hi = bdd.high(n);
      if (swapped[level] === 1) {
        const t = lo;
        lo = hi;
        hi = t;
      }
      const w = weight[level]!;
      zeroValue[n] = value(lo);
      minOrderPos[n] = Math.min(order(lo), w + order(hi));
      minOrderNeg[n] = Math.min(order(-lo), w + order(-hi));
      height[n] = Math.max(heightOf(lo), maxWeight[level]! + heightOf(hi));
      while (n === nextRoot) {
        const m = modules[next++]!;
        // The proxy stands for N = M, or ¬M when M holds with every event working, so N(∅) = 0.
        const complement = value(m.root) === 1;
        swapped[m.level] = complement ? 1 : 0;
        weight[m.level] = Math.max(1, order(complement ? -m.root : m.root));
        maxWeight[m.level] = height[n]!;
        nextRoot = next < modules.length ? Math.abs(modules[next]!.root) : end;
      }
    }
  }

  /**
   * The number of (node, order budget) pairs that `minimalSolutions(f, budget)` memoises, counted
   * without any ZBDD operation and given up past the memo's bound: a family that needs more fails
   * anyway, and this finds it in a few steps a pair instead of the steps of ÷ up to the failure
   * (jbd9601: over a million pairs at order ≤ 20). The budgets met below `budget` ≤ 30 are bits of
   * one Int32 per node and sign (bit 30 for no limit); −1 for a larger budget: not counted.
   */
  private countSubproblems(f: BddRef, budget: number): number {
    if (budget > 30) return -1;
    const bdd = this.bdd;
    const { height, swapped, weight } = this;
    const seenRegular = new Int32Array(height.length);
    const seenComplemented = new Int32Array(height.length);
    const stack: number[] = [f, budget];
    let count = 0;
    while (stack.length > 0 && count <= this.maxMemo) {
      let b = stack.pop()!;
      const r = stack.pop()!;
      if (r === ONE || r === ZERO) continue;
      const n = r < 0 ? -r : r;
      if (b !== UNLIMITED_ORDER && b >= height[n]!) b = UNLIMITED_ORDER;
      if (b === 0) continue;
      const bit = b === UNLIMITED_ORDER ? 1 << 30 : 1 << (b - 1);
      const seen = r < 0 ? seenComplemented : seenRegular;
      if ((seen[n]! & bit) !== 0) continue;
      seen[n] = seen[n]! | bit;
      count++;
      const level = bdd.level(n);
      let lo = r < 0 ? -bdd.low(n) : bdd.low(n);
      let hi = r < 0 ? -bdd.high(n) : bdd.high(n);
      if (swapped[level] === 1) {
        const t = lo;
        lo = hi;
        hi = t;
      }
      stack.push(lo, b);
      const w = weight[level]!;
      if (w <= b) stack.push(hi, b === UNLIMITED_ORDER ? b : b - w);
    }
    return count;
  }

  /**
   * Minimal solutions (Rauzy 1993): with f = x·f1 ∨ ¬x·f0, MS(f) = MS(f0) ∪ x·(MS(f1) ÷ MS(f0)),
   * where ÷ removes the sets that contain a set of MS(f0). For a non-coherent f this gives the
   * minimal solutions of its monotone hull; a module proxy stands for N (see `sweep`).
   */
  private minimalSolutions(f: BddRef, budget: number): ZbddRef {
    if (f === ONE) return BASE;
    if (f === ZERO) return EMPTY;
    const n = f < 0 ? -f : f;
    if (budget !== UNLIMITED_ORDER && budget >= this.height[n]!) budget = UNLIMITED_ORDER;
    if (budget === 0) return (f > 0 ? this.zeroValue[n]! : 1 - this.zeroValue[n]!) === 1 ? BASE : EMPTY;
    const known = this.memo.get(f, budget);
    if (known >= 0) return known;
    const bdd = this.bdd;
    const level = bdd.level(n);
    let lo = f < 0 ? -bdd.low(n) : bdd.low(n);
    let hi = f < 0 ? -bdd.high(n) : bdd.high(n);
    if (this.swapped[level] === 1) {
      const t = lo;
      lo = hi;
      hi = t;
    }
    const w = this.weight[level]!;
    const z0 = this.minimalSolutions(lo, budget);
    let r = z0;
    if (w > budget) {
      if (hi !== ZERO) this.orderLimited = true;
    } else {
      const z1 = this.minimalSolutions(hi, budget === UNLIMITED_ORDER ? budget : budget - w);
      // A monotone f: the sets of MS(f1) that hold a set of MS(f0) are those on which f0 holds.
      r = this.zbdd.makeNode(2 * level, z0, this.monotone ? this.zbdd.falsifying(z1, this.bdd.nodes, lo) : this.zbdd.without(z1, z0));
    }
    this.remember(f, budget, r);
    return r;
  }

  /**
   * Prime implicants (Coudert & Madre): with f = x·f1 ∨ ¬x·f0 and P = PI(f1 ∧ f0),
   * PI(f) = P ∪ x·(PI(f1) ∖ P) ∪ ¬x·(PI(f0) ∖ P). A proxy's literals are expanded later into the
   * prime implicants of the module or of its complement.
   */
  private primes(f: BddRef, budget: number): ZbddRef {
    if (f === ONE) return BASE;
    if (f === ZERO || budget === 0) return EMPTY;
    const known = this.memo.get(f, budget);
    if (known >= 0) return known;
    const bdd = this.bdd;
    const n = f < 0 ? -f : f;
    const level = bdd.level(n);
    const lo = f < 0 ? -bdd.low(n) : bdd.low(n);
    const hi = f < 0 ? -bdd.high(n) : bdd.high(n);
    const zbdd = this.zbdd;
    const both = this.primes(bdd.and(hi, lo), budget);
    const m = this.levelModules[level]!;
    const wPos = m < 0 ? 1 : this.modulePrimeOrder(m, false);
    const wNeg = m < 0 ? 1 : this.modulePrimeOrder(m, true);
    const less = (w: number): number => (budget === UNLIMITED_ORDER ? budget : budget - w);
    const p1 = wPos > budget ? EMPTY : zbdd.difference(this.primes(hi, less(wPos)), both);
    const p0 = wNeg > budget ? EMPTY : zbdd.difference(this.primes(lo, less(wNeg)), both);
    if ((wPos > budget && hi !== ZERO) || (wNeg > budget && lo !== ZERO)) this.orderLimited = true;
    const r = zbdd.makeNode(2 * level, zbdd.makeNode(2 * level + 1, both, p0), p1);
    this.remember(f, budget, r);
    return r;
  }

  private remember(f: BddRef, budget: number, r: ZbddRef): void {
    if (this.memo.size >= this.maxMemo) this.memoLimit();
    this.memo.set(f, budget, r);
  }

  private memoLimit(): never {
    throw new EngineLimitError('zbdd-steps', this.maxMemo, `The cut sets need more than ${this.maxMemo} steps (BDD nodes × order budgets)`);
  }

  /** Smallest prime implicant of module m (or of its complement), from its proxy-level family. */
  private modulePrimeOrder(m: number, negated: boolean): number {
    const key = 2 * m + (negated ? 1 : 0);
    let order = this.moduleMinOrder.get(key);
    if (order === undefined) {
      const root = this.model.modules[m]!.root;
      order = Math.max(1, minimumSize(this.zbdd, this.primes(negated ? -root : root, UNLIMITED_ORDER), this.levelModules, (mm, neg) => this.modulePrimeOrder(mm, neg)));
      this.moduleMinOrder.set(key, order);
    }
    return order;
  }

  /** Replaces every proxy variable by its module's family, keeping sets of at most `budget` events. */
  private expand(z: ZbddRef, budget: number): ZbddRef {
    if (z === EMPTY || z === BASE) return z;
    const known = this.expandMemo.get(z, budget);
    if (known >= 0) return known;
    const zbdd = this.zbdd;
    const v = zbdd.variable(z);
    const level = v >> 1;
    const negated = (v & 1) === 1;
    const lo = this.expand(zbdd.low(z), budget);
    const m = this.levelModules[level]!;
    let hi = EMPTY;
    if (m < 0) {
      if (budget > 0) {
        const rest = this.expand(zbdd.high(z), budget === UNLIMITED_ORDER ? budget : budget - 1);
        hi = v < zbdd.variable(rest) ? zbdd.makeNode(v, EMPTY, rest) : zbdd.product(zbdd.single(v), rest, budget);
      }
    } else {
      const w = this.primeImplicants ? this.modulePrimeOrder(m, negated) : this.weight[level]!;
      if (w <= budget) {
        const rest = this.expand(zbdd.high(z), budget === UNLIMITED_ORDER ? budget : budget - w);
        if (rest !== EMPTY) hi = zbdd.product(this.moduleFamily(m, negated, budget), rest, budget);
      }
    }
    const r = hi === EMPTY ? lo : zbdd.union(lo, hi);
    this.expandMemo.set(z, budget, r);
    return r;
  }

  /** The expanded family of module m's proxy literal (the module, or its complement). */
  private moduleFamily(m: number, negated: boolean, budget: number): ZbddRef {
    const key = 2 * m + (negated ? 1 : 0);
    const known = this.moduleMemo.get(key, budget);
    if (known >= 0) return known;
    const module = this.model.modules[m]!;
    // For cut sets the proxy stands for N (M or ¬M, see `sweep`); for prime implicants the literal says.
    const complement = this.primeImplicants ? negated : this.swapped[module.level] === 1;
    const root = complement ? -module.root : module.root;
    const z = this.primeImplicants ? this.primes(root, budget) : this.minimalSolutions(root, budget);
    const r = this.expand(z, budget);
    this.moduleMemo.set(key, budget, r);
    return r;
  }
}

/** Smallest set size of a proxy-level family, a proxy literal counting its module's smallest size. */
function minimumSize(zbdd: Zbdd, root: ZbddRef, levelModules: Int32Array, moduleOrder: (m: number, negated: boolean) => number): number {
  const memo = new Map<number, number>();
  const rec = (z: ZbddRef): number => {
    if (z === BASE) return 0;
    if (z === EMPTY) return INFINITE;
    let r = memo.get(z);
    if (r === undefined) {
      const v = zbdd.variable(z);
      const m = levelModules[v >> 1]!;
      const w = m < 0 ? 1 : moduleOrder(m, (v & 1) === 1);
      r = Math.min(rec(zbdd.low(z)), w + rec(zbdd.high(z)));
      memo.set(z, r);
    }
    return r;
  };
  return rec(root);
}

/** Number of sets of a family (a float: exact up to 2^53). */
export function countSets(zbdd: Zbdd, root: ZbddRef): number {
  const memo = new Map<number, number>();
  const rec = (z: ZbddRef): number => {
    if (z <= BASE) return z;
    let r = memo.get(z);
    if (r === undefined) {
      r = rec(zbdd.low(z)) + rec(zbdd.high(z));
      memo.set(z, r);
    }
    return r;
  };
  return rec(root);
}

/** The sets of the family with probability ≥ cutoff (a negated literal weighs 1 − q). */
function pruneBelow(zbdd: Zbdd, root: ZbddRef, cutoff: number, levelVariables: Int32Array, q: Float64Array): ZbddRef {
  const pOf = (v: number): number => {
    const p = q[levelVariables[v >> 1]!]!;
    return (v & 1) === 1 ? 1 - p : p;
  };
  const best = new Map<number, number>();
  const worst = new Map<number, number>();
  const bounds = (z: ZbddRef): void => {
    if (z <= BASE || best.has(z)) return;
    const lo = zbdd.low(z);
    const hi = zbdd.high(z);
    bounds(lo);
    bounds(hi);
    const p = pOf(zbdd.variable(z));
    const bLo = lo === EMPTY ? -1 : lo === BASE ? 1 : best.get(lo)!;
    const wLo = lo === EMPTY ? 2 : lo === BASE ? 1 : worst.get(lo)!;
    const bHi = hi === BASE ? 1 : best.get(hi)!;
    const wHi = hi === BASE ? 1 : worst.get(hi)!;
    best.set(z, Math.max(bLo, p * bHi));
    worst.set(z, Math.min(wLo, p * wHi));
  };
  bounds(root);
  const rec = (z: ZbddRef, threshold: number): ZbddRef => {
    if (z === EMPTY) return EMPTY;
    if (z === BASE) return threshold <= 1 ? BASE : EMPTY;
    if (best.get(z)! < threshold) return EMPTY;
    if (worst.get(z)! >= threshold) return z;
    const v = zbdd.variable(z);
    const hi = rec(zbdd.high(z), threshold / pOf(v));
    return zbdd.makeNode(v, rec(zbdd.low(z), threshold), hi);
  };
  return rec(root, cutoff);
}
