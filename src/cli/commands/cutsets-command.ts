// `ftree cutsets`: its arguments, options and help (cli stage); src/cli/cutsets.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addEngineOptions, addOutputFileOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  [
    'ftree cutsets trees/two-train.yaml',
    'ftree cutsets model.xml basic-events.xml --max-order 4 --cutoff 1e-12',
    'ftree cutsets model.xml --format csv -o cut-sets.csv      # every set, by probability',
    'ftree cutsets test/fixtures/cutsets/interlock.yaml --prime-implicants',
  ],
  `Cut sets of a non-coherent tree (not, xor, nand, nor, iff, imply, cardinality) are, as in SCRAM, the
minimal sets of failed events that cause the top event while every other event works.`,
);

export function cutsetsCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('cutsets')
    .description('minimal cut sets (or prime implicants) by probability, with counts per order and approximations')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['text', 'json', 'csv'], 'output format (json and csv stream every set)'))
    .option('--max-order <n>', 'keep cut sets of at most n events, pruned while they are built (0: no limit)', '20')
    .option('--cutoff <p>', 'drop cut sets whose probability is below p')
    .option('--limit <n>', 'text: rows of the table (default 20, 0 lists all); json/csv: only the n most probable (default all)')
    .option('--prime-implicants', 'prime implicants (events that fail and events that work, ¬x) instead of cut sets; differs on non-coherent trees');
  return addEngineOptions(addOutputFileOptions(command))
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runCutsets } = await import('../cutsets.js');
      setExit(await runCutsets(files, { ...opts, ...globals() }));
    });
}
