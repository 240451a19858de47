// `ftree check` for the terminal (report stage): one line per tree and one per limit, then a summary.

import type { ChalkInstance } from 'chalk';
import { renderDiagnosticText } from './render-diagnostics.js';
import { describeCheck, describeSource, hasFailed, isInvalid, type CheckReport } from './check-result.js';

export function renderCheckText(report: CheckReport, options: { readonly chalk: ChalkInstance; readonly sources: ReadonlyMap<string, string> }): string {
  const { chalk } = options;
  const lines: string[] = [];
  for (const t of report.trees) {
    const mark = hasFailed(t) ? chalk.red('✗') : chalk.green('✓');
    if (isInvalid(t)) {
      lines.push(`${mark} ${t.file}: invalid tree`);
      for (const d of t.diagnostics.filter((x) => x.severity === 'error')) lines.push(indent(renderDiagnosticText(d, { sources: options.sources, chalk })));
      continue;
    }
    lines.push(`${mark} ${t.file}${t.checks.length === 0 ? chalk.dim(': no budget (set one with budget: in the tree or --max-probability, --no-single-points, --max-importance)') : ''}`);
    for (const c of t.checks) lines.push(`    ${c.passed ? chalk.green('pass') : chalk.red('FAIL')} ${describeCheck(c)} ${chalk.dim(`(${describeSource(c)})`)}`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n');
}

export function summaryLine(report: CheckReport): string {
  const n = report.trees.length;
  const invalid = report.trees.filter(isInvalid).length;
  const failed = report.trees.filter((t) => !isInvalid(t) && t.checks.some((c) => !c.passed)).length;
  const unbudgeted = report.trees.filter((t) => !isInvalid(t) && t.checks.length === 0).length;
  const passed = n - invalid - failed;
  return `${n} tree${n === 1 ? '' : 's'}: ${passed} within budget${unbudgeted > 0 ? ` (${unbudgeted} without one)` : ''}, ${failed} over budget, ${invalid} invalid`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}
