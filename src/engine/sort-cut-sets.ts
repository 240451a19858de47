// Every set of a family in flat typed arrays, sorted by probability (engine stage): one enumeration
// of the ZBDD into arrays sized from its summary, then a stable two-pass counting sort (LSD radix:
// Knuth, TAOCP vol. 3, §5.2.5) on (rank of the probability among the distinct values, order, the
// set's event ids): ties are listed by id, whatever the BDD's variable order.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { forEachCutSet } from './enumerate-cut-sets.js';
import { summarizeCutSets, type CutSetSummary } from './summarize-cut-sets.js';
import { idRanks, sortedLiteralKeys } from './event-id-order.js';

/** Sets stored flat: set i has literals `literals[offsets[i] .. offsets[i + 1])`. */
export interface CutSetList {
  readonly count: number;
  readonly literals: Int32Array;
  readonly offsets: Int32Array;
  readonly probabilities: Float64Array;
  /**
   * Set indices by decreasing probability, then increasing order, then (when `tiesById`) by the
   * sets' event ids (each set's ids in code-unit order, compared as sequences), else in the
   * diagram's depth-first order.
   */
  readonly sorted: Uint32Array;
  /** Ties were ordered by the sets' event ids. */
  readonly tiesById: boolean;
  /** The distinct probabilities of the sets, highest first, and how many sets have each. */
  readonly distinctProbabilities?: Float64Array;
  readonly distinctCounts?: Float64Array;
}

/**
 * Collects and sorts the family (the caller bounds its size: about 16 bytes per set and 4 per
 * literal). Sets of equal probability — the rule in trees whose events share a few values — cost
 * nothing to sort: the distinct probabilities are sorted natively, each set finds its rank by
 * binary search, and two stable counting passes order by (rank, order).
 */
/**
 * Lists of at most this many sets order their ties by event ids; longer ones keep the diagram's
 * order, as ordering ties costs about as much as the rest of the sort on lists of millions and
 * nobody reads them tie by tie.
 */
export const MAX_SETS_TIES_BY_ID = 1_000_000;

export function sortCutSets(family: CutSetFamily, summary: CutSetSummary = summarizeCutSets(family), maxSetsTiesById = MAX_SETS_TIES_BY_ID): CutSetList {
  const count = summary.total;
  let literalCount = 0;
  summary.perOrder.forEach((c, k) => (literalCount += c * k));
  const literals = new Int32Array(literalCount);
  const offsets = new Int32Array(count + 1);
  const probabilities = new Float64Array(count);
  let n = 0;
  let used = 0;
  forEachCutSet(family, (buffer, length, p) => {
    for (let i = 0; i < length; i++) literals[used + i] = buffer[i]!;
    offsets[n] = used;
    probabilities[n] = p;
    used += length;
    n++;
  });
  offsets[n] = used;

  // Distinct probabilities, highest first.
  const values = Float64Array.from(probabilities).sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[distinct++] = values[i]!;
  const descending = values.subarray(0, distinct).reverse();
  const rank = new Uint32Array(count);
  const distinctCounts = new Float64Array(distinct);
  for (let i = 0; i < count; i++) {
    // Binary search in the descending values.
    const p = probabilities[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (descending[mid]! > p) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    distinctCounts[lo] = distinctCounts[lo]! + 1;
  }
  // Two stable counting passes: by order, then by the probability's rank; then, on lists short
  // enough, each set's literals in id order and every run of sets of equal probability and order by
  // their ids.
  const maxOrder = summary.perOrder.length;
  const byOrder = countingSort(identity(count), (i) => offsets[i + 1]! - offsets[i]!, maxOrder + 1);
  const sorted = countingSort(byOrder, (i) => rank[i]!, distinct);
  const tiesById = count <= maxSetsTiesById;
  if (tiesById) {
    const ids = idRanks(family.variables);
    const keys = new Int32Array(literalCount);
    for (let i = 0; i < count; i++) sortedLiteralKeys(ids, literals, offsets[i]!, offsets[i + 1]!, keys, offsets[i]!);
    const byRank = new Int32Array(ids.length);
    ids.forEach((r, v) => (byRank[r] = v));
    for (let i = 0; i < literalCount; i++) {
      const key = keys[i]!;
      literals[i] = key & 1 ? byRank[(key - 1) >> 1]! : ~byRank[(key - 2) >> 1]!;
    }
    sortTiesByIds(sorted, rank, keys, offsets, 2 * family.variables.length + 2);
  }
  return { count, literals, offsets, probabilities, sorted, tiesById, distinctProbabilities: descending, distinctCounts };
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/**
 * Sorts each run of `sorted` whose sets have the same probability rank and order by the sets' keys,
 * compared as sequences: most significant position first (MSD radix sort; McIlroy, Bostic &
 * McIlroy, "Engineering Radix Sort", 1993), each bucket refined only while it holds more than one
 * set, small buckets by insertion. Sets of a family are distinct, so the order is total and need
 * not be stable. `buckets` bounds the keys.
 */
function sortTiesByIds(sorted: Uint32Array, rank: Uint32Array, keys: Int32Array, offsets: Int32Array, buckets: number): void {
  const n = sorted.length;
  const counts = new Uint32Array(buckets);
  const scratch = new Uint32Array(n);
  const touched: number[] = [];
  // Pending ranges: [lo, hi, position] triples.
  const stack: number[] = [];
  for (let g = 0; g < n; ) {
    const first = sorted[g]!;
    const order = offsets[first + 1]! - offsets[first]!;
    let h = g + 1;
    while (h < n && rank[sorted[h]!] === rank[first] && offsets[sorted[h]! + 1]! - offsets[sorted[h]!]! === order) h++;
    if (h - g > 1 && order > 0) stack.push(g, h, 0);
    g = h;
  }
  while (stack.length > 0) {
    const position = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= 16) {
      insertionSortByKeys(sorted, lo, hi, position, keys, offsets);
      continue;
    }
    for (let i = lo; i < hi; i++) {
      const k = keys[offsets[sorted[i]!]! + position]!;
      const c = counts[k]!;
      counts[k] = c + 1;
      if (c === 0) touched.push(k);
    }
    touched.sort((a, b) => a - b);
    // counts[k] becomes the end of bucket k in scratch; sets are placed backwards from it.
    const order = offsets[sorted[lo]! + 1]! - offsets[sorted[lo]!]!;
    let end = lo;
    for (const k of touched) {
      const c = counts[k]!;
      end += c;
      counts[k] = end;
      if (c > 1 && position + 1 < order) stack.push(end - c, end, position + 1);
    }
    for (let i = hi - 1; i >= lo; i--) {
      const set = sorted[i]!;
      const k = keys[offsets[set]! + position]!;
      scratch[--counts[k]!] = set;
    }
    sorted.set(scratch.subarray(lo, hi), lo);
    for (const k of touched) counts[k] = 0;
    touched.length = 0;
  }
}

/** Sets `sorted[lo..hi)`, equal up to `position`, by their keys from `position` on. */
function insertionSortByKeys(sorted: Uint32Array, lo: number, hi: number, position: number, keys: Int32Array, offsets: Int32Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const set = sorted[i]!;
    let j = i;
    while (j > lo && compareKeysFrom(sorted[j - 1]!, set, position, keys, offsets) > 0) {
      sorted[j] = sorted[j - 1]!;
      j--;
    }
    sorted[j] = set;
  }
}

/** Two sets of the same order compared by their keys from `position` on. */
function compareKeysFrom(a: number, b: number, position: number, keys: Int32Array, offsets: Int32Array): number {
  const aStart = offsets[a]!;
  const bStart = offsets[b]!;
  const length = offsets[a + 1]! - aStart;
  for (let i = position; i < length; i++) {
    const d = keys[aStart + i]! - keys[bStart + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Stable counting sort of `items` by `key` in [0, buckets). */
function countingSort(items: Uint32Array, key: (i: number) => number, buckets: number): Uint32Array {
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i]!) + 1;
    start[k] = start[k]! + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = start[b + 1]! + start[b]!;
  const out = new Uint32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const k = key(item);
    out[start[k]!] = item;
    start[k] = start[k]! + 1;
  }
  return out;
}
