// `ftree import`: its arguments, options and help (cli stage); src/cli/import.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addOutputFileOptions, SCHEMA_OPTION } from '../option-groups.js';

const HELP = examplesHelp(
  ['ftree import model.xml -o trees/model.yaml', 'ftree import voting.dft --mission-time 1h -o trees/voting.yaml', 'ftree import tree.xml basic-events.xml -o model.yaml --schema ../schema/ftree.schema.json'],
  `Galileo: and, or, kofn and votk gates, basic events with prob= or lambda= (repair= optional, dorm=
ignored); dynamic gates (pand, por, spare, fdep, pdep, seq, mutex) are errors.`,
);

export function importCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('import')
    .description('convert an Open-PSA MEF model (SCRAM, XFTA) or a static Galileo model (Storm, DFTCalc) into an ftree YAML tree')
    .argument('<files...>', 'Open-PSA MEF XML files forming one model, or one Galileo .dft file');
  return addOutputFileOptions(command)
    .addOption(SCHEMA_OPTION())
    .option('--mission-time <duration>', "the mission time: MEF default the model's, else 1y; Galileo (rates per hour) default 1h")
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runImport } = await import('../import.js');
      setExit(await runImport(files, { ...opts, ...globals() }));
    });
}
