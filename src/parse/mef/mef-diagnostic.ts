// Error codes of the Open-PSA MEF reader and a helper to build its diagnostics (parse stage).

import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceSpan } from '../../model/source-span.js';

/**
 * Every code the MEF reader reports. The last group is shared with the YAML path's validation.
 * README.md beside this file lists each with its meaning; fixtures/invalid/ holds one file per error code.
 */
export type MefErrorCode =
  | 'MEF_XML_SYNTAX' // not well-formed XML, or an undeclared namespace prefix
  | 'MEF_INVALID' // well-formed but not valid MEF: unknown element or attribute, missing attribute, bad number
  | 'MEF_UNSUPPORTED' // valid MEF that ftree does not implement (event trees, substitutions, alignments, …)
  | 'MEF_INCLUDE' // an included file cannot be read
  | 'MEF_INCLUDE_CYCLE' // a file includes itself, directly or not
  | 'MEF_UNIT_MISMATCH' // a parameter reference names another unit than the parameter's definition
  | 'CCF_INVALID' // a CCF group's members or factor levels do not fit its model
  | 'AMBIGUOUS_TOP' // several gates of the first fault tree could be the top event
  | 'PATH_OUTSIDE_TREE' // an include names a file outside the folder of the file named on the command line
  // Shared with the YAML path (src/model/error-codes.ts), same meaning:
  | 'FILE_UNREADABLE'
  | 'MISSING_TOP'
  | 'UNKNOWN_TOP'
  | 'INVALID_TOP'
  | 'MISSING_PROBABILITY'
  | 'UNDEFINED_REFERENCE'
  | 'DUPLICATE_ID'
  | 'CYCLE'
  | 'ARITY'
  | 'INVALID_K'
  | 'PROBABILITY_RANGE'
  | 'NEGATIVE_RATE'
  | 'NEGATIVE_VALUE'
  | 'INVALID_NUMBER'
  | 'INVALID_EXPRESSION'
  | 'INVALID_DISTRIBUTION';

/** Warnings: the model loads, but something deserves a look. */
export type MefWarningCode =
  | 'UNCERTAINTY_DROPPED' // a deviate with random arguments: taken at its mean in every trial
  // Shared with the YAML path:
  | 'DUPLICATE_INPUT'
  | 'UNUSED_GATE'
  | 'UNUSED_EVENT'
  | 'UNUSED_HOUSE'
  | 'UNUSED_PARAMETER'
  | 'PROBABILITY_NEAR_ONE';

export function mefError(code: MefErrorCode, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  const d: { code: MefErrorCode; severity: 'error'; message: string; span?: SourceSpan; hint?: string } = {
    code,
    severity: 'error',
    message,
  };
  if (span) d.span = span;
  if (hint) d.hint = hint;
  return d;
}

export function mefWarning(code: MefWarningCode, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  const d: { code: MefWarningCode; severity: 'warning'; message: string; span?: SourceSpan; hint?: string } = {
    code,
    severity: 'warning',
    message,
  };
  if (span) d.span = span;
  if (hint) d.hint = hint;
  return d;
}
