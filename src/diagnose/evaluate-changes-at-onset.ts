// Change signals judged against the symptom's onset (diagnose stage): a change signal fires when a
// change to its service, of its kind, landed at most `within` before the onset (the onset
// included). A change after the onset cannot have caused the symptom. `within` is the signal's,
// else the tree's `defaults.within`, else 2 h.

import type { SignalResult } from '../evidence/index.js';
import { DEFAULT_WITHIN_HOURS } from '../evidence/evaluate-change-signal.js';
import type { ChangeLog } from '../evidence/read-changes.js';
import type { ChangeSignal, FaultTree } from '../model/fault-tree.js';

const HOUR_MS = 3_600_000;

export interface EvaluateChangesOptions {
  /** The tree's default `within`, in hours. */
  readonly within?: number;
}

/**
 * The signals with every change signal re-evaluated against `onset`. A change result is matched
 * to its signal in the tree by its owner and its position among the owner's change signals (the
 * order collectEvidence keeps); a result that does not match is left as it is.
 */
export function evaluateChangesAtOnset(tree: FaultTree, signals: readonly SignalResult[], log: ChangeLog, onset: number, options: EvaluateChangesOptions = {}): SignalResult[] {
  const seen = new Map<string, number>();
  return signals.map((s) => {
    if (s.kind !== 'change') return s;
    const index = seen.get(s.owner) ?? 0;
    seen.set(s.owner, index + 1);
    const node = s.ownerKind === 'gate' ? tree.gates.get(s.owner) : tree.events.get(s.owner);
    const signal = node?.evidence?.changes[index];
    if (!signal || signal.service !== s.service || signal.kind !== s.changeKind) return s;
    return { ...s, ...judgeChange(signal, log, onset, signal.within ?? options.within ?? DEFAULT_WITHIN_HOURS) };
  });
}

type ChangeVerdict = Pick<SignalResult, 'state' | 'count' | 'firstSeen' | 'samples' | 'rule'> & { reason?: string };

function judgeChange(signal: ChangeSignal, log: ChangeLog, onset: number, within: number): ChangeVerdict {
  const rule = `within ${formatHours(within)} before onset`;
  const from = onset - within * HOUR_MS;
  const same = (a: string | undefined, b: string): boolean => a === undefined || a.toLowerCase() === b.toLowerCase();
  const hits = log.changes.filter((c) => c.time >= from && c.time <= onset && same(signal.service, c.service) && same(signal.kind, c.kind));
  if (hits.length === 0) return { state: 'silent', count: 0, samples: [], rule };
  return {
    state: 'fired',
    count: hits.length,
    firstSeen: hits[0]!.time,
    samples: hits.slice(-3).map((c) => `${new Date(c.time).toISOString()} ${c.service} ${c.kind}${c.description ? `: ${c.description}` : ''}`),
    rule,
  };
}

function formatHours(h: number): string {
  if (h >= 1 && Number.isInteger(h)) return `${h}h`;
  const m = h * 60;
  return Number.isInteger(m) ? `${m}m` : `${Math.round(h * 3600)}s`;
}
