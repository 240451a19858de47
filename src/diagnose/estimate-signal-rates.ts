// Sensitivity and false-alarm rate of each evidence signal from replayed incidents (diagnose stage):
// the evidence of every past incident with logs or metrics is collected again, and each signal's
// state is set against whether its node was true in that incident — an event when the incident names
// it as a root cause, a gate when those root causes make it true (every probabilistic input passing).
// sensitivity = fired / (fired + silent) among incidents where the node was true; false-alarm rate
// likewise where it was false. Unknown states count for neither. Few incidents give a warning.

import type { FaultTree, Gate } from '../model/fault-tree.js';
import type { EvidenceResult, SignalResult } from '../evidence/evidence-result.js';

export interface ReplayedIncident {
  /** 1-based line of the record in the history. */
  readonly line: number;
  /** Its root-cause events (known to the tree). */
  readonly events: readonly string[];
  readonly evidence: EvidenceResult;
}

export interface SignalRateEstimate {
  readonly owner: string;
  readonly ownerKind: 'event' | 'gate';
  /** What the signal watches: the pattern, the query, or the change's service and kind. */
  readonly signal: string;
  /** Incidents where the node was true: fired, and fired or silent. */
  readonly firedWhenTrue: number;
  readonly knownWhenTrue: number;
  readonly firedWhenFalse: number;
  readonly knownWhenFalse: number;
  /** fired / known, undefined without any known state. */
  readonly sensitivity?: number;
  readonly falseAlarm?: number;
  /** Set when an estimate rests on fewer incidents than the minimum. */
  readonly warning?: string;
}

export interface EstimateSignalRatesOptions {
  /** Fewer known states than this behind an estimate draw a warning (default 5). */
  readonly minIncidents?: number;
}

export function estimateSignalRates(tree: FaultTree, incidents: readonly ReplayedIncident[], options: EstimateSignalRatesOptions = {}): SignalRateEstimate[] {
  const min = options.minIncidents ?? 5;
  const tallies = new Map<string, { owner: string; ownerKind: 'event' | 'gate'; signal: string; counts: [number, number, number, number] }>();
  for (const incident of incidents) {
    const truth = nodeTruth(tree, new Set(incident.events));
    const seen = new Map<string, number>();
    for (const s of incident.evidence.signals) {
      // The n-th signal with the same owner and description is the same signal in every replay.
      const base = `${s.owner}\u0000${s.kind}\u0000${describeSignal(s)}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = `${base}\u0000${n}`;
      const t = tallies.get(key) ?? { owner: s.owner, ownerKind: s.ownerKind, signal: describeSignal(s), counts: [0, 0, 0, 0] as [number, number, number, number] };
      tallies.set(key, t);
      if (s.state === 'unknown') continue;
      const isTrue = truth(s.owner);
      const fired = s.state === 'fired' ? 1 : 0;
      if (isTrue) {
        t.counts[0] += fired;
        t.counts[1] += 1;
      } else {
        t.counts[2] += fired;
        t.counts[3] += 1;
      }
    }
  }
  return [...tallies.values()].map(({ owner, ownerKind, signal, counts: [ft, kt, ff, kf] }) => {
    const few = [kt < min ? `${kt} incident${kt === 1 ? '' : 's'} with ${owner} true` : '', kf < min ? `${kf} with it false` : ''].filter((x) => x !== '');
    return {
      owner,
      ownerKind,
      signal,
      firedWhenTrue: ft,
      knownWhenTrue: kt,
      firedWhenFalse: ff,
      knownWhenFalse: kf,
      ...(kt > 0 ? { sensitivity: ft / kt } : {}),
      ...(kf > 0 ? { falseAlarm: ff / kf } : {}),
      ...(few.length > 0 ? { warning: `Only ${few.join(' and ')} (fewer than ${min})` } : {}),
    };
  });
}

export function describeSignal(s: Pick<SignalResult, 'kind' | 'pattern' | 'query' | 'service' | 'changeKind' | 'rule'>): string {
  if (s.kind === 'log') return `log ${JSON.stringify(s.pattern ?? '')}`;
  if (s.kind === 'metric') return `metric ${s.query ?? ''} (${s.rule})`;
  return `change ${[s.service, s.changeKind].filter((x) => x).join(' ')}`;
}

/** Whether each node holds when exactly `failed` events occur (propagation events pass, houses keep their state). */
function nodeTruth(tree: FaultTree, failed: ReadonlySet<string>): (id: string) => boolean {
  const memo = new Map<string, boolean>();
  const value = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const gate = tree.gates.get(id);
    let v: boolean;
    if (gate) v = gateValue(gate, gate.inputs.map(value));
    else if (tree.houses.has(id)) v = tree.houses.get(id)!.state;
    else v = failed.has(id) || tree.events.get(id)?.propagation !== undefined;
    memo.set(id, v);
    return v;
  };
  return value;
}

function gateValue(gate: Gate, inputs: readonly boolean[]): boolean {
  const count = inputs.filter((x) => x).length;
  switch (gate.type) {
    case 'and':
    case 'inhibit':
      return count === inputs.length;
    case 'or':
      return count > 0;
    case 'atleast':
      return count >= (gate.k ?? 1);
    case 'cardinality':
      return count >= (gate.k ?? 0) && count <= (gate.max ?? inputs.length);
    case 'not':
      return !inputs[0];
    case 'xor':
      return count % 2 === 1;
    case 'nand':
      return count < inputs.length;
    case 'nor':
      return count === 0;
    case 'iff':
      return inputs[0] === inputs[1];
    case 'imply':
      return !inputs[0] || inputs[1] === true;
  }
}
