// The output formats of `ftree check` (report stage): each name and its renderer, loaded only when
// chosen, so that `ftree --help` pays for none. The command's `--format` choices are these keys, in
// this order (the first is the default). A new format: its renderer in a file of its own, and one
// line here (docs/architecture.md, "How to extend").

import type { ChalkInstance } from 'chalk';
import type { CheckReport } from './check-result.js';

/** What a renderer may need beside the report. */
export interface CheckRenderContext {
  readonly chalk: ChalkInstance;
  /** Each file's text, for the code frames of the text format. */
  readonly sources: ReadonlyMap<string, string>;
  readonly now: Date;
  readonly hostname: string;
  /** The working folder, which CI runs in: the repository's root, for formats that want paths from it. */
  readonly cwd: string;
}

export type CheckRenderer = (report: CheckReport, context: CheckRenderContext) => string;

export const CHECK_FORMATS = {
  text: async (): Promise<CheckRenderer> => (await import('./check-text.js')).renderCheckText,
  json: async (): Promise<CheckRenderer> => {
    const { checkToJson } = await import('./check-json.js');
    return (report) => JSON.stringify(checkToJson(report), null, 2);
  },
  github: async (): Promise<CheckRenderer> => (await import('./check-github.js')).renderCheckGithub,
  junit: async (): Promise<CheckRenderer> => (await import('./check-junit.js')).renderCheckJunitAt,
  sarif: async (): Promise<CheckRenderer> => {
    const { checkToSarif } = await import('./check-sarif.js');
    return (report) => JSON.stringify(checkToSarif(report), null, 2);
  },
  gitlab: async (): Promise<CheckRenderer> => (await import('./check-gitlab.js')).renderCheckGitlab,
} as const satisfies Record<string, () => Promise<CheckRenderer>>;

export type CheckFormat = keyof typeof CHECK_FORMATS;
