// The working stack and memo of the n-ary applies of the BDD manager (engine stage): argument
// lists stored in an arena and found through an open-addressing hash table, for the recursive
// conjunctions `Bdd.andAll` and `Bdd.andOfOrs` (docs/algorithms.md, "Building").

import type { BddRef } from './bdd.js';
import { growInt32 } from './int-table-helpers.js';

// A module-scope binding: in a vm context (Jest) every global lookup of `Math` is intercepted.
const imul = Math.imul;

/** Most Int32 entries of the arena (128 MiB): beyond, the memo is cleared. */
const MAX_ARENA = 1 << 25;

/** Arguments by node index, a complemented reference after the regular one. */
export function compareRefs(a: BddRef, b: BddRef): number {
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  return x !== y ? x - y : b - a;
}

export function hashArgumentList(stack: Int32Array, base: number, len: number): number {
  let h = len;
  for (let i = base; i < base + len; i++) h = imul(h ^ stack[i]!, 0x9e3779b1) ^ (h >>> 15);
  return h >>> 0;
}

/**
 * The stack of argument lists of an n-ary conjunction and its memo: the subproblems seen, each
 * stored in an arena as length, result and arguments, and found through a hash table (open
 * addressing, linear probing) of (hash, arena offset) pairs, so that the arena is read only on a
 * likely match. `find` and `insert` take the list at `stack[base..base+len)`.
 */
export class ArgumentListMemo {
  stack: Int32Array;
  /**
   * Pairs (hash, arena offset); offset 0 marks a free slot. Both start small and double: most
   * applies of a build are small, and a typed array is zero-filled memory the GC accounts for.
   */
  private table: Int32Array = new Int32Array(2 << 5);
  private arena: Int32Array = new Int32Array(1 << 8);
  private arenaUsed = 1;
  private count = 0;

  /** `size`: the first argument list's length; `maxArena`: the bound of the arena (Int32 entries). */
  constructor(
    size: number,
    private readonly maxArena = MAX_ARENA,
  ) {
    this.stack = new Int32Array(Math.max(64, size * 8));
  }

  /** Makes room for `size` entries on the stack. */
  reserve(size: number): void {
    if (size > this.stack.length) this.stack = growInt32(this.stack, Math.max(size, this.stack.length * 2));
  }

  find(base: number, len: number, hash: number): BddRef {
    const { table, arena, stack } = this;
    const mask = (table.length >> 1) - 1;
    const h = hash | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = table[2 * slot + 1]!;
      if (at === 0) return 0;
      if (table[2 * slot] !== h || arena[at] !== len) continue;
      let i = 0;
      while (i < len && arena[at + 2 + i] === stack[base + i]) i++;
      if (i === len) return arena[at + 1]!;
    }
  }

  insert(base: number, len: number, hash: number, result: BddRef): void {
    // A cache, not a record: past its bound it starts afresh, so its memory stays bounded even
    // where the recursion meets existing nodes only (which the node limit does not count).
    if (this.arenaUsed + len + 2 > this.maxArena) this.clear();
    if (this.arenaUsed + len + 2 > this.arena.length) this.arena = growInt32(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + len + 2));
    const at = this.arenaUsed;
    const { arena, stack } = this;
    arena[at] = len;
    arena[at + 1] = result;
    for (let i = 0; i < len; i++) arena[at + 2 + i] = stack[base + i]!;
    this.arenaUsed = at + len + 2;
    if (4 * ++this.count > this.table.length) this.rehash();
    this.place(this.table, hash | 0, at);
  }

  private clear(): void {
    this.table.fill(0);
    this.arenaUsed = 1;
    this.count = 0;
  }

  private place(table: Int32Array, h: number, at: number): void {
    const mask = (table.length >> 1) - 1;
    let slot = h & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = h;
    table[2 * slot + 1] = at;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(table, old[i]!, old[i + 1]!);
    this.table = table;
  }
}
