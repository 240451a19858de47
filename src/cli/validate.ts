// `ftree validate`: checks tree files and reports every problem at once (cli stage).
// collect files → load each tree (parse → model) → render diagnostics → exit code.

import { type Diagnostic } from '../model/diagnostic.js';
import { groupModelFiles, loadModel } from '../parse/load-model.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import { diagnosticToJson, renderDiagnosticGithub, renderDiagnosticText } from '../report/render-diagnostics.js';
import { collectTreeFiles } from './collect-tree-files.js';
import type { GlobalOptions } from './global-options.js';
import { chalkFor } from './output.js';

export interface ValidateOptions extends GlobalOptions {
  readonly format: 'text' | 'json' | 'github';
  readonly strict?: boolean;
}

interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary?: { name: string; top: string; gates: number; events: number; houses: number };
}

export async function runValidate(paths: readonly string[], options: ValidateOptions): Promise<number> {
  const all = await collectTreeFiles(paths);
  // Open-PSA MEF files named together form one model (a tree and its basic-event data).
  const groups = groupModelFiles(all);
  const results: FileResult[] = [];
  const sources = new Map<string, string>();
  for (const group of groups) {
    const file = group.join(' + ');
    const r = await loadModel(group, { allowOutsidePaths: options.allowOutsidePaths === true, optionNames: CLI_OPTION_NAMES });
    for (const [k, v] of r.sources) sources.set(k, v);
    results.push({
      file,
      diagnostics: r.diagnostics,
      ...(r.tree ? { summary: { name: r.tree.name, top: r.tree.top, gates: r.tree.gates.size, events: r.tree.events.size, houses: r.tree.houses.size } } : {}),
    });
  }
  const isFailure = (d: Diagnostic) => d.severity === 'error' || (options.strict === true && d.severity === 'warning');
  const invalid = results.filter((r) => r.diagnostics.some(isFailure));
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);

  if (options.format === 'json') {
    const doc = {
      ftree: 1,
      valid: invalid.length === 0,
      files: results.map((r) => ({
        file: r.file,
        valid: !r.diagnostics.some(isFailure),
        ...(r.summary ? { tree: r.summary } : {}),
        diagnostics: r.diagnostics.map(diagnosticToJson),
      })),
      summary: { files: results.length, valid: results.length - invalid.length, invalid: invalid.length, errors, warnings },
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else if (options.format === 'github') {
    for (const r of results) for (const d of r.diagnostics) process.stdout.write(`${renderDiagnosticGithub(d)}\n`);
    process.stdout.write(`ftree validate: ${summaryLine(results.length, invalid.length, errors, warnings)}\n`);
  } else {
    const chalk = chalkFor(process.stdout, options.color !== false);
    for (const r of results) {
      for (const d of r.diagnostics) process.stdout.write(`${renderDiagnosticText(d, { sources, chalk })}\n\n`);
    }
    for (const r of results) {
      const e = r.diagnostics.filter((d) => d.severity === 'error').length;
      const w = r.diagnostics.length - e;
      const bad = r.diagnostics.some(isFailure);
      const mark = bad ? chalk.red('✗') : chalk.green('✓');
      const detail = r.summary
        ? [plural(r.summary.gates, 'gate'), plural(r.summary.events, 'event'), r.summary.houses ? plural(r.summary.houses, 'house event') : ''].filter(Boolean).join(', ')
        : '';
      const counts = [e ? plural(e, 'error') : '', w ? plural(w, 'warning') : ''].filter(Boolean).join(', ');
      process.stdout.write(`${mark} ${r.file}${detail ? chalk.dim(` (${detail})`) : ''}${counts ? `: ${counts}` : ''}\n`);
    }
    process.stdout.write(`${summaryLine(results.length, invalid.length, errors, warnings)}\n`);
  }
  return invalid.length > 0 ? EXIT.invalid : EXIT.ok;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(files: number, invalid: number, errors: number, warnings: number): string {
  return `${plural(files, 'file')}: ${files - invalid} valid, ${invalid} invalid (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}
