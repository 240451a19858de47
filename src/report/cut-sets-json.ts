// The JSON document of `ftree cutsets` (report stage), streamed: the summary first (DESIGN §5 keys
// `ftree`, `tree`, `top`, then counts per order and the approximations), then one cut set per line.

import { diagnosticToJson } from './render-diagnostics.js';
import { describeFamily, renderCutSetLines, type CutSetsReport } from './cut-sets-report.js';

/** Chunks of the document, in order; the cut sets one line each, so millions stream. */
export function* renderCutSetsJson(report: CutSetsReport): Generator<string> {
  const { tree, family, approximations } = report;
  const { summary, rareEvent, mcub } = approximations;
  const top = tree.gates.get(tree.top) ?? tree.events.get(tree.top);
  const head = {
    ftree: 1,
    tree: tree.name,
    ...(tree.title !== undefined ? { title: tree.title } : {}),
    top: { id: tree.top, ...(top?.label !== undefined ? { label: top.label } : {}), probability: report.pTop, method: 'bdd' },
    kind: family.kind === 'prime-implicants' ? 'prime implicants' : 'minimal cut sets',
    coherent: family.coherent,
    definition: describeFamily(family),
    max_order: family.maxOrder ?? null,
    max_order_from_cutoff: family.orderFromCutoff,
    order_limit_reached: family.orderLimited,
    cutoff: family.cutoff,
    dropped_by_cutoff: family.droppedByCutoff,
    count: summary.total,
    per_order: summary.perOrder.map((count, order) => ({ order, count })).filter((o) => o.count > 0),
    approximations: {
      rare_event: { probability: rareEvent.probability, sum: rareEvent.sum, clipped: rareEvent.clipped, relative_error: rareEvent.relativeError ?? null },
      mcub: mcub === undefined ? null : { probability: mcub.probability, relative_error: mcub.relativeError ?? null },
    },
    sorted_by: report.sorted !== undefined ? 'probability' : 'none',
    // Sets of equal probability and order: by their event ids, or (lists over a million) the diagram's order.
    ties_by: report.sorted === undefined ? null : report.sorted.tiesById ? 'ids' : 'diagram',
    listed: Math.min(summary.total, report.limit ?? Infinity),
  };
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, text.length - 2)},\n  "cut_sets": [`;
  const names = family.variables.map((id) => JSON.stringify(id));
  let first = true;
  for (const chunk of renderCutSetLines(report, (rank, literals, length, p, share) => {
    let events = '';
    let negated = '';
    for (let i = 0; i < length; i++) {
      const l = literals[i]!;
      if (l >= 0) events += (events === '' ? '' : ',') + names[l]!;
      else negated += (negated === '' ? '' : ',') + names[~l]!;
    }
    const set = `{"rank":${rank},"order":${length},"probability":${p},"share":${share === '' ? 'null' : share},"events":[${events}]${negated === '' ? '' : `,"negated":[${negated}]`}}`;
    const text = `${first ? '\n' : ',\n'}    ${set}`;
    first = false;
    return text;
  })) {
    yield chunk;
  }
  const tail = { warnings: report.warnings.map(diagnosticToJson), seconds: report.seconds };
  yield `${first ? '' : '\n  '}],\n${JSON.stringify(tail, null, 2).slice(2)}\n`;
}
