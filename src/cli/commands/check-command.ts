// `ftree check`: its arguments, options and help (cli stage); src/cli/check.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { CHECK_FORMATS } from '../../report/check-formats.js';
import { formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  [
    'ftree check trees/ --max-probability 1e-4 --no-single-points',
    'ftree check trees/ --format sarif > ftree.sarif        # GitHub code scanning',
    'ftree check trees/ --format junit > ftree-junit.xml    # GitLab, Jenkins',
    'ftree check trees/ --format github                     # annotations on a pull request',
  ],
  `Limits come from each tree's budget: block; command-line flags override them. Exit 1 when a limit
is broken or a tree is invalid, 0 otherwise.`,
);

export function checkCommand(program: Command, { globals, setExit }: CommandContext): Command {
  return program
    .command('check')
    .description('CI budgets: fail when P(top), a single point of failure or an importance breaks a limit')
    .argument('<paths...>', 'tree files (YAML or Open-PSA MEF XML) or folders (searched for *.yaml, *.yml)')
    .addOption(formatOption(Object.keys(CHECK_FORMATS)))
    .option('--max-probability <p>', 'largest acceptable P(top) (overrides budget.max_probability of each tree)')
    .option('--no-single-points', 'fail when a basic event causes the top event on its own (overrides budget.single_points)')
    .option('--max-importance <x>', 'largest acceptable Birnbaum importance P(T|x=1) − P(T|x=0) of any basic event (overrides budget.max_importance)')
    .addHelpText('after', HELP)
    .action(async (paths: string[], opts, cmd: Command) => {
      const { runCheck } = await import('../check.js');
      const noSinglePoints = cmd.getOptionValueSource('singlePoints') === 'cli' && opts.singlePoints === false;
      setExit(await runCheck(paths, { ...opts, noSinglePoints, ...globals() }));
    });
}
