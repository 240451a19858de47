// What a command declaration needs from the program (cli stage): the global options as parsed, and
// where to leave its exit code (src/cli/main.ts sets the process's once the command ends).

import type { GlobalOptions } from './global-options.js';

export interface CommandContext {
  readonly globals: () => GlobalOptions;
  readonly setExit: (code: number) => void;
}

/** The "Examples:" block after a command's help, with an optional paragraph before it. */
export function examplesHelp(examples: readonly string[], preface?: string): string {
  return `\n${preface ? `${preface}\n\n` : ''}Examples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`;
}
