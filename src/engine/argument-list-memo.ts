// The working stack and memo of the n-ary applies of the BDD manager (engine stage): argument
// lists stored in an arena and found through an open-addressing hash table, for the recursive
// conjunctions `Bdd.andAll` and `Bdd.andOfOrs` (docs/algorithms.md, "Building").

import type { BddRef } from './bdd-ref.js';
import { growInt32 } from './int-table-helpers.js';
import { EngineLimitError } from './engine-limit-error.js';

// A module-scope binding: in a vm context (Jest) every global lookup of `Math` is intercepted.
const imul = Math.imul;

/** Most Int32 entries of the arena (128 MiB): beyond, the memo is cleared. */
const MAX_ARENA = 1 << 25;
/**
 * Most times one apply's memo may start afresh. No Aralia tree that ftree solves fills it once; a
 * build that keeps filling it recomputes subproblems over existing nodes, which the node limit
 * does not see, and would run for minutes (nus9601 in some orders): it stops with BDD_NODE_LIMIT.
 */
const MAX_CLEARS = 4;

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

/** Entries per arena chunk (4 MiB); an offset is chunk · CHUNK + position. */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const POSITION_MASK = CHUNK - 1;

/**
 * The stack of argument lists of an n-ary conjunction and its memo: the subproblems seen, each
 * stored in an arena as length, result and arguments, and found through a hash table (open
 * addressing, linear probing) of (hash, arena offset) pairs, so that the arena is read only on a
 * likely match. `find` and `insert` take the list at `stack[base..base+len)`. The arena is a list of
 * chunks: the first doubles up to `CHUNK` entries, then chunks are added, never copied (a large
 * build's memo holds tens of millions of entries: jbd9601 13 million).
 */
export class ArgumentListMemo {
  stack: Int32Array;
  /**
   * Pairs (hash, arena offset); offset 0 marks a free slot. Both start small and double: most
   * applies of a build are small, and a typed array is zero-filled memory the GC accounts for.
   */
  private table: Int32Array = new Int32Array(2 << 5);
  private chunks: Int32Array[] = [new Int32Array(1 << 8)];
  /** Entries used in the last chunk (the first starts at 1: offset 0 is "free"). */
  private chunkUsed = 1;
  /** Entries used in all chunks, for the bound. */
  private arenaUsed = 1;
  private count = 0;

  private clears = 0;

  /**
   * `size`: the first argument list's length; `maxArena`: the bound of the arena (Int32 entries);
   * `maxClears`: how often the memo may start afresh before the apply gives up.
   */
  constructor(
    size: number,
    private readonly maxArena = MAX_ARENA,
    private readonly maxClears = MAX_CLEARS,
  ) {
    this.stack = new Int32Array(Math.max(64, size * 8));
  }

  /** Makes room for `size` entries on the stack. */
  reserve(size: number): void {
    if (size > this.stack.length) this.stack = growInt32(this.stack, Math.max(size, this.stack.length * 2));
  }

  find(base: number, len: number, hash: number): BddRef {
    const { table, chunks, stack } = this;
    const mask = (table.length >> 1) - 1;
    const h = hash | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = table[2 * slot + 1]!;
      if (at === 0) return 0;
      if (table[2 * slot] !== h) continue;
      const arena = chunks[at >>> CHUNK_BITS]!;
      const p = at & POSITION_MASK;
      if (arena[p] !== len) continue;
      let i = 0;
      while (i < len && arena[p + 2 + i] === stack[base + i]) i++;
      if (i === len) return arena[p + 1]!;
    }
  }

  insert(base: number, len: number, hash: number, result: BddRef): void {
    const size = len + 2;
    // A list longer than a chunk is not remembered: a cache may forget.
    if (size > CHUNK) return;
    // A cache, not a record: past its bound it starts afresh, so its memory stays bounded even
    // where the recursion meets existing nodes only (which the node limit does not count).
    if (this.arenaUsed + size > this.maxArena) this.clear();
    let last = this.chunks.length - 1;
    let arena = this.chunks[last]!;
    if (this.chunkUsed + size > arena.length) {
      if (last === 0 && this.chunkUsed + size <= CHUNK) {
        arena = this.chunks[0] = growInt32(arena, Math.min(CHUNK, Math.max(arena.length * 2, this.chunkUsed + size)));
      } else {
        arena = new Int32Array(CHUNK);
        this.chunks.push(arena);
        last++;
        this.arenaUsed += CHUNK - this.chunkUsed;
        this.chunkUsed = 0;
      }
    }
    const p = this.chunkUsed;
    const { stack } = this;
    arena[p] = len;
    arena[p + 1] = result;
    for (let i = 0; i < len; i++) arena[p + 2 + i] = stack[base + i]!;
    this.chunkUsed = p + size;
    this.arenaUsed += size;
    if (4 * ++this.count > this.table.length) this.rehash();
    this.place(this.table, hash | 0, (last << CHUNK_BITS) | p);
  }

  private clear(): void {
    if (++this.clears > this.maxClears) {
      throw new EngineLimitError(
        'bdd-memo',
        (this.maxClears + 1) * this.maxArena,
        `One gate's BDD needs more than ${this.maxClears + 1} × ${this.maxArena} memo entries: the tree is too hard for an exact analysis with this variable order`,
        'ftree has no better order for this tree; cut sets and importance need this diagram too',
      );
    }
    this.table.fill(0);
    this.chunks = [this.chunks[0]!];
    this.chunkUsed = 1;
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
