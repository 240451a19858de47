// The content of a postmortem section (report stage): summary, top event, suspects, next checks,
// cut sets, single points of failure, timeline and run metadata, gathered once from the analysis
// (and the diagnosis, with evidence) for the Markdown and HTML renderers.

import type { FaultTree } from '../model/fault-tree.js';
import type { GateProbability } from '../engine/gate-probabilities.js';
import type { ProbabilityAnalysis } from '../engine/index.js';
import { rankEvents } from './analysis-json.js';
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
  /** Minimal cut sets, most probable first, when computed. */
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
}

export interface NextCheck {
  readonly id: string;
  readonly label?: string;
  readonly how: string;
  /** Minutes. */
  readonly cost?: number;
  readonly posterior: number;
}

export interface TimelineEntry {
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
  readonly singlePoints?: readonly { readonly id: string; readonly label?: string; readonly probability: number }[];
  readonly timeline: readonly TimelineEntry[];
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
  const { tree, analysis } = input;
  const topNode = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const ranked = rankEvents({ tree, analysis, warnings: [] });
  const parents = shortestParents(tree);
  const suspects: Suspect[] = ranked
    .filter((e) => e.posterior > 0)
    .slice(0, input.limit)
    .map((e, i) => ({
      rank: i + 1,
      id: e.id,
      ...(e.label !== undefined ? { label: e.label } : {}),
      prior: e.prior,
      adjusted: e.prior,
      posterior: e.posterior,
      birnbaum: e.birnbaum,
      path: pathToTop(e.id, parents),
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
    ...(input.singlePoints ? { singlePoints: input.singlePoints.map(eventInfo) } : {}),
    timeline: [],
    figures,
    metadata: { version: input.version, command: input.command, inputs: input.inputs, settings: input.settings },
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
