// Finds which patterns could match a line from the literals they require (evidence stage). Blocks
// of lines are searched with Wu–Manber (Wu & Manber 1994), which skips ahead by up to the shortest
// literal's length; case-insensitive literals, short literals and single lines use an Aho–Corasick
// automaton (Aho & Corasick 1975) compiled into a DFA table over ASCII, with A–Z mapped to a–z.

import type { LiteralSet } from './compile-log-signal.js';

const ALPHABET = 128;

class Automaton {
  readonly table: Int32Array;
  /** Per state, the patterns whose literal ends here (with those of its fail chain). */
  readonly outputs: (readonly number[])[];
  /** 1 where `outputs` is not empty: the hot loop reads a byte, not an array. */
  readonly hasOutput: Uint8Array;

  constructor(entries: readonly { literal: string; pattern: number }[], fold: boolean) {
    const goto: Map<number, number>[] = [new Map()];
    const out: Set<number>[] = [new Set()];
    for (const { literal, pattern } of entries) {
      let s = 0;
      for (const ch of fold ? literal.toLowerCase() : literal) {
        const c = ch.charCodeAt(0);
        let t = goto[s]!.get(c);
        if (t === undefined) {
          t = goto.length;
          goto.push(new Map());
          out.push(new Set());
          goto[s]!.set(c, t);
        }
        s = t;
      }
      out[s]!.add(pattern);
    }
    const n = goto.length;
    const table = new Int32Array(n * ALPHABET);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const t = goto[0]!.get(c) ?? 0;
      table[c] = t;
      if (t !== 0) queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const p of out[fail[s]!]!) out[s]!.add(p);
      for (let c = 0; c < ALPHABET; c++) {
        const t = goto[s]!.get(c);
        if (t === undefined) table[s * ALPHABET + c] = table[fail[s]! * ALPHABET + c]!;
        else {
          fail[t] = table[fail[s]! * ALPHABET + c]!;
          table[s * ALPHABET + c] = t;
          queue.push(t);
        }
      }
    }
    if (fold) {
      for (let s = 0; s < n; s++) for (let c = 65; c <= 90; c++) table[s * ALPHABET + c] = table[s * ALPHABET + c + 32]!;
    }
    this.table = table;
    this.outputs = out.map((o) => [...o]);
    this.hasOutput = Uint8Array.from(out, (o) => (o.size > 0 ? 1 : 0));
  }
}

/** Wu–Manber over exact ASCII literals, with blocks of three characters hashed to 16 bits. */
class WuManber {
  /** Length of the window: the shortest literal. */
  readonly m: number;
  /** How far the window may move for each two-character block at its end. */
  private readonly shift: Uint8Array;
  /** Literals whose window ends with a block, for the blocks where the shift is 0. */
  private readonly bucket: ({ literal: string; pattern: number }[] | undefined)[];

  constructor(entries: readonly { literal: string; pattern: number }[]) {
    const m = Math.min(...entries.map((e) => e.literal.length), 255);
    this.m = m;
    this.shift = new Uint8Array(HASH_SIZE).fill(m - 2);
    this.bucket = new Array<{ literal: string; pattern: number }[] | undefined>(HASH_SIZE);
    for (const e of entries) {
      const l = e.literal;
      for (let j = 2; j < m; j++) {
        const h = hash3(l.charCodeAt(j - 2), l.charCodeAt(j - 1), l.charCodeAt(j));
        const s = m - 1 - j;
        if (s < this.shift[h]!) this.shift[h] = s;
        if (s === 0) (this.bucket[h] ??= []).push(e);
      }
    }
  }

  /** Appends (start of the literal, pattern) pairs to `hits`; returns the new hits and count. */
  scan(text: string, hits: Int32Array, count: number): { hits: Int32Array; count: number } {
    const { m, shift, bucket } = this;
    const n = text.length;
    let pos = m - 1;
    while (pos < n) {
      const h = hash3(text.charCodeAt(pos - 2), text.charCodeAt(pos - 1), text.charCodeAt(pos));
      const s = shift[h]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const e of bucket[h]!) {
        if (text.startsWith(e.literal, start)) {
          if (2 * count + 2 > hits.length) hits = grow(hits);
          hits[2 * count] = start;
          hits[2 * count + 1] = e.pattern;
          count++;
        }
      }
      pos++;
    }
    return { hits, count };
  }
}

const HASH_SIZE = 1 << 16;

/** Three characters to 16 bits; characters beyond ASCII share one value (no literal holds them). */
function hash3(a: number, b: number, c: number): number {
  return (((a & 0x7f) << 9) ^ ((b & 0x7f) << 4) ^ (c & 0x7f) ^ (a > 127 || b > 127 || c > 127 ? 0x8000 : 0)) & 0xffff;
}

function grow(hits: Int32Array): Int32Array {
  const grown = new Int32Array(hits.length * 2);
  grown.set(hits);
  return grown;
}

/** Wu–Manber pays off once every literal is at least this long. */
const MIN_WU_MANBER = 5;

export class LiteralPrefilter {
  private readonly automata: Automaton[] = [];
  /** Automata searched per block: those not replaced by Wu–Manber. */
  private readonly blockAutomata: Automaton[] = [];
  private readonly wuManber?: WuManber;
  /** Patterns without literals: candidates for every line. */
  private readonly always: number[] = [];
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(sets: readonly (LiteralSet | undefined)[]) {
    const exact: { literal: string; pattern: number }[] = [];
    const folded: { literal: string; pattern: number }[] = [];
    sets.forEach((set, pattern) => {
      if (!set) this.always.push(pattern);
      else for (const literal of set.literals) (set.caseInsensitive ? folded : exact).push({ literal, pattern });
    });
    if (exact.length > 0) {
      const a = new Automaton(exact, false);
      this.automata.push(a);
      if (Math.min(...exact.map((e) => e.literal.length)) >= MIN_WU_MANBER) this.wuManber = new WuManber(exact);
      else this.blockAutomata.push(a);
    }
    if (folded.length > 0) {
      const a = new Automaton(folded, true);
      this.automata.push(a);
      this.blockAutomata.push(a);
    }
    this.stamp = new Int32Array(sets.length);
  }

  /** Writes the indexes of the patterns that may match `text[start, end)` into `out`; returns how many. */
  candidates(text: string, start: number, end: number, out: Int32Array): number {
    const gen = ++this.generation;
    const stamp = this.stamp;
    let n = 0;
    for (const p of this.always) {
      stamp[p] = gen;
      out[n++] = p;
    }
    for (let k = 0; k < this.automata.length; k++) {
      const a = this.automata[k]!;
      const table = a.table;
      const hasOutput = a.hasOutput;
      let s = 0;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        s = c < ALPHABET ? table[(s << 7) | c]! : 0;
        if (hasOutput[s] !== 0) {
          for (const p of a.outputs[s]!) {
            if (stamp[p] !== gen) {
              stamp[p] = gen;
              out[n++] = p;
            }
          }
        }
      }
    }
    return n;
  }

  /** Patterns without literals, candidates for every line. */
  get unfiltered(): readonly number[] {
    return this.always;
  }

  /**
   * One pass over a whole block of lines: the position (where a literal ends) and pattern of each
   * literal found, in `hits` as pairs, growing it when needed. Returns the hits and their count.
   */
  scanBlock(text: string, hits: Int32Array): { hits: Int32Array; count: number } {
    let count = 0;
    if (this.wuManber) ({ hits, count } = this.wuManber.scan(text, hits, count));
    for (let k = 0; k < this.blockAutomata.length; k++) {
      const a = this.blockAutomata[k]!;
      const table = a.table;
      const hasOutput = a.hasOutput;
      const n = text.length;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        s = c < ALPHABET ? table[(s << 7) | c]! : 0;
        if (hasOutput[s] !== 0) {
          for (const p of a.outputs[s]!) {
            if (2 * count + 2 > hits.length) hits = grow(hits);
            hits[2 * count] = i;
            hits[2 * count + 1] = p;
            count++;
          }
        }
      }
    }
    if ((this.wuManber ? 1 : 0) + this.blockAutomata.length > 1) sortPairs(hits, count);
    return { hits, count };
  }
}

/** Sorts (position, pattern) pairs by position: insertion sort for the usual few, else a full sort. */
function sortPairs(hits: Int32Array, count: number): void {
  if (count > 64) {
    const pairs = Array.from({ length: count }, (_, i) => [hits[2 * i]!, hits[2 * i + 1]!] as const).sort((a, b) => a[0] - b[0]);
    pairs.forEach(([pos, pat], i) => {
      hits[2 * i] = pos;
      hits[2 * i + 1] = pat;
    });
    return;
  }
  for (let i = 1; i < count; i++) {
    const pos = hits[2 * i]!;
    const pat = hits[2 * i + 1]!;
    let j = i - 1;
    while (j >= 0 && hits[2 * j]! > pos) {
      hits[2 * j + 2] = hits[2 * j]!;
      hits[2 * j + 3] = hits[2 * j + 1]!;
      j--;
    }
    hits[2 * j + 2] = pos;
    hits[2 * j + 3] = pat;
  }
}
