// SVG drawing of a fault tree (report stage): the layered layout of tree-layout.ts, a label box per
// gate and event with its probability and posterior, and the classic fault-tree symbols under it
// (AND, OR, k/n voting, XOR, NOT, NAND, NOR, INHIBIT; circle for a basic event, house for a house event).

import type { FaultTree, GateType } from '../model/fault-tree.js';
import { formatPosterior, formatProbability } from './format-number.js';
import { layoutDag, type TreeLayout } from './tree-layout.js';

export interface NodeFigures {
  /** P(x) of an event (its prior, or its evidence-adjusted probability), P(G) of a gate. */
  readonly probability?: number;
  /** P(x|T) or P(x|T,E). */
  readonly posterior?: number;
  /** Rank among the suspects (1 = most likely), when the node is one. */
  readonly suspectRank?: number;
}

export interface TreeSvgOptions {
  readonly figures?: ReadonlyMap<string, NodeFigures>;
  /** Name of the posterior in the boxes (default "P(·|T)"). */
  readonly posteriorName?: string;
  /** The inputs drawn below a gate (default all): a folded gate has none, and is marked folded. */
  readonly childrenOf?: (id: string) => readonly string[];
  /** Gates drawn folded (their inputs not drawn). */
  readonly folded?: ReadonlySet<string>;
  /** Prefix of the DOM ids (default "n"), and the svg's class (default "ftree-diagram"), for two drawings on a page. */
  readonly idPrefix?: string;
  readonly className?: string;
}

export interface TreeSvg {
  readonly svg: string;
  readonly layout: TreeLayout;
  /** DOM id of each node's group (`n0`, `n1`, … in layout order). */
  readonly domIds: ReadonlyMap<string, string>;
}

const BOX_WIDTH = 184;
const BOX_HEIGHT = 66;
const STEM = 8;
const SYMBOL_HEIGHT = 30;
const SYMBOL_WIDTH = 40;
const NODE_HEIGHT = BOX_HEIGHT + STEM + SYMBOL_HEIGHT;
const LABEL_CHARS = 25;

export function renderTreeSvg(tree: FaultTree, options: TreeSvgOptions = {}): TreeSvg {
  const figures = options.figures ?? new Map<string, NodeFigures>();
  const children = options.childrenOf ?? ((id: string) => tree.gates.get(id)?.inputs ?? []);
  const layout = layoutDag({ root: tree.top, children, width: () => BOX_WIDTH }, { nodeHeight: NODE_HEIGHT, nodeGap: 22, layerGap: 38 });
  const domIds = new Map<string, string>();
  const prefix = options.idPrefix ?? 'n';
  layout.layers.flat().forEach((id, i) => domIds.set(id, `${prefix}${i}`));
  const folded = options.folded ?? new Set<string>();
  const posteriorName = options.posteriorName ?? 'P(·|T)';

  const out: string[] = [];
  const w = Math.ceil(layout.width);
  const h = Math.ceil(layout.height);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="${options.className ?? 'ftree-diagram'}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeXml(`Fault tree ${tree.title ?? tree.name}`)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title>${escapeXml(tree.title ?? tree.name)}</title>`);
  out.push('<g class="edges">');
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
    out.push(`<path class="edge" data-from="${domIds.get(e.from)}" data-to="${domIds.get(e.to)}" d="${d}"/>`);
  }
  out.push('</g>');
  out.push('<g class="nodes">');
  for (const id of layout.layers.flat()) {
    const node = layout.nodes.get(id)!;
    out.push(renderNode(tree, id, node.x, node.y, domIds, figures.get(id), posteriorName, children(id), folded.has(id)));
  }
  out.push('</g>');
  out.push('</svg>');
  return { svg: out.join('\n'), layout, domIds };
}

function renderNode(tree: FaultTree, id: string, cx: number, top: number, domIds: ReadonlyMap<string, string>, fig: NodeFigures | undefined, posteriorName: string, inputs: readonly string[], isFolded: boolean): string {
  const gate = tree.gates.get(id);
  const event = tree.events.get(id);
  const house = tree.houses.get(id);
  const kind = gate ? 'gate' : event ? 'event' : 'house';
  const label = gate?.label ?? event?.label ?? house?.label;
  const x0 = cx - BOX_WIDTH / 2;
  const suspect = fig?.suspectRank !== undefined;
  const classes = ['node', kind, ...(suspect ? ['suspect'] : []), ...(id === tree.top ? ['top'] : []), ...(isFolded ? ['collapsed'] : [])];
  const kids = gate ? [...new Set(inputs)].map((c) => domIds.get(c)).filter((c) => c !== undefined) : [];
  const attrs = [
    `id="${domIds.get(id)}"`,
    `class="${classes.join(' ')}"`,
    `data-id="${escapeXml(id)}"`,
    ...(gate ? [`data-type="${gate.type}"`, `data-kids="${kids.join(' ')}"`] : []),
  ];
  const parts: string[] = [`<g ${attrs.join(' ')}>`];
  const tooltip = [label ? `${label} (${id})` : id, gate ? `${gateCaption(gate.type, gate.k, gate.max, gate.inputs.length)} gate` : kind === 'event' ? 'basic event' : `house event: ${house!.state}`];
  if (fig?.probability !== undefined) tooltip.push(`P = ${formatProbability(fig.probability, 4)}`);
  if (fig?.posterior !== undefined) tooltip.push(`${posteriorName} = ${formatPosterior(fig.posterior)}`);
  parts.push(`<title>${escapeXml(tooltip.join('\n'))}</title>`);
  parts.push(`<rect class="box" x="${round(x0)}" y="${round(top)}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="4"/>`);
  // Text: the label on up to two lines, the id, then the figures.
  const lines = wrap(label ?? id, LABEL_CHARS, 2);
  lines.forEach((line, i) => parts.push(`<text class="label" x="${round(cx)}" y="${round(top + 15 + i * 14)}" text-anchor="middle">${escapeXml(line)}</text>`));
  if (label !== undefined) parts.push(`<text class="id" x="${round(cx)}" y="${round(top + 15 + lines.length * 14)}" text-anchor="middle">${escapeXml(clip(id, 32))}</text>`);
  const numbers: string[] = [];
  if (house) numbers.push(house.state ? 'TRUE' : 'FALSE');
  if (fig?.probability !== undefined) numbers.push(`P ${formatProbability(fig.probability)}`);
  if (fig?.posterior !== undefined) numbers.push(`${posteriorName} ${formatPosterior(fig.posterior)}`);
  if (numbers.length > 0) parts.push(`<text class="figures" x="${round(cx)}" y="${round(top + BOX_HEIGHT - 8)}" text-anchor="middle">${escapeXml(numbers.join('  ·  '))}</text>`);
  if (fig?.posterior !== undefined) {
    const width = Math.max(0, Math.min(1, fig.posterior)) * (BOX_WIDTH - 2);
    parts.push(`<rect class="bar" x="${round(x0 + 1)}" y="${round(top + BOX_HEIGHT - 4)}" width="${round(width)}" height="3"/>`);
  }
  if (suspect) {
    parts.push(`<circle class="rank" cx="${round(x0 + BOX_WIDTH - 2)}" cy="${round(top + 2)}" r="9"/>`);
    parts.push(`<text class="rank-text" x="${round(x0 + BOX_WIDTH - 2)}" y="${round(top + 6)}" text-anchor="middle">${fig!.suspectRank}</text>`);
  }
  // The stem and the symbol.
  const sy = top + BOX_HEIGHT + STEM;
  parts.push(`<line class="stem" x1="${round(cx)}" y1="${round(top + BOX_HEIGHT)}" x2="${round(cx)}" y2="${round(sy)}"/>`);
  if (gate) {
    parts.push(`<g class="symbol toggle" role="button" tabindex="0" aria-label="${escapeXml(`collapse or expand ${id}`)}">${gateSymbol(gate.type, cx, sy)}`);
    const caption = gateCaption(gate.type, gate.k, gate.max, gate.inputs.length);
    parts.push(`<text class="gate-type" x="${round(cx + SYMBOL_WIDTH / 2 + 4)}" y="${round(sy + SYMBOL_HEIGHT - 6)}">${escapeXml(caption)}</text>`);
    parts.push(`<text class="collapsed-mark" x="${round(cx)}" y="${round(sy + SYMBOL_HEIGHT + 13)}" text-anchor="middle">+</text>`);
    parts.push('</g>');
  } else if (event) {
    parts.push(`<circle class="symbol" cx="${round(cx)}" cy="${round(sy + 14)}" r="14"/>`);
  } else {
    const hw = 15;
    parts.push(`<path class="symbol" d="M${round(cx - hw)} ${round(sy + 28)} L${round(cx - hw)} ${round(sy + 11)} L${round(cx)} ${round(sy)} L${round(cx + hw)} ${round(sy + 11)} L${round(cx + hw)} ${round(sy + 28)} Z"/>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/** The type as printed beside the symbol: `and`, `or`, `2/3`, `1..2 of 3`, … */
export function gateCaption(type: GateType, k: number | undefined, max: number | undefined, n: number): string {
  if (type === 'atleast') return `${k}/${n}`;
  if (type === 'cardinality') return `${k ?? 0}..${max ?? n} of ${n}`;
  return type.toUpperCase();
}

/** The classic symbol of a gate type, output at the top (cx, y), inputs along the bottom. */
function gateSymbol(type: GateType, cx: number, y: number): string {
  const w = SYMBOL_WIDTH;
  const h = SYMBOL_HEIGHT;
  const l = cx - w / 2;
  const r = cx + w / 2;
  const b = y + h;
  const p = (n: number) => round(n);
  // OR: a shield, pointed at the top, curved base.
  const or = (top: number) => `M${p(l)} ${p(b)} Q${p(cx)} ${p(b - 9)} ${p(r)} ${p(b)} Q${p(r - 2)} ${p(top + 10)} ${p(cx)} ${p(top)} Q${p(l + 2)} ${p(top + 10)} ${p(l)} ${p(b)} Z`;
  // AND: flat base, round top.
  const and = (top: number) => `M${p(l)} ${p(b)} L${p(l)} ${p(top + w / 2)} A${w / 2} ${w / 2} 0 0 1 ${p(r)} ${p(top + w / 2)} L${p(r)} ${p(b)} Z`;
  const bubble = `<circle class="gate-shape" cx="${p(cx)}" cy="${p(y + 3)}" r="3"/>`;
  switch (type) {
    case 'and':
      return `<path class="gate-shape" d="${and(y)}"/>`;
    case 'nand':
      return `<path class="gate-shape" d="${and(y + 6)}"/>${bubble}`;
    case 'or':
    case 'atleast':
    case 'cardinality':
      return `<path class="gate-shape" d="${or(y)}"/>`;
    case 'nor':
      return `<path class="gate-shape" d="${or(y + 6)}"/>${bubble}`;
    case 'xor':
      return `<path class="gate-shape" d="${or(y)}"/><path class="gate-shape open" d="M${p(l)} ${p(b + 5)} Q${p(cx)} ${p(b - 4)} ${p(r)} ${p(b + 5)}"/>`;
    case 'not':
      return `<path class="gate-shape" d="M${p(l + 4)} ${p(b)} L${p(r - 4)} ${p(b)} L${p(cx)} ${p(y + 7)} Z"/>${bubble}`;
    case 'inhibit': {
      const q = h / 4;
      return `<path class="gate-shape" d="M${p(cx)} ${p(y)} L${p(r - 4)} ${p(y + q)} L${p(r - 4)} ${p(b - q)} L${p(cx)} ${p(b)} L${p(l + 4)} ${p(b - q)} L${p(l + 4)} ${p(y + q)} Z"/>`;
    }
    case 'iff':
    case 'imply':
      return `<rect class="gate-shape" x="${p(l)}" y="${p(y + 4)}" width="${w}" height="${h - 4}" rx="6"/><text class="gate-inner" x="${p(cx)}" y="${p(b - 9)}" text-anchor="middle">${type === 'iff' ? '⇔' : '⇒'}</text>`;
  }
}

/** Words on at most `maxLines` lines of `width` characters; the last line ends with … when cut. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = clip(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

function clip(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
