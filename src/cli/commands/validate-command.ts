// `ftree validate`: its arguments, options and help (cli stage); src/cli/validate.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { formatOption } from '../option-groups.js';

const HELP = examplesHelp(['ftree validate trees/', 'ftree validate trees/ --format github     # annotations on a pull request', 'ftree validate trees/payment-latency.yaml --strict']);

export function validateCommand(program: Command, { globals, setExit }: CommandContext): Command {
  return program
    .command('validate')
    .description('check tree files and report every problem at once')
    .argument('<paths...>', 'tree files (YAML or Open-PSA MEF XML) or folders (searched for *.yaml, *.yml)')
    .addOption(formatOption(['text', 'json', 'github']))
    .option('--strict', 'fail on warnings too')
    .addHelpText('after', HELP)
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('../validate.js');
      setExit(await runValidate(paths, { ...opts, ...globals() }));
    });
}
