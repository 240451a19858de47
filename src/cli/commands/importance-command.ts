// `ftree importance`: its arguments, options and help (cli stage); src/cli/importance.ts runs it.

import { type Command, Option } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addEngineOptions, addOutputFileOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  ['ftree importance trees/two-train.yaml', 'ftree importance model.xml basic-events.xml --sort raw --limit 10', 'ftree importance trees/payment-latency.yaml --format csv -o importance.csv'],
  `Measures (docs/algorithms.md): Birnbaum P(T|x) − P(T|¬x); criticality Birnbaum·q/P(T);
Fussell–Vesely P(⋃ minimal cut sets containing x)/P(T); RAW P(T|x)/P(T); RRW P(T)/P(T|¬x) (∞ when
every cut set contains x); P(x|T) = q·P(T|x)/P(T); occurrences in the minimal cut sets (all orders).`,
);

export function importanceCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('importance')
    .description('importance of every basic event: Birnbaum, criticality, Fussell–Vesely, RAW, RRW, P(x|T)')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['text', 'json', 'csv']))
    .addOption(new Option('--sort <measure>', 'rank events by this measure').choices(['birnbaum', 'criticality', 'fv', 'raw', 'rrw', 'posterior', 'prior']).default('criticality'))
    .option('--limit <n>', 'text: events listed (default 20, 0 lists all)');
  return addEngineOptions(addOutputFileOptions(command))
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runImportance } = await import('../importance.js');
      setExit(await runImportance(files, { ...opts, ...globals() }));
    });
}
