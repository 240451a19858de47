// Next checks (diagnose stage): events that declare `check: {how, cost}`, ordered by posterior per
// minute of checking, each with the expected information gain of its result (information-gain.ts).

import type { Check, FaultTree } from '../model/fault-tree.js';
import type { EvidenceModel } from './condition-on-evidence.js';
import { expectedInformationGain } from './information-gain.js';

/** Minutes assumed for a check that does not say what it costs. */
export const ASSUMED_CHECK_MINUTES = 15;
/** Checks of events less likely than this are not proposed. */
export const MIN_CHECK_POSTERIOR = 1e-3;

export interface NextCheck {
  readonly id: string;
  readonly how: string;
  /** Minutes. */
  readonly cost: number;
  /** True when the tree gives no cost and ASSUMED_CHECK_MINUTES is used. */
  readonly costAssumed: boolean;
  readonly posterior: number;
  /** posterior / cost. */
  readonly score: number;
  /** Expected information gain in bits. */
  readonly informationGain: number;
}

export interface RankNextChecksOptions {
  /** At most this many checks (default 10). */
  readonly limit?: number;
}

export function rankNextChecks(tree: FaultTree, em: EvidenceModel, posterior: Float64Array, options: RankNextChecksOptions = {}): NextCheck[] {
  const ids = [...tree.events.keys()];
  const candidates: { index: number; check: Check; cost: number; costAssumed: boolean; score: number }[] = [];
  ids.forEach((id, index) => {
    const check = tree.events.get(id)!.check;
    const p = posterior[index]!;
    if (!check || !(p >= MIN_CHECK_POSTERIOR)) return;
    const costAssumed = check.cost === undefined || !(check.cost > 0);
    const cost = costAssumed ? ASSUMED_CHECK_MINUTES : check.cost!;
    candidates.push({ index, check, cost, costAssumed, score: p / cost });
  });
  candidates.sort((a, b) => b.score - a.score || (ids[a.index]! < ids[b.index]! ? -1 : 1));
  return candidates.slice(0, options.limit ?? 10).map((c) => ({
    id: ids[c.index]!,
    how: c.check.how,
    cost: c.cost,
    costAssumed: c.costAssumed,
    posterior: posterior[c.index]!,
    score: c.score,
    informationGain: expectedInformationGain(em, posterior, c.index),
  }));
}
