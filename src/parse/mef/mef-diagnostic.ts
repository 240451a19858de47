// Error codes of the Open-PSA MEF reader and a helper to build its diagnostics (parse stage).

import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceSpan } from '../../model/source-span.js';

/**
 * Every code the MEF reader reports. The last group is shared with the YAML path's validation.
 * docs/mef.md lists each with its meaning; src/parse/mef/fixtures/ holds one invalid file per code.
 */
export type MefErrorCode =
  | 'MEF_XML_SYNTAX' // not well-formed XML, or an undeclared namespace prefix
  | 'MEF_INVALID' // well-formed but not valid MEF: unknown element or attribute, missing attribute, bad number
  | 'MEF_UNSUPPORTED' // valid MEF that ftree does not implement (event trees, substitutions, alignments, …)
  | 'MEF_INCLUDE' // an included file cannot be read
  | 'MEF_INCLUDE_CYCLE' // a file includes itself, directly or not
  | 'MEF_UNIT_MISMATCH' // a parameter reference names another unit than the parameter's definition
  | 'CCF_INVALID' // a CCF group's members or factor levels do not fit its model
  | 'FILE_NOT_FOUND' // an input file named by the caller cannot be read (a usage error)
  | 'MISSING_PROBABILITY' // a basic event without an expression
  | 'AMBIGUOUS_TOP' // several gates could be the top event
  | 'NO_TOP' // no gate at all
  | 'UNDEFINED_REFERENCE'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_INPUT'
  | 'CYCLE'
  | 'ARITY'
  | 'PROBABILITY_RANGE'
  | 'NEGATIVE_RATE'
  | 'INVALID_ARGUMENT';

export function mefError(code: MefErrorCode, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  const d: { code: string; severity: 'error'; message: string; span?: SourceSpan; hint?: string } = {
    code,
    severity: 'error',
    message,
  };
  if (span) d.span = span;
  if (hint) d.hint = hint;
  return d;
}

export function mefWarning(code: string, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  const d: { code: string; severity: 'warning'; message: string; span?: SourceSpan; hint?: string } = {
    code,
    severity: 'warning',
    message,
  };
  if (span) d.span = span;
  if (hint) d.hint = hint;
  return d;
}
