// The order of event ids (engine stage): code-unit order, the same on every machine (no locale).
// Equally probable cut sets and events are listed in this order, so that what a user reads does not
// depend on the BDD's variable order, which changes with the engine's heuristics.

/** Code-unit order of two ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each variable's position among the ids in code-unit order. */
export function idRanks(names: readonly string[]): Int32Array {
  const order = names.map((_, v) => v).sort((a, b) => compareIds(names[a]!, names[b]!));
  const rank = new Int32Array(names.length);
  order.forEach((v, i) => (rank[v] = i));
  return rank;
}

/**
 * The sort key of a literal (v, or ~v for a negation): by the event's id, the event before its
 * negation; keys start at 1, so 0 can stand for "no literal".
 */
export function literalKey(rank: Int32Array, literal: number): number {
  return literal < 0 ? 2 * rank[~literal]! + 2 : 2 * rank[literal]! + 1;
}

/** Writes the keys of `literals[start..end)` to `out[at..)`, in increasing order (sets are short). */
export function sortedLiteralKeys(rank: Int32Array, literals: ArrayLike<number>, start: number, end: number, out: Int32Array, at: number): void {
  for (let i = start; i < end; i++) {
    const key = literalKey(rank, literals[i]!);
    let j = at + (i - start);
    while (j > at && out[j - 1]! > key) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = key;
  }
}
