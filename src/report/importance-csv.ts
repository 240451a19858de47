// The CSV of `ftree importance` (report stage): one line per basic event in the table's order;
// an undefined measure is empty, an infinite RRW is `inf`.

import { rankImportance, type ImportanceReport } from './importance-json.js';

export function renderImportanceCsv(report: ImportanceReport): string {
  const lines = ['event,prior,occurrences,birnbaum,criticality,fussell_vesely,raw,rrw,posterior,p_top_given_true,p_top_given_false'];
  const value = (x: number | undefined): string => (x === undefined ? '' : x === Infinity ? 'inf' : String(x));
  for (const e of rankImportance(report)) {
    lines.push(
      [csvField(e.id), e.prior, value(e.occurrences), e.birnbaum, value(e.criticality), value(e.fussellVesely), value(e.raw), value(e.rrw), value(e.posterior), e.pGivenTrue, e.pGivenFalse].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
