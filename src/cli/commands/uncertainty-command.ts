// `ftree uncertainty`: its arguments, options and help (cli stage); src/cli/uncertainty.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addEngineOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  ['ftree uncertainty trees/payment-latency.yaml', 'ftree uncertainty model.xml --trials 100000 --seed 7 --format json', 'ftree uncertainty trees/payment-latency.yaml --lhs --trials 2000'],
  `Events draw their \`distribution:\`; random parameters are drawn once per trial and every expression
reading them is evaluated again (Open-PSA MEF deviates likewise).`,
);

export function uncertaintyCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('uncertainty')
    .description('Monte Carlo uncertainty of P(top): mean, percentiles, error factor, histogram, tornado')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['text', 'json']))
    .option('-n, --trials <n>', 'number of trials (default 10,000)')
    .option('--seed <n>', 'seed of the random streams, 0 to 4294967295: a seed gives the same result on any machine (default 1)')
    .option('--lhs', 'Latin hypercube sampling instead of plain Monte Carlo')
    .option('--workers <n>', 'worker threads (default: the cores, at most 8, for long runs); the result does not depend on it')
    .option('--bins <n>', 'histogram bins (default 20)')
    .option('--limit <n>', 'rows of the tornado and sensitivity tables, 0 lists all (default 10)')
    .option('--no-sensitivity', 'skip the tornado and the Birnbaum importance at the means');
  return addEngineOptions(command)
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runUncertainty } = await import('../uncertainty.js');
      setExit(await runUncertainty(files, { ...opts, ...globals() }));
    });
}
