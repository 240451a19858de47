// `ftree diff`: its arguments, options and help (cli stage); src/cli/diff.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  [
    'ftree diff old.yaml trees/payment-latency.yaml',
    'ftree diff main:trees/payment-latency.yaml trees/payment-latency.yaml --format markdown',
    'ftree diff HEAD~1:trees/x.yaml HEAD:trees/x.yaml --format json',
  ],
  'A diff is informational: the exit code is 0 whatever changed (use ftree check to gate).',
);

export function diffCommand(program: Command, { globals, setExit }: CommandContext): Command {
  return program
    .command('diff')
    .description('what changed between two versions of a tree: structure, probabilities, P(top), single points of failure, cut sets')
    .argument('<old>', 'the old version: a tree file, or ref:path read from git (main:trees/x.yaml)')
    .argument('<new>', 'the new version: a tree file, or ref:path')
    .addOption(formatOption(['text', 'markdown', 'json'], 'text for the terminal, markdown for a pull-request comment, or json'))
    .option('--max-order <n>', 'compare the minimal cut sets of at most n events', '2')
    .addHelpText('after', HELP)
    .action(async (oldSpec: string, newSpec: string, opts) => {
      const { runDiff } = await import('../diff.js');
      setExit(await runDiff(oldSpec, newSpec, { ...opts, ...globals() }));
    });
}
