// A fault tree as a Mermaid flowchart (report stage), for Markdown that GitHub and GitLab render:
// one shape per gate type, every node once (shared events get several edges), labels escaped.

import type { FaultTree, GateType } from '../model/fault-tree.js';
import { formatProbability } from './format-number.js';
import { gateEdges, reachableNodes } from './reachable-nodes.js';
import type { NodeFigures } from './tree-svg.js';
import { gateCaption } from './tree-svg.js';

export interface MermaidOptions {
  readonly figures?: ReadonlyMap<string, NodeFigures>;
  /** Name of the posterior in the labels (default "P(·|T)"). */
  readonly posteriorName?: string;
}

/** Opening and closing delimiters of each shape. */
const GATE_SHAPES: Record<GateType, readonly [string, string]> = {
  and: ['[/', '\\]'], // trapezoid, flat base: the AND family
  nand: ['[/', '\\]'],
  or: ['([', '])'], // stadium: the OR family
  nor: ['([', '])'],
  atleast: ['([', '])'],
  cardinality: ['([', '])'],
  xor: ['[[', ']]'], // subroutine
  iff: ['[[', ']]'],
  imply: ['[[', ']]'],
  not: ['>', ']'], // flag
  inhibit: ['{{', '}}'], // hexagon, the classic INHIBIT symbol
};

export function exportMermaid(tree: FaultTree, options: MermaidOptions = {}): string {
  const figures = options.figures ?? new Map<string, NodeFigures>();
  const posteriorName = options.posteriorName ?? 'P(·|T)';
  const nodes = reachableNodes(tree);
  const order = nodes.map((n) => n.id);
  const key = new Map(order.map((id, i) => [id, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const { id, gate, event, house, label } of nodes) {
    const fig = figures.get(id);
    const text: string[] = [label ?? id];
    if (label !== undefined) text.push(id);
    const numbers: string[] = [];
    if (gate) numbers.push(gateCaption(gate.type, gate.k, gate.max, gate.inputs.length));
    if (house) numbers.push(house.state ? 'house: TRUE' : 'house: FALSE');
    if (fig?.probability !== undefined) numbers.push(`P ${formatProbability(fig.probability)}`);
    if (fig?.posterior !== undefined) numbers.push(`${posteriorName} ${formatProbability(fig.posterior)}`);
    if (fig?.suspectRank !== undefined) numbers.push(`suspect #${fig.suspectRank}`);
    if (numbers.length > 0) text.push(numbers.join(' · '));
    const [open, close] = gate ? GATE_SHAPES[gate.type] : event ? ['((', '))'] : ['[\\', '/]'];
    lines.push(`  ${key.get(id)}${open}"${text.map(escapeMermaid).join('<br/>')}"${close}`);
  }
  for (const [from, to] of gateEdges(nodes)) lines.push(`  ${key.get(from)} --> ${key.get(to)}`);
  lines.push('  classDef gate fill:#eef2f7,stroke:#44546a,color:#111');
  lines.push('  classDef event fill:#ffffff,stroke:#44546a,color:#111');
  lines.push('  classDef house fill:#f6f1e4,stroke:#7a6a3a,color:#111');
  lines.push('  classDef suspect fill:#fde3e1,stroke:#b3261e,stroke-width:2px,color:#111');
  const byClass = (name: string, ids: string[]) => {
    if (ids.length > 0) lines.push(`  class ${ids.map((i) => key.get(i)).join(',')} ${name}`);
  };
  const suspects = new Set(order.filter((id) => figures.get(id)?.suspectRank !== undefined));
  byClass('gate', order.filter((id) => tree.gates.has(id) && !suspects.has(id)));
  byClass('event', order.filter((id) => tree.events.has(id) && !suspects.has(id)));
  byClass('house', order.filter((id) => tree.houses.has(id) && !suspects.has(id)));
  byClass('suspect', [...suspects]);
  return `${lines.join('\n')}\n`;
}

/**
 * Text for a quoted Mermaid label: quotes and the characters Mermaid or its HTML labels would read
 * (< > & # ` |) become entity codes (`#34;`); line breaks become spaces.
 */
export function escapeMermaid(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/["<>&#`|]/g, (c) => `#${c.charCodeAt(0)};`);
}
