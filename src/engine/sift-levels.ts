// Dynamic variable reordering by sifting (engine stage): Rudell 1993, "Dynamic variable ordering for
// ordered binary decision diagrams" (ICCAD), with the growth bound of CUDD (Somenzi): each variable
// in turn is moved through the levels of its block, and left where the diagram was smallest.

import type { Bdd } from './bdd.js';

export interface SiftOptions {
  /**
   * Block of each level: a variable moves only among the levels of its block, which must be
   * contiguous (default: one block). Levels of independent modules need not be interleaved.
   */
  readonly blocks?: Int32Array;
  /** A move in one direction stops once the diagram exceeds the best size by this factor (default 1.2). */
  readonly maxGrowth?: number;
  /** Most level swaps in one call (default 2 million). */
  readonly maxSwaps?: number;
  /** Variables with fewer nodes than this stay where they are (default 1). */
  readonly minNodes?: number;
  /** Farthest a variable moves from its level, in levels (default: its whole block). */
  readonly window?: number;
  /** Most variables sifted, the ones with the most nodes first (default: all). */
  readonly maxVariables?: number;
}

/**
 * Sifts the levels of `bdd`, keeping the functions of `roots` (rewritten as by `Bdd.compact`).
 * Returns the new level of each old level.
 */
export function siftLevels(bdd: Bdd, roots: Int32Array, levelCount: number, options: SiftOptions = {}): Int32Array {
  const maxGrowth = options.maxGrowth ?? 1.2;
  const maxSwaps = options.maxSwaps ?? 2_000_000;
  const minNodes = options.minNodes ?? 1;
  const window = options.window ?? levelCount;
  const maxVariables = options.maxVariables ?? levelCount;
  const blocks = options.blocks ?? new Int32Array(levelCount);
  // Bounds of each level's block.
  const first = new Int32Array(levelCount);
  const last = new Int32Array(levelCount);
  for (let l = 0; l < levelCount; l++) first[l] = l > 0 && blocks[l - 1] === blocks[l] ? first[l - 1]! : l;
  for (let l = levelCount - 1; l >= 0; l--) last[l] = l < levelCount - 1 && blocks[l + 1] === blocks[l] ? last[l + 1]! : l;

  bdd.beginReorder(roots, levelCount);
  let swaps = 0;
  const swap = (l: number): number => {
    bdd.swapLevels(l);
    swaps++;
    return bdd.liveNodes;
  };

  const candidates: number[] = [];
  for (let l = 0; l < levelCount; l++) if (bdd.levelSize(l) >= minNodes && first[l] !== last[l]) candidates.push(l);
  const sizes = candidates.map((l) => bdd.levelSize(l));
  const byNodes = candidates.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!);

  for (const c of byNodes.slice(0, maxVariables)) {
    if (swaps >= maxSwaps) break;
    const v = candidates[c]!;
    let pos = bdd.levelOfVariable(v);
    const lo = Math.max(first[v]!, pos - window);
    const hi = Math.min(last[v]!, pos + window);
    let best = bdd.liveNodes;
    let bestPos = pos;
    const down = (): void => {
      while (pos < hi && swaps < maxSwaps) {
        const size = swap(pos++);
        if (size < best) {
          best = size;
          bestPos = pos;
        } else if (size > best * maxGrowth) break;
      }
    };
    const up = (): void => {
      while (pos > lo && swaps < maxSwaps) {
        const size = swap(--pos);
        if (size < best) {
          best = size;
          bestPos = pos;
        } else if (size > best * maxGrowth) break;
      }
    };
    // The nearer end first, as in CUDD.
    if (hi - pos < pos - lo) {
      down();
      up();
    } else {
      up();
      down();
    }
    while (pos < bestPos) swap(pos++);
    while (pos > bestPos) swap(--pos);
  }
  return bdd.endReorder(roots);
}
