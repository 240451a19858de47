// The gate path from a basic event up to the top event (diagnose stage): a shortest chain of gates,
// found breadth-first from the top; among equally short chains the first inputs come first.

import type { FaultTree } from '../model/fault-tree.js';

/** For every node below the top: the gate through which the shortest path from the top reaches it. */
export function findParents(tree: FaultTree): Map<string, string> {
  const parent = new Map<string, string>();
  const queue = [tree.top];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const gate = tree.gates.get(id);
    if (!gate) continue;
    for (const input of gate.inputs) {
      if (seen.has(input)) continue;
      seen.add(input);
      parent.set(input, id);
      queue.push(input);
    }
  }
  return parent;
}

/** [event, gate, …, top]; just [id] for the top itself or for a node the top does not reach. */
export function findGatePath(parents: ReadonlyMap<string, string>, id: string): string[] {
  const path = [id];
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) path.push(p);
  return path;
}

/** Every basic event below each gate (the gate's cone), for the gates asked. */
export function findEventsBelow(tree: FaultTree, gates: Iterable<string>): Map<string, Set<string>> {
  const memo = new Map<string, Set<string>>();
  const below = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    memo.set(id, out);
    const stack = [id];
    const seen = new Set(stack);
    while (stack.length > 0) {
      const g = tree.gates.get(stack.pop()!);
      if (!g) continue;
      for (const input of g.inputs) {
        if (seen.has(input)) continue;
        seen.add(input);
        if (tree.events.has(input)) out.add(input);
        else stack.push(input);
      }
    }
    return out;
  };
  const result = new Map<string, Set<string>>();
  for (const g of gates) result.set(g, below(g));
  return result;
}
