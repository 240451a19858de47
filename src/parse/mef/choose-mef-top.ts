// The top event of an Open-PSA MEF model and its cone (parse stage): the `top` option or attribute,
// else the one gate no other gate uses, else the single root of the first fault tree that has one.

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Gate } from '../../model/fault-tree.js';
import { mefError } from './mef-diagnostic.js';
import type { RawEvent, RawMefModel } from './mef-raw.js';

/** The `<opsa-mef>` attribute that names the top event. */
export const TOP_ATTRIBUTE = 'top';

/** What the choice of the top reads from the model being built. */
export interface TopCandidates {
  readonly raw: RawMefModel;
  /** The top asked for by the caller (`--top-event`). */
  readonly top?: string;
  readonly basicEvents: ReadonlyMap<string, unknown>;
  /** The definition behind each id. */
  readonly owner: ReadonlyMap<string, RawEvent>;
  /** Gates made by the reader (proxies, nested formulas): never a top. */
  isGenerated(id: string): boolean;
  /** The index of the fault tree that defines a gate. */
  treeOf(id: string): number | undefined;
}

/**
 * The option `top` if given; else the only gate no other gate uses; else, among several such
 * roots, the one of the first fault tree that has roots (two in that tree: ambiguous).
 */
export function chooseMefTop(gates: ReadonlyMap<string, Gate>, model: TopCandidates, problems: Diagnostic[]): string | undefined {
  const wanted = model.top ?? model.raw.attributes.get(TOP_ATTRIBUTE);
  if (wanted !== undefined) {
    if (gates.has(wanted) || model.basicEvents.has(wanted)) return wanted;
    const def = model.owner.get(wanted);
    if (def?.kind === 'house-event') {
      problems.push(mefError('INVALID_TOP', `The top event is a house event: ${wanted}`, undefined, 'give the id of a gate or basic event'));
      return undefined;
    }
    if (def) return undefined; // defined, but broken: already reported
    const guess = didYouMean(wanted, gates.keys());
    problems.push(mefError('UNKNOWN_TOP', `Top event not found: ${wanted}`, undefined, guess ? `did you mean "${guess}"?` : 'give the id of a gate'));
    return undefined;
  }
  const used = new Set<string>();
  for (const gate of gates.values()) for (const input of gate.inputs) used.add(input);
  const roots: string[] = [];
  for (const id of gates.keys()) if (!used.has(id) && !model.isGenerated(id)) roots.push(id);
  if (roots.length === 1) return roots[0];
  const where = model.raw.faultTrees[0]?.span ?? model.raw.span;
  if (roots.length === 0) {
    problems.push(
      gates.size === 0
        ? mefError('MISSING_TOP', 'No gate defined: nothing to analyse', where, 'define gates with <define-gate> inside <define-fault-tree>')
        : mefError('MISSING_TOP', 'No top gate: every gate is an input of another gate', where),
    );
    return undefined;
  }
  for (let index = 0; index < model.raw.faultTrees.length; index++) {
    const own = roots.filter((id) => model.treeOf(id) === index);
    if (own.length === 1) return own[0];
    if (own.length > 1) {
      const tree = model.raw.faultTrees[index]!;
      const shown = own.slice(0, 8).map((id) => `"${id}"`).join(', ');
      problems.push(
        mefError('AMBIGUOUS_TOP', `Fault tree "${tree.name}" has ${own.length} top gates: ${shown}${own.length > 8 ? ', …' : ''}`, tree.span),
      );
      return undefined;
    }
  }
  return undefined;
}

/** Ids reachable from `top` through gate inputs (including `top`). */
export function reachableFrom(top: string, gates: ReadonlyMap<string, Gate>): Set<string> {
  const seen = new Set<string>([top]);
  const stack = [top];
  while (stack.length > 0) {
    const gate = gates.get(stack.pop()!);
    if (!gate) continue;
    for (const input of gate.inputs) {
      if (seen.has(input)) continue;
      seen.add(input);
      stack.push(input);
    }
  }
  return seen;
}

/** The map's entries for the ids in `keep` (the map itself when it holds nothing else). */
export function restrict<T>(map: Map<string, T>, keep: ReadonlySet<string>): Map<string, T> {
  let all = true;
  for (const id of map.keys()) {
    if (!keep.has(id)) {
      all = false;
      break;
    }
  }
  if (all) return map;
  const result = new Map<string, T>();
  for (const [id, value] of map) if (keep.has(id)) result.set(id, value);
  return result;
}
