// Problems found in user input: one error class and one diagnostic shape for every stage (model stage).
// Error codes are SCREAMING_SNAKE strings, printed as error[CODE].

import type { ErrorCode } from './error-codes.js';
import type { SourceSpan } from './source-span.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: ErrorCode;
  readonly severity: Severity;
  /** Capitalised, no trailing period, detail after a colon. */
  readonly message: string;
  readonly span?: SourceSpan;
  readonly hint?: string;
}

export interface FtreeErrorOptions {
  /** Texts of the files the diagnostics point into, for caret snippets. */
  readonly sources?: ReadonlyMap<string, string>;
  /** The problem is a value given on the command line (`--top-event`), not the input files. */
  readonly fromCommandLine?: boolean;
}

/**
 * A user-facing failure: bad input, a failed data source, a usage error. Carries one or more
 * diagnostics; anything else thrown is a bug. The exit code follows from the codes, in one table
 * of src/cli/ (error-table.ts).
 */
export class FtreeError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files the diagnostics point into, for caret snippets. */
  readonly sources: ReadonlyMap<string, string>;
  readonly fromCommandLine: boolean;

  constructor(diagnostics: Diagnostic | readonly Diagnostic[], options: FtreeErrorOptions = {}) {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Diagnostic[]) : [diagnostics as Diagnostic];
    super(list.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'FtreeError';
    this.diagnostics = list;
    this.sources = options.sources ?? new Map();
    this.fromCommandLine = options.fromCommandLine === true;
  }

  get code(): ErrorCode | 'ERROR' {
    return this.diagnostics[0]?.code ?? 'ERROR';
  }
}

export function isFtreeError(e: unknown): e is FtreeError {
  return e instanceof FtreeError;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics sorted by file, then position; problems without a position go last. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (!a.span || !b.span) return a.span ? -1 : b.span ? 1 : 0;
    if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
    return a.span.start - b.span.start;
  });
}

/** Most diagnostics kept per code: a file with 200,000 unknown attributes gives 50 and a count. */
export const MAX_DIAGNOSTICS_PER_CODE = 50;

/**
 * The first `max` diagnostics of each code, in their order, then for each code over the cap one
 * diagnostic (no position) that counts the rest.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic[] {
  const counts = new Map<ErrorCode, { n: number; severity: Severity }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const c = counts.get(d.code) ?? { n: 0, severity: d.severity };
    counts.set(d.code, c);
    if (++c.n <= max) kept.push(d);
  }
  for (const [code, { n, severity }] of counts) {
    if (n <= max) continue;
    const rest = n - max;
    kept.push({ code, severity, message: `${rest.toLocaleString('en-US')} more ${code} ${severity}${rest === 1 ? '' : 's'} not shown (the first ${max} are)`, hint: 'fix the ones shown and run again' });
  }
  return kept;
}
