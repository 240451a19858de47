// The content of a postmortem section (report stage): summary, top event, suspects, next checks,
// cut sets, single points of failure, timeline and run metadata, gathered once from the analysis
// (and the diagnosis, with evidence) for the Markdown and HTML renderers.

import type { Diagnosis } from '../diagnose/index.js';
import type { FaultTree } from '../model/fault-tree.js';
import { redactCredentials } from '../model/redact-credentials.js';
import type { GateProbability } from '../engine/gate-probabilities.js';
import type { ProbabilityAnalysis } from '../engine/index.js';
import { figuresWithoutEvidence, rankEvents } from './analysis-json.js';
import { describeSignal, describeVerdict, formatClock, formatOffset, signalFigure } from './diagnosis-summary.js';
import { formatProbability as fmt } from './format-number.js';
import type { NodeFigures } from './tree-svg.js';

export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  /** What the file is: the tree, or an evidence source. */
  readonly role: string;
}

export interface PostmortemInput {
  readonly tree: FaultTree;
  readonly analysis: ProbabilityAnalysis;
  /** P(G) and P(G|T) of the gates, when computed. */
  readonly gates?: ReadonlyMap<string, GateProbability>;
  /** Minimal cut sets, most probable first, when computed (with a diagnosis: ranked by it instead). */
  readonly cutSets?: readonly { readonly events: readonly string[]; readonly probability: number }[];
  /** Basic events that alone cause the top event, when computed. */
  readonly singlePoints?: readonly string[];
  readonly inputs: readonly InputFile[];
  readonly version: string;
  /** The command line that produced the report (without the program name). */
  readonly command: readonly string[];
  /** Settings worth recording, in display order. */
  readonly settings: readonly (readonly [string, string])[];
  /** How many suspects to list. */
  readonly limit: number;
  /** The incident's diagnosis, when evidence was given: suspects, checks and timeline come from it. */
  readonly diagnosis?: Diagnosis;
}

export interface Suspect {
  readonly rank: number;
  readonly id: string;
  readonly label?: string;
  readonly prior: number;
  /** The prior updated by the event's own evidence (the prior without evidence). */
  readonly adjusted: number;
  readonly posterior: number;
  readonly birnbaum: number;
  /** Gates from the event's parent up to the top event (one shortest path). */
  readonly path: readonly string[];
  /** Fired signals of the event, described ("log Lock wait timeouts 42×"). */
  readonly evidence: readonly string[];
}

export interface NextCheck {
  readonly id: string;
  readonly label?: string;
  readonly how: string;
  /** Minutes. */
  readonly cost?: number;
  readonly posterior: number;
  /** Expected information gain of the check, in bits (with a diagnosis). */
  readonly informationGain?: number;
}

export interface TimelineEntry {
  /** UTC clock time, and the offset from the symptom's onset. */
  readonly time: string;
  readonly id: string;
  readonly text: string;
}

export interface Postmortem {
  readonly tree: FaultTree;
  readonly title: string;
  /** One-sentence summary (plain text; ids in backticks). */
  readonly summary: string;
  readonly top: { readonly id: string; readonly label?: string; readonly probability: number; readonly method: string };
  readonly hasEvidence: boolean;
  /** Name of the posterior column: P(x|T) without evidence, P(x|T,E) with. */
  readonly posteriorName: string;
  readonly suspects: readonly Suspect[];
  readonly nextChecks: readonly NextCheck[];
  readonly cutSets?: readonly { readonly events: readonly string[]; readonly probability: number }[];
  /** What the cut sets' numbers are: P(cut set) without evidence, P(cut set | T, E) with. */
  readonly cutSetMeasure: string;
  readonly singlePoints?: readonly { readonly id: string; readonly label?: string; readonly probability: number }[];
  readonly timeline: readonly TimelineEntry[];
  /** The incident window (UTC), with evidence. */
  readonly window?: string;
  /** Numbers drawn on each node of the diagrams. */
  readonly figures: ReadonlyMap<string, NodeFigures>;
  readonly metadata: {
    readonly version: string;
    readonly command: readonly string[];
    readonly inputs: readonly InputFile[];
    readonly settings: readonly (readonly [string, string])[];
  };
  readonly model: { readonly gates: number; readonly events: number; readonly houses: number; readonly missionTime: number; readonly bddNodes: number };
}

export function buildPostmortem(input: PostmortemInput): Postmortem {
  if (input.diagnosis) return buildFromDiagnosis(input, input.diagnosis);
  const { tree, analysis } = input;
  const topNode = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const ranked = rankEvents({ tree, analysis, warnings: [] });
  const parents = shortestParents(tree);
  const suspects: Suspect[] = ranked
    .filter((e) => e.posterior > 0)
    .slice(0, input.limit)
    .map((e, i) => ({
      rank: i + 1,
      ...figuresWithoutEvidence(e),
      path: pathToTop(e.id, parents),
      evidence: [],
    }));
  const posteriorName = 'P(x|T)';

  const figures = new Map<string, NodeFigures>();
  for (const e of analysis.events) figures.set(e.id, { probability: e.prior, posterior: e.posterior });
  for (const [id, g] of input.gates ?? []) figures.set(id, { probability: g.probability, posterior: g.posterior });
  if (tree.events.has(tree.top)) figures.set(tree.top, { probability: analysis.pTop, posterior: analysis.pTop > 0 ? 1 : 0 });
  else figures.set(tree.top, { probability: analysis.pTop, ...(analysis.pTop > 0 ? { posterior: 1 } : {}) });
  for (const s of suspects.slice(0, 3)) figures.set(s.id, { ...figures.get(s.id), suspectRank: s.rank });

  // Next checks without a diagnosis: events that say how to check them, by P(x|T) per minute of checking.
  const posteriorOf = new Map(analysis.events.map((e) => [e.id, e.posterior]));
  const nextChecks: NextCheck[] = [...tree.events.values()]
    .filter((e) => e.check !== undefined && (posteriorOf.get(e.id) ?? 0) > 0)
    .map((e) => ({
      id: e.id,
      ...(e.label !== undefined ? { label: e.label } : {}),
      how: e.check!.how,
      ...(e.check!.cost !== undefined ? { cost: e.check!.cost } : {}),
      posterior: posteriorOf.get(e.id)!,
    }))
    .sort((a, b) => b.posterior / Math.max(1, b.cost ?? 1) - a.posterior / Math.max(1, a.cost ?? 1) || (a.id < b.id ? -1 : 1))
    .slice(0, 5);

  const lead = suspects[0];
  const topText = topNode?.label !== undefined ? `${topNode.label} (\`${tree.top}\`)` : `\`${tree.top}\``;
  const summary =
    `The top event ${topText} has probability ${fmt(analysis.pTop)} over the ${formatHours(tree.missionTime)} mission time.` +
    (lead
      ? ` No evidence was given: the most likely cause, given that the top event occurred, is ${lead.label !== undefined ? `${lead.label} (\`${lead.id}\`)` : `\`${lead.id}\``} with P(x|T) = ${fmt(lead.posterior)} (prior ${fmt(lead.prior)}).`
      : ' No basic event can cause it.');

  const eventInfo = (id: string) => {
    const e = tree.events.get(id);
    return { id, ...(e?.label !== undefined ? { label: e.label } : {}), probability: e?.probability ?? 0 };
  };
  return {
    tree,
    title: tree.title ?? tree.name,
    summary,
    top: { id: tree.top, ...(topNode?.label !== undefined ? { label: topNode.label } : {}), probability: analysis.pTop, method: analysis.method },
    hasEvidence: false,
    posteriorName,
    suspects,
    nextChecks,
    ...(input.cutSets ? { cutSets: input.cutSets } : {}),
    cutSetMeasure: 'probability',
    ...(input.singlePoints ? { singlePoints: input.singlePoints.map(eventInfo) } : {}),
    timeline: [],
    figures,
    metadata: redactMetadata(input),
    model: { gates: tree.gates.size, events: tree.events.size, houses: tree.houses.size, missionTime: tree.missionTime, bddNodes: analysis.bddNodes },
  };
}

/** The postmortem of an incident: suspects, checks, cut sets and timeline from the diagnosis. */
function buildFromDiagnosis(input: PostmortemInput, d: Diagnosis): Postmortem {
  const { tree, analysis } = input;
  const posteriorName = d.conditioning === 'top' ? 'P(x|T,E)' : 'P(x|E)';
  const fired = (signals: Diagnosis['signals']) => signals.filter((s) => s.state === 'fired').map((s) => `${describeSignal(s)}${signalFigure(s) ? ` ${signalFigure(s)}` : ''}`);
  const suspects: Suspect[] = d.suspects.slice(0, input.limit).map((e, i) => ({
    rank: i + 1,
    id: e.id,
    ...(e.label !== undefined ? { label: e.label } : {}),
    prior: e.prior,
    adjusted: e.adjusted,
    posterior: e.posterior,
    birnbaum: e.birnbaum,
    path: e.path.slice(1),
    evidence: fired(e.signals),
  }));
  const figures = new Map<string, NodeFigures>();
  for (const e of d.events) figures.set(e.id, { probability: e.adjusted, posterior: e.posterior });
  // Gates: P(G) and P(G|T) at the adjusted probabilities; exact unless gates carry evidence of their own.
  for (const [id, g] of input.gates ?? []) figures.set(id, { probability: g.probability, ...(d.gates.length === 0 ? { posterior: g.posterior } : {}) });
  figures.set(tree.top, { probability: d.top.givenEvidence, ...(d.conditioning === 'top' ? { posterior: 1 } : {}) });
  const standing = new Set(d.verdict.suspects);
  suspects.filter((s) => standing.has(s.id)).slice(0, 3).forEach((s) => figures.set(s.id, { ...figures.get(s.id), suspectRank: s.rank }));
  const labelOf = new Map([...tree.events.values()].map((e) => [e.id, e.label]));
  const nextChecks: NextCheck[] = d.nextChecks.slice(0, 5).map((c) => ({
    id: c.id,
    ...(labelOf.get(c.id) !== undefined ? { label: labelOf.get(c.id)! } : {}),
    how: c.how,
    ...(c.costAssumed ? {} : { cost: c.cost }),
    posterior: c.posterior,
    informationGain: c.informationGain,
  }));
  const timeline: TimelineEntry[] = d.timeline.map((t) => ({
    time: `${formatClock(t.time)} (${formatOffset(t.offset)})`,
    id: t.signal.owner,
    text: `${describeSignal(t.signal)}${signalFigure(t.signal) ? ` ${signalFigure(t.signal)}` : ''}${t.isSymptom ? ' — the symptom' : t.isLikelyEffect ? ' — likely an effect' : ''}`,
  }));
  const verdict = describeVerdict(d);
  const topNode = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const topText = topNode?.label !== undefined ? `${topNode.label} (\`${tree.top}\`)` : `\`${tree.top}\``;
  const summary = `${topText}: ${verdict.headline}. ${verdict.explanation}`;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const eventInfo = (id: string) => ({ id, ...(labelOf.get(id) !== undefined ? { label: labelOf.get(id)! } : {}), probability: tree.events.get(id)?.probability ?? 0 });
  return {
    tree,
    title: tree.title ?? tree.name,
    summary,
    top: { id: tree.top, ...(topNode?.label !== undefined ? { label: topNode.label } : {}), probability: analysis.pTop, method: analysis.method },
    hasEvidence: true,
    posteriorName,
    suspects,
    nextChecks,
    ...(d.cutSets ? { cutSets: d.cutSets.map((c) => ({ events: c.events, probability: c.posterior })) } : {}),
    cutSetMeasure: d.conditioning === 'top' ? 'P(cut set|T,E)' : 'P(cut set|E)',
    ...(input.singlePoints ? { singlePoints: input.singlePoints.map(eventInfo) } : {}),
    timeline,
    window: `${iso(d.evidence.window.start)} – ${iso(d.evidence.window.end)}`,
    figures,
    metadata: redactMetadata(input),
    model: { gates: tree.gates.size, events: tree.events.size, houses: tree.houses.size, missionTime: tree.missionTime, bddNodes: analysis.bddNodes },
  };
}

/** For every node, its parent on a shortest path from the top (breadth first; first parent wins). */
function shortestParents(tree: FaultTree): Map<string, string> {
  const parent = new Map<string, string>();
  const queue = [tree.top];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const input of tree.gates.get(queue[i]!)?.inputs ?? []) {
      if (seen.has(input)) continue;
      seen.add(input);
      parent.set(input, queue[i]!);
      queue.push(input);
    }
  }
  return parent;
}

function pathToTop(id: string, parents: ReadonlyMap<string, string>): string[] {
  const path: string[] = [];
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) path.push(p);
  return path;
}

/** 24 → "24 h", 8760 → "1 y", 168 → "7 d". */
export function formatHours(h: number): string {
  if (h >= 8760 && h % 8760 === 0) return `${h / 8760} y`;
  if (h >= 48 && h % 24 === 0) return `${h / 24} d`;
  return `${Number(h.toPrecision(4))} h`;
}

/** The run's metadata with every credential redacted, whatever the caller passed (the command line may hold a URL with a password). */
function redactMetadata(input: PostmortemInput): Postmortem['metadata'] {
  return {
    version: input.version,
    command: input.command.map(redactCredentials),
    inputs: input.inputs.map((f) => ({ ...f, path: redactCredentials(f.path) })),
    settings: input.settings.map(([k, v]) => [k, redactCredentials(v)] as const),
  };
}
