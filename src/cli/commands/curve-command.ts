// `ftree curve`: its arguments, options and help (cli stage); src/cli/curve.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addEngineOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  ['ftree curve trees/two-train.yaml --to 1y', 'ftree curve model.xml --from 0 --to 10y --points 100 --format json'],
  `Rate, repairable, Weibull and periodic-test events, and expressions of mission_time (of the system,
--mission-time for an Open-PSA MEF model), are evaluated at each time; events with a mission time of
their own keep it.`,
);

export function curveCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('curve')
    .description('P(top) as a function of time, with its limit as t → ∞ (steady state)')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['text', 'table', 'plot', 'json'], 'text: chart and table; table; plot: the chart; json'))
    .option('--from <time>', 'first time, such as 0, 8h or 30d (default 0)')
    .option('--to <time>', 'last time (default: the mission time)')
    .option('--points <n>', 'number of times, evenly spaced (default 50)');
  return addEngineOptions(command)
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runCurve } = await import('../curve.js');
      setExit(await runCurve(files, { ...opts, ...globals() }));
    });
}
