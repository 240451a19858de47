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
   * Set indices by decreasing probability, then increasing order, then by the sets' event ids (each
   * set's ids in code-unit order, compared as sequences).
   */
  readonly sorted: Uint32Array;
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
export function sortCutSets(family: CutSetFamily, summary: CutSetSummary = summarizeCutSets(family)): CutSetList {
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
  // Least significant first, each pass stable: the ids from the last position to the first, then
  // the order, then the probability's rank.
  const maxOrder = summary.perOrder.length;
  const ids = idRanks(family.variables);
  const keys = new Int32Array(literalCount);
  for (let i = 0; i < count; i++) sortedLiteralKeys(ids, literals, offsets[i]!, offsets[i + 1]!, keys, offsets[i]!);
  let order: Uint32Array = identity(count);
  const keyBuckets = 2 * family.variables.length + 1;
  const start = new Uint32Array(keyBuckets + 1);
  let spare: Uint32Array = new Uint32Array(count);
  for (let position = maxOrder - 1; position >= 0; position--) {
    sortByPosition(order, spare, keys, offsets, position, start);
    [order, spare] = [spare, order];
  }
  const byOrder = countingSort(order, (i) => offsets[i + 1]! - offsets[i]!, maxOrder + 1);
  const sorted = countingSort(byOrder, (i) => rank[i]!, distinct);
  return { count, literals, offsets, probabilities, sorted, distinctProbabilities: descending, distinctCounts };
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/**
 * One stable counting pass by the key at `position` of each set (0 past its end) from `items` into
 * `out`; `start` has one slot more than there are keys. Written out, not through `countingSort`:
 * it runs once per position.
 */
function sortByPosition(items: Uint32Array, out: Uint32Array, keys: Int32Array, offsets: Int32Array, position: number, start: Uint32Array): void {
  start.fill(0);
  const n = items.length;
  // Every set once (`items` is a permutation of them): the counts per key.
  for (let i = 0; i < n; i++) {
    const at = offsets[i]! + position;
    const k = (at < offsets[i + 1]! ? keys[at]! : 0) + 1;
    start[k] = start[k]! + 1;
  }
  for (let b = 1; b < start.length; b++) start[b] = start[b]! + start[b - 1]!;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const at = offsets[item]! + position;
    const k = at < offsets[item + 1]! ? keys[at]! : 0;
    out[start[k]!] = item;
    start[k] = start[k]! + 1;
  }
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
