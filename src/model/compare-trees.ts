// Structural comparison of two versions of a fault tree (model stage): elements added and removed,
// gates rewired (inputs, type, vote threshold), events whose probability changed.

import type { BasicEvent, FaultTree, Gate } from './fault-tree.js';

export interface GateChange {
  readonly id: string;
  readonly typeBefore?: string;
  readonly typeAfter?: string;
  readonly inputsAdded: readonly string[];
  readonly inputsRemoved: readonly string[];
  /** The same inputs in another order (matters for inhibit and imply only, reported for all). */
  readonly reordered: boolean;
  readonly kBefore?: number;
  readonly kAfter?: number;
  readonly labelBefore?: string;
  readonly labelAfter?: string;
}

export interface ProbabilityChange {
  readonly id: string;
  readonly before: number;
  readonly after: number;
  /** The probability model changed kind (constant → rate, …). */
  readonly modelBefore: string;
  readonly modelAfter: string;
}

export interface TreeComparison {
  readonly topBefore: string;
  readonly topAfter: string;
  readonly missionTimeBefore: number;
  readonly missionTimeAfter: number;
  readonly gatesAdded: readonly string[];
  readonly gatesRemoved: readonly string[];
  readonly gatesChanged: readonly GateChange[];
  readonly eventsAdded: readonly string[];
  readonly eventsRemoved: readonly string[];
  /** Events in both versions whose probability changed (relative change above 1e-12). */
  readonly probabilityChanges: readonly ProbabilityChange[];
  readonly housesAdded: readonly string[];
  readonly housesRemoved: readonly string[];
  readonly housesChanged: readonly { readonly id: string; readonly before: boolean; readonly after: boolean }[];
}

export function compareTrees(before: FaultTree, after: FaultTree): TreeComparison {
  const added = <T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>) => [...b.keys()].filter((id) => !a.has(id)).sort();
  const gatesChanged: GateChange[] = [];
  for (const [id, g] of after.gates) {
    const old = before.gates.get(id);
    if (old) {
      const change = compareGates(old, g);
      if (change) gatesChanged.push(change);
    }
  }
  const probabilityChanges: ProbabilityChange[] = [];
  for (const [id, e] of after.events) {
    const old = before.events.get(id);
    if (!old) continue;
    const scale = Math.max(Math.abs(old.probability), Math.abs(e.probability));
    if (Math.abs(old.probability - e.probability) > 1e-12 * scale || old.model.kind !== e.model.kind) {
      probabilityChanges.push({ id, before: old.probability, after: e.probability, modelBefore: describeModel(old), modelAfter: describeModel(e) });
    }
  }
  const housesChanged = [...after.houses.values()]
    .filter((h) => before.houses.has(h.id) && before.houses.get(h.id)!.state !== h.state)
    .map((h) => ({ id: h.id, before: before.houses.get(h.id)!.state, after: h.state }));
  return {
    topBefore: before.top,
    topAfter: after.top,
    missionTimeBefore: before.missionTime,
    missionTimeAfter: after.missionTime,
    gatesAdded: added(before.gates, after.gates),
    gatesRemoved: added(after.gates, before.gates),
    gatesChanged: gatesChanged.sort((a, b) => (a.id < b.id ? -1 : 1)),
    eventsAdded: added(before.events, after.events),
    eventsRemoved: added(after.events, before.events),
    probabilityChanges: probabilityChanges.sort((a, b) => (a.id < b.id ? -1 : 1)),
    housesAdded: added(before.houses, after.houses),
    housesRemoved: added(after.houses, before.houses),
    housesChanged: housesChanged.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export function hasStructuralChanges(c: TreeComparison): boolean {
  return (
    c.topBefore !== c.topAfter ||
    c.gatesAdded.length + c.gatesRemoved.length + c.gatesChanged.length + c.eventsAdded.length + c.eventsRemoved.length > 0 ||
    c.housesAdded.length + c.housesRemoved.length + c.housesChanged.length > 0
  );
}

function compareGates(a: Gate, b: Gate): GateChange | undefined {
  const before = new Set(a.inputs);
  const after = new Set(b.inputs);
  const inputsAdded = [...after].filter((i) => !before.has(i));
  const inputsRemoved = [...before].filter((i) => !after.has(i));
  const reordered = inputsAdded.length === 0 && inputsRemoved.length === 0 && a.inputs.join('\u0000') !== b.inputs.join('\u0000');
  const typeChanged = a.type !== b.type;
  const kChanged = a.k !== b.k || a.max !== b.max;
  const labelChanged = a.label !== b.label;
  if (!typeChanged && !kChanged && !labelChanged && !reordered && inputsAdded.length === 0 && inputsRemoved.length === 0) return undefined;
  return {
    id: b.id,
    ...(typeChanged ? { typeBefore: a.type, typeAfter: b.type } : {}),
    inputsAdded,
    inputsRemoved,
    reordered,
    ...(kChanged && a.k !== undefined ? { kBefore: a.k } : {}),
    ...(kChanged && b.k !== undefined ? { kAfter: b.k } : {}),
    ...(labelChanged && a.label !== undefined ? { labelBefore: a.label } : {}),
    ...(labelChanged && b.label !== undefined ? { labelAfter: b.label } : {}),
  };
}

function describeModel(e: BasicEvent): string {
  return e.model.kind;
}
