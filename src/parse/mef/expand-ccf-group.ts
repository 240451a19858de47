// Expands a common-cause failure group into independent and common-cause basic events (parse stage).
// Each member becomes an OR over the CCF events of every member subset that contains it; a subset
// of size k fails with probability Q_k from the group's model (Q = the group's distribution):
//   beta-factor   Q_1 = (1 − β)·Q,  Q_n = β·Q
//   MGL           Q_k = ρ_2·…·ρ_k·(1 − ρ_{k+1})·Q / C(n−1, k−1)   (ρ_1 = 1, ρ_{m+1} = 0)
//   alpha-factor  Q_k = k·α_k·Q / (C(n−1, k−1)·Σ_j j·α_j)
//   phi-factor    Q_k = φ_k·Q,  Σ φ_k = 1
// References: NUREG/CR-5485 (CCF parameter estimation); Open-PSA MEF 2.0 §8.1; the level rules
// (levels optional, inferred in order; beta's level is n, MGL's start at 2) follow SCRAM.

import type { CcfModel } from './mef-raw.js';

export interface CcfFactorInput {
  /** As written; undefined means "the previous level + 1" (or the model's first level). */
  readonly level?: number;
  readonly value: number;
}

export interface CcfGroupInput {
  readonly model: CcfModel;
  /** Member names, in document order. */
  readonly members: readonly string[];
  /** The group's total failure probability Q of each member. */
  readonly probability: number;
  readonly factors: readonly CcfFactorInput[];
}

export interface CcfEventSpec {
  /** Indices into the members, ascending. */
  readonly members: readonly number[];
  readonly probability: number;
}

export type CcfProblem =
  | { readonly kind: 'members'; readonly message: string }
  | { readonly kind: 'factor'; readonly factor: number; readonly message: string }
  | { readonly kind: 'group'; readonly message: string };

export type CcfExpansion =
  | { readonly ok: true; readonly events: readonly CcfEventSpec[]; readonly levelProbabilities: ReadonlyMap<number, number> }
  | { readonly ok: false; readonly problems: readonly CcfProblem[] };

/** Largest number of CCF events one group may produce. */
export const MAX_CCF_EVENTS = 100_000;

export function expandCcfGroup(group: CcfGroupInput): CcfExpansion {
  const problems: CcfProblem[] = [];
  const n = group.members.length;
  if (n < 2) return { ok: false, problems: [{ kind: 'members', message: `A CCF group needs at least 2 members, has ${n}` }] };

  // Levels: written or inferred; each once, from the model's first level up without gaps, at most n.
  const first = group.model === 'beta-factor' ? n : group.model === 'MGL' ? 2 : 1;
  const byLevel = new Map<number, number>();
  let previous = 0;
  group.factors.forEach((factor, i) => {
    const level = factor.level ?? (previous ? previous + 1 : first);
    previous = level;
    if (level < first) {
      problems.push({ kind: 'factor', factor: i, message: `CCF factor level ${level} below the first level of the ${group.model} model: ${first}` });
    } else if (level > n) {
      problems.push({ kind: 'factor', factor: i, message: `CCF factor level ${level} above the number of members: ${n}` });
    } else if (byLevel.has(level)) {
      problems.push({ kind: 'factor', factor: i, message: `CCF factor level given twice: ${level}` });
    } else {
      byLevel.set(level, factor.value);
    }
  });
  if (problems.length) return { ok: false, problems };
  const last = Math.max(...byLevel.keys());
  for (let level = first; level <= last; level++) {
    if (!byLevel.has(level)) problems.push({ kind: 'group', message: `Missing CCF factor for level ${level} (levels ${first} to ${last} are needed)` });
  }
  if (problems.length) return { ok: false, problems };
  const factor = (level: number): number => byLevel.get(level)!;

  const q = group.probability;
  const perLevel = new Map<number, number>();
  switch (group.model) {
    case 'beta-factor':
      perLevel.set(1, (1 - factor(n)) * q);
      perLevel.set(n, factor(n) * q);
      break;
    case 'MGL':
      for (let k = 1; k <= last; k++) {
        let value = q / binomial(n - 1, k - 1);
        for (let j = 2; j <= k; j++) value *= factor(j);
        if (k < last) value *= 1 - factor(k + 1);
        perLevel.set(k, value);
      }
      break;
    case 'alpha-factor': {
      let weighted = 0;
      for (let k = 1; k <= last; k++) weighted += k * factor(k);
      if (!(weighted > 0)) return { ok: false, problems: [{ kind: 'group', message: 'The alpha factors sum to zero' }] };
      for (let k = 1; k <= last; k++) perLevel.set(k, (k * factor(k) * q) / (binomial(n - 1, k - 1) * weighted));
      break;
    }
    case 'phi-factor': {
      let sum = 0;
      for (let k = 1; k <= last; k++) sum += factor(k);
      if (Math.abs(sum - 1) > 1e-4) return { ok: false, problems: [{ kind: 'group', message: `The phi factors must sum to 1, sum to ${sum}` }] };
      for (let k = 1; k <= last; k++) perLevel.set(k, factor(k) * q);
      break;
    }
  }

  let count = 0;
  for (const k of perLevel.keys()) count += binomial(n, k);
  if (count > MAX_CCF_EVENTS) {
    return { ok: false, problems: [{ kind: 'group', message: `The CCF group would expand into ${count} events (limit ${MAX_CCF_EVENTS})` }] };
  }
  const events: CcfEventSpec[] = [];
  for (const [k, probability] of [...perLevel].sort((a, b) => a[0] - b[0])) {
    for (const members of combinations(n, k)) events.push({ members, probability });
  }
  return { ok: true, events, levelProbabilities: perLevel };
}

/** C(n, k) as a float (exact for the sizes CCF groups have). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
  return Math.round(result);
}

/** All k-subsets of 0..n−1 in lexicographic order. */
function* combinations(n: number, k: number): Generator<number[]> {
  const index = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...index];
    let i = k - 1;
    while (i >= 0 && index[i] === n - k + i) i--;
    if (i < 0) return;
    index[i]!++;
    for (let j = i + 1; j < k; j++) index[j] = index[j - 1]! + 1;
  }
}
