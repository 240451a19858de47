// A fault tree in Graphviz DOT (report stage): gates as boxes with their type, basic events as
// ellipses, house events as houses; every node once, shared events with several edges.

import type { FaultTree } from '../model/fault-tree.js';
import { formatProbability } from './format-number.js';
import { reachableOrder } from './mermaid-export.js';
import type { NodeFigures } from './tree-svg.js';
import { gateCaption } from './tree-svg.js';

export interface DotOptions {
  readonly figures?: ReadonlyMap<string, NodeFigures>;
  readonly posteriorName?: string;
}

export function exportDot(tree: FaultTree, options: DotOptions = {}): string {
  const figures = options.figures ?? new Map<string, NodeFigures>();
  const posteriorName = options.posteriorName ?? 'P(·|T)';
  const order = reachableOrder(tree);
  const lines = [
    `digraph ${quoteDot(tree.name)} {`,
    `  label=${quoteDot(tree.title ?? tree.name)};`,
    '  labelloc=t;',
    '  rankdir=TB;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [arrowhead=none];',
  ];
  for (const id of order) {
    const gate = tree.gates.get(id);
    const event = tree.events.get(id);
    const house = tree.houses.get(id);
    const label = gate?.label ?? event?.label ?? house?.label;
    const fig = figures.get(id);
    const text = [label ?? id, ...(label !== undefined ? [id] : [])];
    const numbers: string[] = [];
    if (gate) numbers.push(gateCaption(gate.type, gate.k, gate.max, gate.inputs.length));
    if (house) numbers.push(house.state ? 'TRUE' : 'FALSE');
    if (fig?.probability !== undefined) numbers.push(`P ${formatProbability(fig.probability)}`);
    if (fig?.posterior !== undefined) numbers.push(`${posteriorName} ${formatProbability(fig.posterior)}`);
    if (numbers.length > 0) text.push(numbers.join(' · '));
    const attrs = [
      `label=${quoteDot(text.join('\n'))}`,
      gate ? 'shape=box, style="rounded,filled", fillcolor="#eef2f7"' : event ? 'shape=ellipse' : 'shape=house, style=filled, fillcolor="#f6f1e4"',
      ...(fig?.suspectRank !== undefined ? ['color="#b3261e"', 'penwidth=2'] : []),
    ];
    lines.push(`  ${quoteDot(id)} [${attrs.join(', ')}];`);
  }
  for (const id of order) {
    const gate = tree.gates.get(id);
    if (!gate) continue;
    for (const input of new Set(gate.inputs)) lines.push(`  ${quoteDot(id)} -> ${quoteDot(input)};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as \n (centred lines). */
export function quoteDot(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
