// `ftree check --format github` (report stage): GitHub Actions workflow commands, one annotation per
// failed limit (at the tree's `top:`) or per offending event (at its definition), then a summary.

import type { SourceSpan } from '../model/source-span.js';
import { renderDiagnosticGithub, renderGithubAnnotation, type GithubAnnotation } from './render-diagnostics.js';
import { describeCheck, describeOffender, describeSource, type CheckReport } from './check-result.js';
import { summaryLine } from './check-text.js';

/** Offending events annotated per limit and tree; the rest are counted in the limit's message. */
const MAX_ANNOTATED = 20;

export function renderCheckGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const t of report.trees) {
    for (const d of t.diagnostics) lines.push(renderDiagnosticGithub(d));
    for (const c of t.checks) {
      if (c.passed) continue;
      const at = (span: SourceSpan | undefined): Omit<GithubAnnotation, 'message'> => ({ title: `ftree budget ${c.rule}`, severity: 'error', ...(span ? { span } : {}) });
      if (c.offenders.length === 0) {
        lines.push(annotate(at(t.topSpan), `${describeCheck(c)} (${describeSource(c)})`, t.file));
      } else {
        for (const o of c.offenders.slice(0, MAX_ANNOTATED)) lines.push(annotate(at(t.eventSpans.get(o.id) ?? t.topSpan), `${describeOffender(c, o)} (${describeSource(c)})`, t.file));
        if (c.offenders.length > MAX_ANNOTATED) lines.push(annotate(at(t.topSpan), describeCheck(c), t.file));
      }
    }
  }
  lines.push(`ftree check: ${summaryLine(report)}`);
  return lines.join('\n');
}

/** An annotation titled "ftree budget <rule>"; without a position it points at the file's first line. */
function annotate(a: Omit<GithubAnnotation, 'message'>, message: string, file: string): string {
  return renderGithubAnnotation({ ...a, message, ...(a.span ? {} : { span: { file, line: 1, col: 1, start: 0, end: 0 } }) });
}
