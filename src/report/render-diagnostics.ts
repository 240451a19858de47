// Renders diagnostics for people (file:line:col, code, caret snippet, hint), for GitHub workflow
// annotations, and as JSON (report stage).

import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { SourceSpan } from '../model/source-span.js';
import { escapeControlCharacters } from './terminal-text.js';

export interface RenderDiagnosticsOptions {
  /** File texts for the caret snippets. */
  readonly sources: ReadonlyMap<string, string>;
  readonly chalk: ChalkInstance;
}

export function renderDiagnosticText(d: Diagnostic, options: RenderDiagnosticsOptions): string {
  const { chalk } = options;
  const where = d.span ? `${escapeControlCharacters(d.span.file)}:${d.span.line}:${d.span.col} ` : '';
  const label = d.severity === 'error' ? chalk.red.bold(`error[${d.code}]`) : chalk.yellow.bold(`warning[${d.code}]`);
  // Messages quote the tree (keys, values) and snippets show it: its control characters are shown, never run.
  const lines = [`${chalk.bold(where)}${label} ${escapeControlCharacters(d.message)}`];
  const source = d.span ? options.sources.get(d.span.file) : undefined;
  if (d.span && source !== undefined) lines.push(...snippet(source, d.span, chalk, d.severity === 'error' ? chalk.red : chalk.yellow));
  if (d.hint) lines.push(`  ${chalk.cyan('hint:')} ${escapeControlCharacters(d.hint)}`);
  return lines.join('\n');
}

/** The offending line with a gutter and carets under the span (clipped to that line). */
export function snippet(source: string, span: SourceSpan, chalk: ChalkInstance, mark: ChalkInstance): string[] {
  const lineStart = source.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const start = span.start < lineStart ? lineStart : span.start;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = source.length;
  const MAX = 160;
  const rawLine = source.slice(lineStart, Math.min(lineEnd, lineStart + MAX + 1)).replace(/\r$/, '');
  const line = escapeControlCharacters(rawLine.length > MAX ? `${rawLine.slice(0, MAX)}…` : rawLine);
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const col = Math.min(start - lineStart, line.length);
  const width = Math.max(1, Math.min(span.end, lineEnd) - start, 0);
  const caretWidth = Math.max(1, Math.min(width, Math.max(1, line.length - col)));
  const indent = line.slice(0, col).replace(/[^\t]/g, ' ');
  return [
    `  ${chalk.dim(`${gutter} |`)} ${line}`,
    `  ${chalk.dim(`${pad} |`)} ${indent}${mark('^'.repeat(caretWidth))}`,
  ];
}

/** A GitHub Actions workflow command: shows the problem inline on a pull request. */
export function renderDiagnosticGithub(d: Diagnostic): string {
  return renderGithubAnnotation({ severity: d.severity, ...(d.span ? { span: d.span } : {}), title: `ftree ${d.code}`, message: d.hint ? `${d.message} (hint: ${d.hint})` : d.message });
}

/** One GitHub workflow annotation: a diagnostic's, or a failed budget's (`ftree check --format github`). */
export interface GithubAnnotation {
  readonly severity: Severity;
  readonly span?: SourceSpan;
  readonly title: string;
  readonly message: string;
}

export function renderGithubAnnotation(a: GithubAnnotation): string {
  const command = a.severity === 'error' ? 'error' : 'warning';
  const props: string[] = [];
  if (a.span) {
    props.push(`file=${escapeProperty(a.span.file)}`, `line=${a.span.line}`, `col=${a.span.col}`);
  }
  props.push(`title=${escapeProperty(a.title)}`);
  return `::${command} ${props.join(',')}::${escapeData(a.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A plain-data view of a diagnostic for JSON output. */
export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.span ? { file: d.span.file, line: d.span.line, col: d.span.col } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}
