// A size limit of the engine reached (engine stage): the BDD's node table, one gate's memo, the
// ZBDD of the cut sets or its steps. The error carries which limit and its value; src/cli/ adds the
// hint that names the option changing it, so the engine never speaks of command-line flags.

import { FtreeError } from '../model/diagnostic.js';

/** `bdd-nodes`: the BDD's node table; `bdd-memo`: one gate's apply memo; `zbdd-nodes`, `zbdd-steps`: the cut sets' ZBDD. */
export type EngineLimit = 'bdd-nodes' | 'bdd-memo' | 'zbdd-nodes' | 'zbdd-steps';

export class EngineLimitError extends FtreeError {
  constructor(
    readonly limit: EngineLimit,
    /** The value of the limit that was passed. */
    readonly max: number,
    message: string,
    hint?: string,
  ) {
    super({ code: limit.startsWith('bdd') ? 'BDD_NODE_LIMIT' : 'ZBDD_NODE_LIMIT', severity: 'error', message, ...(hint ? { hint } : {}) });
    this.name = 'EngineLimitError';
  }

  /** Which diagram outgrew its limit: the BDD (probability, importance) or the ZBDD (cut sets). */
  get diagram(): 'bdd' | 'zbdd' {
    return this.limit.startsWith('bdd') ? 'bdd' : 'zbdd';
  }
}

/** True when `e` is a limit of that diagram: callers that can do without it (cut sets in an importance table) catch only these. */
export function isEngineLimit(e: unknown, diagram: 'bdd' | 'zbdd'): e is EngineLimitError {
  return e instanceof EngineLimitError && e.diagram === diagram;
}
