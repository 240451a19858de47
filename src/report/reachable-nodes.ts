// The nodes and edges a drawing of a fault tree shows (report stage): every node reachable from the
// top once, breadth first, with its kind and label, and each gate's edges to its distinct inputs.

import type { BasicEvent, FaultTree, Gate, HouseEvent } from '../model/fault-tree.js';

export interface DrawnNode {
  readonly id: string;
  /** Exactly one of gate, event and house is set. */
  readonly gate?: Gate;
  readonly event?: BasicEvent;
  readonly house?: HouseEvent;
  readonly label?: string;
}

/** Nodes reachable from the top, breadth first (the top first), each once. */
export function reachableNodes(tree: FaultTree): DrawnNode[] {
  const order = [tree.top];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const input of tree.gates.get(order[i]!)?.inputs ?? []) {
      if (!seen.has(input)) {
        seen.add(input);
        order.push(input);
      }
    }
  }
  return order.map((id) => {
    const gate = tree.gates.get(id);
    const event = tree.events.get(id);
    const house = tree.houses.get(id);
    const label = gate?.label ?? event?.label ?? house?.label;
    return { id, ...(gate ? { gate } : {}), ...(event ? { event } : {}), ...(house ? { house } : {}), ...(label !== undefined ? { label } : {}) };
  });
}

/** The edges from each gate of `nodes` to its inputs, each input once per gate. */
export function gateEdges(nodes: readonly DrawnNode[]): [from: string, to: string][] {
  return nodes.flatMap((n) => (n.gate ? [...new Set(n.gate.inputs)].map((input): [string, string] => [n.id, input]) : []));
}
