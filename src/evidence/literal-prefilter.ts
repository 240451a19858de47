// One pass over a line finds which patterns could match it (evidence stage): an Aho–Corasick
// automaton (Aho & Corasick 1975) over the required literals of every pattern, compiled into a DFA
// table over ASCII; case-insensitive literals get their own automaton with A–Z mapped to a–z.

import type { LiteralSet } from './compile-log-signal.js';

const ALPHABET = 128;

class Automaton {
  readonly table: Int32Array;
  /** Per state, the patterns whose literal ends here (with those of its fail chain). */
  readonly outputs: (readonly number[] | undefined)[];

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
    this.outputs = out.map((o) => (o.size > 0 ? [...o] : undefined));
  }
}

export class LiteralPrefilter {
  private readonly automata: Automaton[] = [];
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
    if (exact.length > 0) this.automata.push(new Automaton(exact, false));
    if (folded.length > 0) this.automata.push(new Automaton(folded, true));
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
    for (const a of this.automata) {
      const table = a.table;
      const outputs = a.outputs;
      let s = 0;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        s = c < ALPHABET ? table[(s << 7) | c]! : 0;
        const hit = outputs[s];
        if (hit !== undefined) {
          for (const p of hit) {
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
}
