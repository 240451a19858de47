// Every error code ftree reports, in one list with one type (model stage): the codes about a tree
// file (with severity and meaning; each has a fixture), the errors of a run, and the codes of the
// MEF and Galileo readers. docs/error-codes.md is checked against ERROR_CODES, both ways.

export interface ErrorCodeInfo {
  /** As `Severity` of diagnostic.ts (which imports this file's `ErrorCode`). */
  readonly severity: 'error' | 'warning';
  readonly summary: string;
}

export const TREE_ERROR_CODES = {
  FILE_UNREADABLE: { severity: 'error', summary: 'a file named on the command line cannot be read (exit code 2)' },
  NO_TREE_FILES: { severity: 'error', summary: 'a folder named on the command line holds no *.yaml or *.yml file (exit code 2)' },
  FILE_TOO_LARGE: { severity: 'error', summary: 'a tree file is over the 5 MiB limit' },
  YAML_SYNTAX: { severity: 'error', summary: 'the file is not valid YAML' },
  YAML_ALIAS_LIMIT: { severity: 'error', summary: 'YAML aliases expand to more than 100,000 nodes (an alias bomb)' },
  YAML_TOO_DEEP: { severity: 'error', summary: 'YAML nesting deeper than 64 levels' },
  INVALID_KEY: { severity: 'error', summary: 'a mapping key that is not a plain name' },
  NOT_A_TREE: { severity: 'error', summary: 'the file is not an ftree tree (no `ftree:` key, or not a mapping)' },
  UNSUPPORTED_VERSION: { severity: 'error', summary: 'the `ftree:` format version is not 1' },
  UNKNOWN_KEY: { severity: 'error', summary: 'a key the format does not define (with a suggestion)' },
  DUPLICATE_KEY: { severity: 'error', summary: 'the same key twice in one mapping' },
  INVALID_TYPE: { severity: 'error', summary: 'a value of the wrong kind (text for a list, a list for a number, …)' },
  INVALID_NUMBER: { severity: 'error', summary: 'a number that is not finite, not whole where it must be, or not positive' },
  PROBABILITY_RANGE: { severity: 'error', summary: 'a probability (given or computed) outside [0, 1]' },
  INVALID_UNIT: { severity: 'error', summary: 'a duration or rate whose units cannot be read' },
  NEGATIVE_VALUE: { severity: 'error', summary: 'a negative duration' },
  NEGATIVE_RATE: { severity: 'error', summary: 'a negative failure or repair rate' },
  INVALID_NAME: { severity: 'error', summary: 'the tree name is not a slug' },
  MISSING_TOP: { severity: 'error', summary: 'the tree has no `top:`' },
  UNKNOWN_TOP: { severity: 'error', summary: 'the top names an id that is not defined' },
  INVALID_TOP: { severity: 'error', summary: 'the top is a house event' },
  INVALID_ID: { severity: 'error', summary: 'an id with characters other than letters, digits, _ - . :, or a parameter name that expressions cannot read or that is reserved' },
  INVALID_EXPRESSION: { severity: 'error', summary: 'an expression that does not parse, uses forbidden syntax, or is not a finite number' },
  EXPRESSION_UNKNOWN_NAME: { severity: 'error', summary: 'an expression reads a name that is neither a parameter nor mission_time' },
  MISSING_KEY: { severity: 'error', summary: 'a required key is missing (gate type or inputs, atleast k, signal pattern, …)' },
  UNKNOWN_GATE_TYPE: { severity: 'error', summary: 'a gate type the format does not define' },
  CONFLICTING_KEYS: { severity: 'error', summary: 'keys that exclude each other (two probability models, mttr and repair_rate, …)' },
  MISSING_PROBABILITY: { severity: 'error', summary: 'an event without a probability model' },
  INVALID_PATTERN: { severity: 'error', summary: 'an empty log pattern' },
  INVALID_REGEX: { severity: 'error', summary: 'a /regex/ that does not compile, or an unsupported flag' },
  UNSAFE_REGEX: { severity: 'warning', summary: 'a /regex/ at risk of catastrophic backtracking' },
  INVALID_SIGNAL: { severity: 'error', summary: 'a metric signal without a rule, or a change signal without service or kind' },
  INVALID_VALUE: { severity: 'error', summary: 'a value outside its allowed set (aggregate, distribution type)' },
  SIGNAL_NOT_INFORMATIVE: { severity: 'warning', summary: 'a signal whose sensitivity does not exceed its false-alarm rate' },
  INVALID_DISTRIBUTION: { severity: 'error', summary: 'an uncertainty distribution with missing or impossible parameters' },
  DUPLICATE_ID: { severity: 'error', summary: 'an id defined twice (across gates, events, houses, transfers, files)' },
  UNDEFINED_REFERENCE: { severity: 'error', summary: 'a gate input or transfer names an id that is not defined' },
  ARITY: { severity: 'error', summary: 'a gate with the wrong number of inputs for its type' },
  INVALID_K: { severity: 'error', summary: 'an atleast k outside 1..n, cardinality bounds outside 0..n, or k on another gate type' },
  CYCLE: { severity: 'error', summary: 'gates (or parameters) that depend on themselves' },
  DUPLICATE_INPUT: { severity: 'warning', summary: 'the same input listed twice on one gate' },
  UNUSED_GATE: { severity: 'warning', summary: 'a gate not reachable from the top event' },
  UNUSED_EVENT: { severity: 'warning', summary: 'an event not reachable from the top event' },
  UNUSED_HOUSE: { severity: 'warning', summary: 'a house event not reachable from the top event' },
  UNUSED_PARAMETER: { severity: 'warning', summary: 'a parameter no expression reads' },
  PROBABILITY_NEAR_ONE: { severity: 'warning', summary: 'a rate-based event whose probability over the mission time exceeds 0.999 (a unit slip?)' },
  CCF_INVALID: { severity: 'error', summary: 'a common-cause failure group whose members or factors do not fit its model (also in Open-PSA MEF)' },
  TRANSFER_NOT_FOUND: { severity: 'error', summary: 'a transfer names a file that cannot be read' },
  PATH_OUTSIDE_TREE: { severity: 'error', summary: "a transfer or include names a file outside the tree's own folder (allowed by the loader's allowOutsidePaths)" },
} as const satisfies Record<string, ErrorCodeInfo>;

export type TreeErrorCode = keyof typeof TREE_ERROR_CODES;

/** Problems of a run rather than of a place in a tree file (docs/error-codes.md, "Errors of a run"). */
export const RUN_ERROR_CODES = [
  'USAGE',
  'BAD_TIME',
  'OUTPUT_EXISTS',
  'OUTPUT_UNWRITABLE',
  'METRICS_UNREADABLE',
  'PROMETHEUS_FAILED',
  'BDD_NODE_LIMIT',
  'ZBDD_NODE_LIMIT',
  'SERVICE_GRAPH_INVALID',
  'TEMPLATE_INVALID',
] as const;

/** The Open-PSA MEF reader's own codes (src/parse/mef/README.md); it reports tree codes too. */
export const MEF_ERROR_CODES = ['MEF_XML_SYNTAX', 'MEF_INVALID', 'MEF_UNSUPPORTED', 'MEF_INCLUDE', 'MEF_INCLUDE_CYCLE', 'MEF_UNIT_MISMATCH', 'AMBIGUOUS_TOP', 'UNCERTAINTY_DROPPED'] as const;

/** The Galileo reader's own codes. */
export const GALILEO_ERROR_CODES = ['GALILEO_SYNTAX', 'GALILEO_DYNAMIC'] as const;

/** Every code a diagnostic can carry: the compiler refuses any other. */
export type ErrorCode = TreeErrorCode | (typeof RUN_ERROR_CODES)[number] | (typeof MEF_ERROR_CODES)[number] | (typeof GALILEO_ERROR_CODES)[number];

export const ERROR_CODES: readonly ErrorCode[] = [...(Object.keys(TREE_ERROR_CODES) as TreeErrorCode[]), ...RUN_ERROR_CODES, ...MEF_ERROR_CODES, ...GALILEO_ERROR_CODES];
