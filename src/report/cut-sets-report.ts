// What `ftree cutsets` reports, and its rows in output order (report stage): shared by the text,
// JSON and CSV renderers. Lines are produced in chunks so that millions of sets stream out.

import type { Diagnostic } from '../model/diagnostic.js';
import type { FaultTree } from '../model/fault-tree.js';
import { idRanks, walkCutSets, type CutSet, type CutSetFamily, type CutSetList, type TopProbabilityApproximations } from '../engine/index.js';

export interface CutSetsReport {
  readonly tree: FaultTree;
  readonly pTop: number;
  readonly family: CutSetFamily;
  readonly approximations: TopProbabilityApproximations;
  /** Every set sorted by probability, or undefined when the family is too large to sort. */
  readonly sorted: CutSetList | undefined;
  /** The most probable sets, for the table (text). */
  readonly top: readonly CutSet[];
  /** Sets to list: table rows in text, the first n of the stream in JSON and CSV (undefined: all). */
  readonly limit: number | undefined;
  readonly warnings: readonly Diagnostic[];
  readonly seconds: number;
}

/**
 * Formats one set as a line of output. `literals[0..length)` are the set's literals sorted by event
 * id (valid during the call only). `probability` and `share` (P(C)/P(top), empty when P(top) = 0)
 * come as text, formatted once per run of equal probabilities — sets of equal probability are the
 * rule, and number formatting would otherwise dominate.
 */
export type CutSetLineFormat = (rank: number, literals: Int32Array, length: number, probability: string, share: string) => string;

const CHUNK = 1 << 16;

/**
 * The sets in output order — by probability when sorted, else in the ZBDD's depth-first order —
 * formatted by `line` and gathered into chunks of about 64 KiB, so that millions stream out
 * without a string or an object per set held at once.
 */
export function* renderCutSetLines(report: CutSetsReport, line: CutSetLineFormat): Generator<string> {
  const { family, sorted, pTop } = report;
  const limit = report.limit ?? Infinity;
  const rank = idRanks(family.variables);
  const scratch = new Int32Array(64);
  let chunk = '';
  let listed = 0;
  let lastP = NaN;
  let pText = '';
  let shareText = '';
  const emit = (literals: Int32Array, start: number, end: number, p: number): string => {
    const n = end - start;
    const buffer = n <= scratch.length ? scratch : new Int32Array(n);
    // Insertion sort by event id: sets are short.
    for (let i = 0; i < n; i++) {
      const l = literals[start + i]!;
      const key = rank[l < 0 ? ~l : l]!;
      let j = i;
      while (j > 0) {
        const m = buffer[j - 1]!;
        if (rank[m < 0 ? ~m : m]! <= key) break;
        buffer[j] = m;
        j--;
      }
      buffer[j] = l;
    }
    listed++;
    if (p !== lastP) {
      lastP = p;
      pText = String(p);
      shareText = pTop > 0 ? String(p / pTop) : '';
    }
    return line(listed, buffer, n, pText, shareText);
  };
  if (sorted !== undefined) {
    const { literals, offsets, probabilities } = sorted;
    const n = Math.min(limit, sorted.count);
    for (let k = 0; k < n; k++) {
      const i = sorted.sorted[k]!;
      chunk += emit(literals, offsets[i]!, offsets[i + 1]!, probabilities[i]!);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
  } else {
    for (const view of walkCutSets(family)) {
      if (listed >= limit) break;
      chunk += emit(view.buffer, 0, view.length, view.probability);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A set's literals as text, separated by spaces: an event by its id, a working event as ¬id. */
export function formatLiterals(names: readonly string[], literals: ArrayLike<number>, length: number = literals.length): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const l = literals[i]!;
    text += (i === 0 ? '' : ' ') + (l >= 0 ? names[l]! : `¬${names[~l]!}`);
  }
  return text;
}

/** One sentence on what the sets are, for the outputs and their help. */
export function describeFamily(family: CutSetFamily): string {
  if (family.kind === 'prime-implicants') {
    return 'Prime implicants: minimal conjunctions of failed events and working events (¬) that make the top event occur.';
  }
  if (family.coherent) return 'Minimal cut sets: minimal sets of failed events that make the top event occur.';
  return (
    'The tree is not coherent (it negates events). Each cut set is a minimal set of failed events that makes the top event ' +
    'occur while every other event works: negated events are dropped, as in SCRAM. --prime-implicants gives prime implicants.'
  );
}
