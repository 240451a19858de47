// Hints for names an Open-PSA MEF model gets wrong (parse stage): a redefinition, a misspelt or
// private parameter, an event referenced with the wrong role.

import type { Diagnostic } from '../../model/diagnostic.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { formatLocation, type SourceSpan } from '../../model/source-span.js';
import { mefError } from './mef-diagnostic.js';
import { fullPathOf, mefIdOf, type MefNameTable, type Named } from './mef-name-table.js';
import type { EventRefType, RawEvent } from './mef-raw.js';

/** The word for each kind of event definition, in messages. */
export const KIND_WORD: Readonly<Record<RawEvent['kind'], string>> = { gate: 'gate', 'basic-event': 'basic event', 'house-event': 'house event' };

/** DUPLICATE_ID for a second definition, saying where the first one is. */
export function redefinition(what: string, def: Named & { span: SourceSpan; kind?: string }, first: Named & { span: SourceSpan; kind?: string }): Diagnostic {
  const as = first.kind ? ` as a ${KIND_WORD[first.kind as RawEvent['kind']]}` : '';
  return mefError('DUPLICATE_ID', `${what} defined twice: ${mefIdOf(def)}`, def.span, `first defined${as} at ${formatLocation(first.span)}`);
}

/** A did-you-mean, or why a private name is out of reach from `basePath`. */
export function suggest<T extends Named>(name: string, table: MefNameTable<T>, basePath: string): string | undefined {
  const hidden = name.includes('.') ? undefined : table.findPrivateByName(name);
  if (hidden && hidden.scope.basePath !== basePath && !basePath.startsWith(`${hidden.scope.basePath}.`)) {
    return `"${name}" is private to ${hidden.scope.basePath}: refer to it as ${fullPathOf(hidden)}`;
  }
  const names: string[] = [];
  for (const [written] of table.entries()) names.push(written);
  const guess = didYouMean(name, names);
  return guess ? `did you mean "${guess}"?` : undefined;
}

/** Why a referenced event is missing: defined with another role, in a container that does not exist, or misspelt. */
export function explainMissing(name: string, type: EventRefType | undefined, basePath: string, table: MefNameTable<RawEvent>): string | undefined {
  if (type) {
    const other = table.find(name, basePath);
    if (other) return `"${name}" is a ${KIND_WORD[other.kind]}: write <${other.kind} name="${name}"/> or <event name="${name}"/>`;
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0 && !table.hasContainer(name.slice(0, dot))) return `no fault tree or component named ${name.slice(0, dot)}`;
  return suggest(name, table, basePath);
}
