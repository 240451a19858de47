// Every set of a family in flat typed arrays, sorted by probability (engine stage): one enumeration
// of the ZBDD, then a sort of indices — about 16 bytes per set plus 4 per literal, no strings.

import type { CutSetFamily } from './minimal-cut-sets.js';
import { forEachCutSet } from './enumerate-cut-sets.js';

/** Sets stored flat: set i has literals `literals[offsets[i] .. offsets[i + 1])`. */
export interface CutSetList {
  readonly count: number;
  readonly literals: Int32Array;
  readonly offsets: Int32Array;
  readonly probabilities: Float64Array;
  /** Set indices by decreasing probability, then increasing order, then enumeration order. */
  readonly sorted: Uint32Array;
}

/** Collects and sorts the family; the caller bounds its size (see `summarizeCutSets`). */
export function sortCutSets(family: CutSetFamily): CutSetList {
  let literals = new Int32Array(1 << 16);
  let offsets = new Int32Array(1 << 12);
  let probabilities = new Float64Array(1 << 12);
  let count = 0;
  let used = 0;
  forEachCutSet(family, (buffer, length, p) => {
    if (count + 2 > offsets.length) {
      offsets = grow(offsets, offsets.length * 2);
      probabilities = growFloat(probabilities, probabilities.length * 2);
    }
    while (used + length > literals.length) literals = grow(literals, literals.length * 2);
    literals.set(buffer.subarray(0, length), used);
    offsets[count] = used;
    probabilities[count] = p;
    used += length;
    count++;
  });
  offsets[count] = used;
  const sorted = new Uint32Array(count);
  for (let i = 0; i < count; i++) sorted[i] = i;
  const o = offsets;
  const ps = probabilities;
  sorted.sort((a, b) => ps[b]! - ps[a]! || o[a + 1]! - o[a]! - (o[b + 1]! - o[b]!) || a - b);
  return { count, literals: literals.subarray(0, used), offsets: offsets.subarray(0, count + 1), probabilities: probabilities.subarray(0, count), sorted };
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function growFloat(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
