// The ftree library: load and validate trees without the CLI (`import { loadTree } from 'ftree'`).
export { loadTree, type LoadTreeOptions, type LoadTreeResult } from './model/load-tree.js';
export type * from './model/fault-tree.js';
export { FtreeError, EXIT, type Diagnostic, type Severity } from './model/diagnostic.js';
export { TREE_ERROR_CODES, type TreeErrorCode } from './model/error-codes.js';
export type { SourceSpan } from './model/source-span.js';
export { probabilityAt } from './model/probability-at.js';
export { parseDuration, parseRate } from './model/units.js';
