// Signs of life from long engine steps (engine stage): the BDD and ZBDD node tables call
// `reportEngineProgress` as they grow (a doubling, so rarely), and the CLI, which alone may print,
// listens while a command runs. The engine itself never prints.

export type EngineProgressKind = 'bdd-nodes' | 'zbdd-nodes';
export type EngineProgressListener = (kind: EngineProgressKind, count: number) => void;

let listener: EngineProgressListener | undefined;

/** Sets (or with undefined clears) the one listener; returns the previous one. */
export function setEngineProgressListener(next: EngineProgressListener | undefined): EngineProgressListener | undefined {
  const previous = listener;
  listener = next;
  return previous;
}

export function reportEngineProgress(kind: EngineProgressKind, count: number): void {
  listener?.(kind, count);
}
