// What `ftree diff` found between two versions of a tree (report stage), and its three renderings:
// Markdown for a pull-request comment, text for the terminal, JSON for scripts.

import type { FaultTree } from '../model/fault-tree.js';
import { hasStructuralChanges, type GateChange, type TreeComparison } from '../model/compare-trees.js';
import { formatProbability } from './format-number.js';
import { escapeMarkdown } from './postmortem-markdown.js';

export interface DiffSide {
  /** How the version was named: a file, or ref:path. */
  readonly source: string;
  readonly tree: FaultTree;
  readonly pTop: number;
  /** Single points of failure, when computed. */
  readonly singlePoints?: readonly string[];
}

export interface CutSetChange {
  readonly events: readonly string[];
  readonly probability: number;
}

export interface TreeDiff {
  readonly before: DiffSide;
  readonly after: DiffSide;
  readonly comparison: TreeComparison;
  /** Minimal cut sets up to `maxOrder` events that appeared or vanished, when computed. */
  readonly cutSets?: { readonly maxOrder: number; readonly appeared: readonly CutSetChange[]; readonly vanished: readonly CutSetChange[] };
}

const p = (x: number) => formatProbability(x, 4);

export function diffToJson(d: TreeDiff): Record<string, unknown> {
  const c = d.comparison;
  const spof = singlePointChanges(d);
  return {
    ftree: 1,
    before: { source: d.before.source, tree: d.before.tree.name, top: c.topBefore, p_top: d.before.pTop },
    after: { source: d.after.source, tree: d.after.tree.name, top: c.topAfter, p_top: d.after.pTop },
    p_top_ratio: d.before.pTop > 0 ? d.after.pTop / d.before.pTop : null,
    changed: isChanged(d),
    mission_time_hours: { before: c.missionTimeBefore, after: c.missionTimeAfter },
    gates: { added: c.gatesAdded, removed: c.gatesRemoved, changed: c.gatesChanged.map(gateChangeToJson) },
    events: {
      added: c.eventsAdded,
      removed: c.eventsRemoved,
      probability_changed: c.probabilityChanges.map((x) => ({ id: x.id, before: x.before, after: x.after, model_before: x.modelBefore, model_after: x.modelAfter })),
    },
    houses: { added: c.housesAdded, removed: c.housesRemoved, changed: c.housesChanged },
    ...(spof ? { single_points: { before: d.before.singlePoints, after: d.after.singlePoints, introduced: spof.introduced, removed: spof.removed } } : {}),
    ...(d.cutSets
      ? { cut_sets: { max_order: d.cutSets.maxOrder, appeared: d.cutSets.appeared.map((x) => ({ events: x.events, probability: x.probability })), vanished: d.cutSets.vanished.map((x) => ({ events: x.events, probability: x.probability })) } }
      : {}),
  };
}

export function renderDiffMarkdown(d: TreeDiff): string {
  const c = d.comparison;
  const code = (id: string) => `\`${id}\``;
  const out: string[] = [`### ftree diff: ${escapeMarkdown(d.after.tree.title ?? d.after.tree.name)}`, ''];
  out.push(`\`${d.before.source}\` → \`${d.after.source}\``, '');
  out.push(`| | before | after | change |`, '|---|--:|--:|--:|');
  out.push(`| P(top) | ${p(d.before.pTop)} | ${p(d.after.pTop)} | ${ratio(d.before.pTop, d.after.pTop)} |`);
  if (c.topBefore !== c.topAfter) out.push(`| top event | ${code(c.topBefore)} | ${code(c.topAfter)} | |`);
  if (c.missionTimeBefore !== c.missionTimeAfter) out.push(`| mission time | ${c.missionTimeBefore} h | ${c.missionTimeAfter} h | |`);
  const spof = singlePointChanges(d);
  if (spof) out.push(`| single points of failure | ${d.before.singlePoints!.length} | ${d.after.singlePoints!.length} | ${signed(d.after.singlePoints!.length - d.before.singlePoints!.length)} |`);
  out.push('');
  if (!isChanged(d)) {
    out.push('No change to the structure or the probabilities.', '');
    return out.join('\n');
  }
  if (spof && (spof.introduced.length > 0 || spof.removed.length > 0)) {
    out.push('#### Single points of failure', '');
    for (const id of spof.introduced) out.push(`- :warning: introduced: ${code(id)} now causes the top event on its own`);
    for (const id of spof.removed) out.push(`- removed: ${code(id)} no longer causes the top event on its own`);
    out.push('');
  }
  if (hasStructuralChanges(c)) {
    out.push('#### Structure', '');
    for (const id of c.gatesAdded) out.push(`- gate added: ${code(id)} (${d.after.tree.gates.get(id)!.type}: ${d.after.tree.gates.get(id)!.inputs.map(code).join(', ')})`);
    for (const id of c.gatesRemoved) out.push(`- gate removed: ${code(id)}`);
    for (const g of c.gatesChanged) out.push(`- gate changed: ${code(g.id)}: ${describeGateChange(g, code)}`);
    for (const id of c.eventsAdded) out.push(`- event added: ${code(id)} (P = ${p(d.after.tree.events.get(id)!.probability)})`);
    for (const id of c.eventsRemoved) out.push(`- event removed: ${code(id)} (P was ${p(d.before.tree.events.get(id)!.probability)})`);
    for (const id of c.housesAdded) out.push(`- house event added: ${code(id)} (${d.after.tree.houses.get(id)!.state})`);
    for (const id of c.housesRemoved) out.push(`- house event removed: ${code(id)}`);
    for (const h of c.housesChanged) out.push(`- house event ${code(h.id)}: ${h.before} → ${h.after}`);
    out.push('');
  }
  if (c.probabilityChanges.length > 0) {
    out.push('#### Probabilities', '');
    out.push('| event | before | after | change |', '|---|--:|--:|--:|');
    for (const x of c.probabilityChanges) out.push(`| ${code(x.id)} | ${p(x.before)} | ${p(x.after)}${x.modelBefore !== x.modelAfter ? ` (${x.modelBefore} → ${x.modelAfter})` : ''} | ${ratio(x.before, x.after)} |`);
    out.push('');
  }
  if (d.cutSets && (d.cutSets.appeared.length > 0 || d.cutSets.vanished.length > 0)) {
    out.push(`#### Minimal cut sets (up to ${d.cutSets.maxOrder} events)`, '');
    out.push('| | cut set | probability |', '|---|---|--:|');
    for (const x of d.cutSets.appeared) out.push(`| appeared | ${x.events.map(code).join(' · ')} | ${p(x.probability)} |`);
    for (const x of d.cutSets.vanished) out.push(`| vanished | ${x.events.map(code).join(' · ')} | ${p(x.probability)} |`);
    out.push('');
  }
  return out.join('\n');
}

export function renderDiffText(d: TreeDiff): string {
  const c = d.comparison;
  const lines: string[] = [`${d.before.source} → ${d.after.source}`];
  lines.push(`P(top)  ${p(d.before.pTop)} → ${p(d.after.pTop)} (${ratio(d.before.pTop, d.after.pTop)})`);
  if (c.topBefore !== c.topAfter) lines.push(`top     ${c.topBefore} → ${c.topAfter}`);
  if (c.missionTimeBefore !== c.missionTimeAfter) lines.push(`mission ${c.missionTimeBefore} h → ${c.missionTimeAfter} h`);
  const spof = singlePointChanges(d);
  if (spof) {
    for (const id of spof.introduced) lines.push(`+ single point of failure: ${id}`);
    for (const id of spof.removed) lines.push(`- single point of failure: ${id}`);
  }
  for (const id of c.gatesAdded) lines.push(`+ gate ${id}`);
  for (const id of c.gatesRemoved) lines.push(`- gate ${id}`);
  for (const g of c.gatesChanged) lines.push(`~ gate ${g.id}: ${describeGateChange(g, (s) => s)}`);
  for (const id of c.eventsAdded) lines.push(`+ event ${id} (P = ${p(d.after.tree.events.get(id)!.probability)})`);
  for (const id of c.eventsRemoved) lines.push(`- event ${id}`);
  for (const id of c.housesAdded) lines.push(`+ house ${id}`);
  for (const id of c.housesRemoved) lines.push(`- house ${id}`);
  for (const h of c.housesChanged) lines.push(`~ house ${h.id}: ${h.before} → ${h.after}`);
  for (const x of c.probabilityChanges) lines.push(`~ event ${x.id}: P ${p(x.before)} → ${p(x.after)} (${ratio(x.before, x.after)})`);
  if (d.cutSets) {
    for (const x of d.cutSets.appeared) lines.push(`+ cut set {${x.events.join(', ')}} (P = ${p(x.probability)})`);
    for (const x of d.cutSets.vanished) lines.push(`- cut set {${x.events.join(', ')}} (P = ${p(x.probability)})`);
  }
  if (!isChanged(d)) lines.push('no change to the structure or the probabilities');
  return lines.join('\n');
}

function isChanged(d: TreeDiff): boolean {
  return hasStructuralChanges(d.comparison) || d.comparison.probabilityChanges.length > 0 || d.comparison.missionTimeBefore !== d.comparison.missionTimeAfter || d.before.pTop !== d.after.pTop;
}

function singlePointChanges(d: TreeDiff): { introduced: string[]; removed: string[] } | undefined {
  if (!d.before.singlePoints || !d.after.singlePoints) return undefined;
  const before = new Set(d.before.singlePoints);
  const after = new Set(d.after.singlePoints);
  return { introduced: d.after.singlePoints.filter((id) => !before.has(id)), removed: d.before.singlePoints.filter((id) => !after.has(id)) };
}

function describeGateChange(g: GateChange, code: (id: string) => string): string {
  const parts: string[] = [];
  if (g.typeBefore !== undefined) parts.push(`type ${g.typeBefore} → ${g.typeAfter}`);
  if (g.kBefore !== undefined || g.kAfter !== undefined) parts.push(`k ${g.kBefore ?? '—'} → ${g.kAfter ?? '—'}`);
  if (g.inputsAdded.length > 0) parts.push(`inputs added ${g.inputsAdded.map(code).join(', ')}`);
  if (g.inputsRemoved.length > 0) parts.push(`inputs removed ${g.inputsRemoved.map(code).join(', ')}`);
  if (g.reordered) parts.push('inputs reordered');
  if (g.labelBefore !== undefined || g.labelAfter !== undefined) parts.push('label changed');
  return parts.join('; ');
}

function gateChangeToJson(g: GateChange): Record<string, unknown> {
  return {
    id: g.id,
    ...(g.typeBefore !== undefined ? { type: { before: g.typeBefore, after: g.typeAfter } } : {}),
    ...(g.kBefore !== undefined || g.kAfter !== undefined ? { k: { before: g.kBefore ?? null, after: g.kAfter ?? null } } : {}),
    inputs_added: g.inputsAdded,
    inputs_removed: g.inputsRemoved,
    reordered: g.reordered,
    ...(g.labelBefore !== undefined || g.labelAfter !== undefined ? { label: { before: g.labelBefore ?? null, after: g.labelAfter ?? null } } : {}),
  };
}

/** "×2.5", "−40 %", "=", or "new" from zero. */
function ratio(before: number, after: number): string {
  if (before === after) return '=';
  if (before === 0) return 'from 0';
  const r = after / before;
  if (r >= 2) return `×${Number(r.toPrecision(3))}`;
  const pct = (r - 1) * 100;
  return `${pct > 0 ? '+' : '−'}${Number(Math.abs(pct).toPrecision(2))} %`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '=';
}
