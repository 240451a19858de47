// `ftree calibrate`: its arguments, options and help (cli stage); src/cli/calibrate.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  ['ftree calibrate trees/payment-latency.yaml --history incidents.jsonl          # what would change', 'ftree calibrate trees/payment-latency.yaml --history incidents.csv --write    # write it'],
  `History records, one per incident: {"events": ["db_lock"], "start": "2026-03-01T10:00:00Z", "duration": "45m"}
and a line {"period": "2026-01-01..2026-07-01"}; or CSV with columns events (a;b), start, end or duration
and a line # period: 2026-01-01..2026-07-01. Records naming unknown events are listed, never dropped.`,
);

export function calibrateCommand(program: Command, { globals, setExit }: CommandContext): Command {
  return program
    .command('calibrate')
    .description('basic-event rates from an incident history: gamma–Poisson update, 90 % intervals, MTTR; writes only with --write')
    .argument('<tree>', 'a YAML tree file')
    .requiredOption('--history <file>', 'incidents: JSON lines or CSV naming root-cause events, start, end or duration, and the period covered')
    .option('--period <start..end>', 'the period the history covers (overrides its own statement)')
    .option('--write', 'write the new values into the tree file, keeping its comments and layout')
    .option('--prior-weight <n>', "weight of the tree's current value, in incidents (default 0.5)")
    .option('--timezone <zone>', 'zone of timestamps written without one', 'UTC')
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', HELP)
    .action(async (tree: string, opts) => {
      const { runCalibrate } = await import('../calibrate.js');
      setExit(await runCalibrate(tree, { ...opts, ...globals() }));
    });
}
