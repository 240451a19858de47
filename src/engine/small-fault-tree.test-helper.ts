// A small FaultTree written inline, for the engine's unit tests (not built into dist/: see
// tsconfig.build.json): gates by id, events by id with their probability (0.1 when only named).

import type { BasicEvent, Distribution, FaultTree, Gate } from '../model/fault-tree.js';

export type SmallEventSpec = number | { readonly p: number; readonly d: Distribution };

export function smallFaultTree(
  gates: Record<string, Omit<Gate, 'id'>>,
  events: readonly string[] | Readonly<Record<string, SmallEventSpec>>,
  top = 'top',
): FaultTree {
  const specs: [string, SmallEventSpec][] = Array.isArray(events) ? events.map((id: string) => [id, 0.1]) : Object.entries(events);
  const event = (id: string, spec: SmallEventSpec): BasicEvent => {
    const p = typeof spec === 'number' ? spec : spec.p;
    return { id, probability: p, model: { kind: 'constant', value: p }, ...(typeof spec === 'number' ? {} : { distribution: spec.d }) };
  };
  return {
    name: 't',
    file: 't.yaml',
    files: ['t.yaml'],
    top,
    missionTime: 24,
    parameters: new Map(),
    gates: new Map(Object.entries(gates).map(([id, g]) => [id, { id, ...g }])),
    events: new Map(specs.map(([id, s]) => [id, event(id, s)])),
    houses: new Map(),
  };
}
