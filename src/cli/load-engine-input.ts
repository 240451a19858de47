// The tree an engine command analyses (cli stage): loadInput with the engine options that shape
// the tree, --top-event and --mission-time, as analyze, cutsets, importance and uncertainty take them.

import type { GlobalOptions } from './global-options.js';
import { loadInput, type LoadedInput } from './load-input.js';
import { parseMissionTime } from './parse-options.js';

export interface EngineInputOptions extends GlobalOptions {
  readonly topEvent?: string;
  readonly missionTime?: string;
}

export function loadEngineInput(files: readonly string[], options: EngineInputOptions): Promise<LoadedInput> {
  return loadInput(files, {
    allowOutsidePaths: options.allowOutsidePaths,
    color: options.color !== false,
    ...(options.topEvent !== undefined ? { top: options.topEvent } : {}),
    ...(options.missionTime !== undefined ? { missionTime: parseMissionTime(options.missionTime) } : {}),
  });
}
