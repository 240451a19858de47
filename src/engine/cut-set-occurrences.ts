// Per basic event: the number of minimal cut sets that contain it and the exact probability of
// their union, the numerator of the Fussell–Vesely importance (engine stage). Works on the factored
// cut sets of `computeModularCutSets` (Dutuit & Rauzy 1996 modules); unions are turned into BDDs
// (Bryant 1986) and their probabilities read by Shannon decomposition.

import type { BddModel } from './build-bdd.js';
import { Bdd, ONE, ZERO, NODE_STRIDE, type BddRef } from './bdd.js';
import type { ModularCutSets } from './minimal-cut-sets.js';
import { computeNodeProbabilities } from './top-probability.js';
import { BASE, EMPTY, type Zbdd, type ZbddRef } from './zbdd.js';
import { isEngineLimit } from './engine-limit-error.js';
import { nowMs } from '../model/clock.js';

export interface CutSetOccurrences {
  /** Number of minimal cut sets of the tree (a float: exact up to 2^53). */
  readonly total: number;
  /** Per variable: the number of minimal cut sets containing it. */
  readonly occurrences: Float64Array;
  /** Per variable: P(⋃ of the minimal cut sets containing it); undefined when the unions were too large. */
  readonly unionProbability: Float64Array | undefined;
}

export interface CutSetOccurrencesOptions {
  /** Whether the tree is coherent (a module's union of cut sets is then the module itself). */
  readonly coherent?: boolean;
  /** Most BDD nodes for the unions of cut sets (default 2 million); beyond, no union probabilities. */
  readonly maxUnionNodes?: number;
  /** Most seconds spent on the unions (default 5); beyond, no union probabilities. */
  readonly maxUnionSeconds?: number;
}

export const DEFAULT_MAX_UNION_NODES = 2_000_000;
export const DEFAULT_MAX_UNION_SECONDS = 5;

/**
 * With the top's family over events and proxies, a cut set containing event x inside module M is
 * a set S of the family of M's parent that contains M's proxy, with the proxy replaced by a cut set
 * of M containing x (and every other proxy of S by any cut set of its module). Counts multiply along
 * the chain of modules; so do the probabilities of unions, the modules being independent:
 * P(⋃_{C∋x} C) = q_x · P(⋃ onset_x(F_M)) · P(⋃ onset_M(F_parent)) · …, where onset_v(F) is the sets
 * of F containing v, without v, and a proxy in a union stands for the union of its module's cut sets.
 */
export function computeCutSetOccurrences(
  model: BddModel,
  modular: ModularCutSets,
  q: Float64Array = model.graph.probabilities,
  options: CutSetOccurrencesOptions = {},
): CutSetOccurrences {
  const coherent = options.coherent ?? true;
  const { zbdd, families } = modular;
  const levels = model.order.levelNodes.length;
  const count = model.graph.variables.length;
  const occurrences = new Float64Array(count);
  const unionProbability = new Float64Array(count);

  // Level data: each event's probability; a proxy's is that of the union of its module's cut sets
  // (the module's own probability for a coherent tree), and its weight in counts its number of sets.
  const levelProbability = new Float64Array(levels);
  model.variableLevels.forEach((level, v) => (levelProbability[level] = q[v]!));
  const moduleProbabilities = computeNodeProbabilities(model, q).levelProbabilities;
  const levelCount = new Float64Array(levels).fill(1);
  const levelFamily = new Int32Array(levels).fill(-1);
  const deadline = nowMs() + 1000 * (options.maxUnionSeconds ?? DEFAULT_MAX_UNION_SECONDS);
  const unions = new UnionProbability(levelProbability, options.maxUnionNodes ?? DEFAULT_MAX_UNION_NODES, deadline);
  let unionsFailed = false;
  /** P(⋃ family), or NaN once the unions have outgrown their node limit. */
  const unionOf = (family: ZbddRef): number => {
    if (unionsFailed) return NaN;
    try {
      return unions.of(zbdd, family);
    } catch (e) {
      if (!(e instanceof OutOfTime) && !isEngineLimit(e, 'bdd')) throw e;
      unionsFailed = true;
      return NaN;
    }
  };
  const localCount = new Float64Array(levels);
  const localUnion = new Float64Array(levels);

  // Children before parents: modules in their order (children first), then the top.
  const order = [...model.modules.keys()].map((m) => m + 1).concat([0]);
  for (const f of order) {
    const root = families[f]!;
    const nodes = zbdd.nodesBelow(root);
    const sets = new Map<number, number>([[EMPTY, 0], [BASE, 1]]);
    for (const n of nodes) sets.set(n, sets.get(zbdd.low(n))! + levelCount[zbdd.variable(n) >> 1]! * sets.get(zbdd.high(n))!);
    // Paths from the root to each node, weighted by the sets their proxies stand for.
    const down = new Map<number, number>([[root, 1]]);
    const seenLevels = new Set<number>();
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i]!;
      const level = zbdd.variable(n) >> 1;
      const d = down.get(n) ?? 0;
      const lo = zbdd.low(n);
      const hi = zbdd.high(n);
      if (lo > BASE) down.set(lo, (down.get(lo) ?? 0) + d);
      if (hi > BASE) down.set(hi, (down.get(hi) ?? 0) + d * levelCount[level]!);
      localCount[level] = localCount[level]! + d * sets.get(hi)!;
      levelFamily[level] = f;
      seenLevels.add(level);
    }
    for (const level of seenLevels) localUnion[level] = unionsFailed ? NaN : unionOf(zbdd.onset(root, 2 * level));
    if (f > 0) {
      const m = model.modules[f - 1]!;
      levelCount[m.level] = sets.get(root)!;
      levelProbability[m.level] = coherent && !modular.complemented[f - 1] ? moduleProbabilities[m.level]! : unionOf(root);
    }
  }

  // Parents before children: the factor that the chain of modules above a family contributes.
  const chainCount = new Float64Array(families.length);
  const chainUnion = new Float64Array(families.length);
  chainCount[0] = 1;
  chainUnion[0] = 1;
  for (const f of [...order].reverse()) {
    if (f === 0) continue;
    const level = model.modules[f - 1]!.level;
    const parent = levelFamily[level]!;
    if (parent < 0) continue; // the module's proxy is in no cut set
    chainCount[f] = localCount[level]! * chainCount[parent]!;
    chainUnion[f] = localUnion[level]! * chainUnion[parent]!;
  }
  model.variableLevels.forEach((level, v) => {
    const f = levelFamily[level]!;
    if (f < 0) return;
    occurrences[v] = localCount[level]! * chainCount[f]!;
    unionProbability[v] = q[v]! * localUnion[level]! * chainUnion[f]!;
  });
  let total = 0;
  const topSets = new Map<number, number>([[EMPTY, 0], [BASE, 1]]);
  for (const n of zbdd.nodesBelow(families[0]!)) topSets.set(n, topSets.get(zbdd.low(n))! + levelCount[zbdd.variable(n) >> 1]! * topSets.get(zbdd.high(n))!);
  total = topSets.get(families[0]!)!;
  return { total, occurrences, unionProbability: unionsFailed ? undefined : unionProbability };
}

/** The time given to the unions of cut sets ran out. */
class OutOfTime extends Error {}

/**
 * P(⋃ of a family of sets), the family turned into a BDD in a manager of its own: the node
 * (v, low, high) is the function low ∨ (x_v ∧ high) = ite(x_v, low ∨ high, low), and v precedes
 * every variable below it. Probabilities of new BDD nodes are computed once, in creation order.
 */
class UnionProbability {
  private readonly bdd: Bdd;
  private readonly memo = new Map<ZbddRef, BddRef>();
  private pTrue = new Float64Array(1 << 12);
  private pFalse = new Float64Array(1 << 12);
  private evaluated = 2;

  constructor(
    private readonly levelProbability: Float64Array,
    maxNodes: number,
    private readonly deadline: number,
  ) {
    this.bdd = new Bdd({ maxNodes });
    this.pTrue[1] = 1;
  }

  of(zbdd: Zbdd, family: ZbddRef): number {
    const f = this.toBdd(zbdd, family);
    this.evaluate();
    return f > 0 ? this.pTrue[f]! : this.pFalse[-f]!;
  }

  private toBdd(zbdd: Zbdd, z: ZbddRef): BddRef {
    if (z === EMPTY) return ZERO;
    if (z === BASE) return ONE;
    let r = this.memo.get(z);
    if (r === undefined) {
      const lo = this.toBdd(zbdd, zbdd.low(z));
      const hi = this.toBdd(zbdd, zbdd.high(z));
      if (nowMs() > this.deadline) throw new OutOfTime();
      r = this.bdd.makeNode(zbdd.variable(z) >> 1, lo, this.bdd.or(lo, hi));
      this.memo.set(z, r);
    }
    return r;
  }

  /** Shannon decomposition over the nodes created since the last call (children come first). */
  private evaluate(): void {
    const end = this.bdd.nodeCount + 1;
    if (end > this.pTrue.length) {
      const size = Math.max(end, this.pTrue.length * 2);
      const t = new Float64Array(size);
      t.set(this.pTrue);
      this.pTrue = t;
      const f = new Float64Array(size);
      f.set(this.pFalse);
      this.pFalse = f;
    }
    const { pTrue, pFalse } = this;
    const nodes = this.bdd.nodes;
    for (let n = this.evaluated; n < end; n++) {
      const i = n * NODE_STRIDE;
      const p = this.levelProbability[nodes[i]!]!;
      const l = nodes[i + 1]!;
      const h = nodes[i + 2]!;
      const lt = l > 0 ? pTrue[l]! : pFalse[-l]!;
      const lf = l > 0 ? pFalse[l]! : pTrue[-l]!;
      pTrue[n] = p * pTrue[h]! + (1 - p) * lt;
      pFalse[n] = p * pFalse[h]! + (1 - p) * lf;
    }
    this.evaluated = end;
  }
}
