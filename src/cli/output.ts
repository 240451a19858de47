// Terminal output shared by the commands (cli stage): colour decisions, fatal and internal errors.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic, FtreeError } from '../model/diagnostic.js';
import { renderDiagnosticText } from '../report/render-diagnostics.js';

/** Colour for a stream: off with --no-color, NO_COLOR, TERM=dumb, or when the stream is not a terminal. */
export function chalkFor(stream: NodeJS.WriteStream, enabled = true): ChalkInstance {
  const forced = process.env['FORCE_COLOR'];
  if (!enabled || (process.env['NO_COLOR'] ?? '') !== '') return new Chalk({ level: 0 });
  if (forced !== undefined && forced !== '0' && forced !== 'false') return new Chalk({ level: 1 });
  const on = stream.isTTY === true && process.env['TERM'] !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}

export function printFatal(e: FtreeError): void {
  const chalk = chalkFor(process.stderr, !process.argv.includes('--no-color'));
  const text = e.diagnostics.map((d) => renderDiagnosticText(d, { sources: e.sources, chalk }));
  process.stderr.write(`${text.join('\n\n')}\n`);
}

/** Warnings of a tree that loaded, in one compact block on stderr. */
export function printWarnings(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, color: boolean): void {
  if (diagnostics.length === 0) return;
  const chalk = chalkFor(process.stderr, color);
  process.stderr.write(`${diagnostics.map((d) => renderDiagnosticText(d, { sources, chalk })).join('\n\n')}\n\n`);
}

export function printInternalError(e: unknown, debug: boolean): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`ftree: internal error: ${message}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write('This is a bug in ftree: please report it with the command you ran and the output of the same command with --debug\n');
}
