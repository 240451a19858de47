// A fault tree in Graphviz DOT (report stage), drawn as fault trees are: a label box per gate and
// event (the label wrapped to about 24 characters, the id, the figures) and under it the symbol of
// its kind — a gate's type in the shape Graphviz has closest to the classic one (OR a pointed
// shield: triangle; AND a flat base: house; INHIBIT a hexagon; NOT an inverted triangle; k/n and
// other gates an octagon), a basic event a small circle, a house event a house. Edges leave from
// the symbols; every node once, shared events with several edges.

import type { FaultTree, GateType } from '../model/fault-tree.js';
import { formatPosterior, formatProbability } from './format-number.js';
import { gateEdges, reachableNodes } from './reachable-nodes.js';
import type { NodeFigures } from './tree-svg.js';
import { gateCaption } from './tree-svg.js';
import { wrapWords } from './wrap-words.js';

export interface DotOptions {
  readonly figures?: ReadonlyMap<string, NodeFigures>;
  readonly posteriorName?: string;
}

/** Characters per line of a label: boxes stay narrow, so a tree of 24 events fits a page's width. */
const LABEL_CHARS = 24;

const GATE_SHAPES: Readonly<Record<GateType, string>> = {
  or: 'triangle',
  xor: 'triangle',
  nor: 'triangle',
  and: 'house',
  nand: 'house',
  inhibit: 'hexagon',
  not: 'invtriangle',
  atleast: 'octagon',
  cardinality: 'octagon',
  iff: 'octagon',
  imply: 'octagon',
};

export function exportDot(tree: FaultTree, options: DotOptions = {}): string {
  const figures = options.figures ?? new Map<string, NodeFigures>();
  const posteriorName = options.posteriorName ?? 'P(·|T)';
  const nodes = reachableNodes(tree);
  const lines = [
    `digraph ${quoteDot(tree.name)} {`,
    `  label=${quoteDot(tree.title ?? tree.name)};`,
    '  labelloc=t;',
    '  rankdir=TB;',
    '  nodesep=0.25;',
    '  ranksep=0.3;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [arrowhead=none];',
  ];
  for (const { id, gate, event, house, label } of nodes) {
    const fig = figures.get(id);
    const text = [...(label !== undefined ? [wrapWords(label, LABEL_CHARS)] : []), id];
    const numbers: string[] = [];
    if (fig?.probability !== undefined) numbers.push(`P ${formatProbability(fig.probability)}`);
    if (fig?.posterior !== undefined) numbers.push(`${posteriorName} ${formatPosterior(fig.posterior)}`);
    if (numbers.length > 0) text.push(numbers.join(' · '));
    const box = [
      `label=${quoteDot(text.join('\n'))}`,
      'shape=box',
      gate ? 'style="rounded,filled", fillcolor="#eef2f7"' : 'style=rounded',
      ...(fig?.suspectRank !== undefined ? ['color="#b3261e"', 'penwidth=2'] : []),
    ];
    lines.push(`  ${quoteDot(id)} [${box.join(', ')}];`);
    const symbol = gate
      ? [`label=${quoteDot(gateCaption(gate.type, gate.k, gate.max, gate.inputs.length))}`, `shape=${GATE_SHAPES[gate.type]}`, ...(gate.type === 'nand' || gate.type === 'nor' ? ['peripheries=2'] : []), 'fontsize=8', 'margin=0.02', 'width=0.5', 'height=0.4']
      : event
        ? ['label=""', 'shape=circle', 'width=0.22', 'height=0.22', 'fixedsize=true']
        : [`label=${quoteDot(house?.state ? 'TRUE' : 'FALSE')}`, 'shape=house', 'fontsize=8', 'margin=0.02', 'width=0.5', 'height=0.35'];
    lines.push(`  ${quoteDot(`${id}:symbol`)} [${symbol.join(', ')}];`);
    lines.push(`  ${quoteDot(id)} -> ${quoteDot(`${id}:symbol`)} [weight=100];`);
  }
  for (const [from, to] of gateEdges(nodes)) lines.push(`  ${quoteDot(`${from}:symbol`)} -> ${quoteDot(to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as \n (centred lines). */
export function quoteDot(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
