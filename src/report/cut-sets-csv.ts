// The CSV of `ftree cutsets` (report stage), streamed one set per line: rank, order, probability,
// share of P(top), and the set's events separated by spaces (a working event, in a prime implicant, as ¬id).

import { formatLiterals, renderCutSetLines, type CutSetsReport } from './cut-sets-report.js';

export function* renderCutSetsCsv(report: CutSetsReport): Generator<string> {
  yield 'rank,order,probability,share,events\n';
  const names = report.family.variables.map(csvName);
  yield* renderCutSetLines(report, (rank, literals, length, p, share) => `${rank},${length},${p},${share},${formatLiterals(names, literals, length)}\n`);
}

/** An id inside the quoted-if-needed events field: ids with a comma or a quote are rare (MEF names). */
function csvName(id: string): string {
  return /[",\n\r]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
}
