// `ftree export`: its arguments, options and help (cli stage); src/cli/export.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { EXPORT_FORMATS } from '../../report/export-formats.js';
import { addOutputFileOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp([
  'ftree export trees/two-train.yaml --format mef -o two-train.xml && scram two-train.xml',
  'ftree export trees/payment-latency.yaml --format json',
  'ftree export trees/payment-latency.yaml --format mermaid    # a flowchart for Markdown',
  'ftree export trees/two-train.yaml --format dot | dot -Tsvg > two-train.svg',
]);

export function exportCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('export')
    .description('write a tree as Open-PSA MEF XML (for SCRAM, XFTA), YAML, JSON, or a Mermaid or Graphviz DOT diagram')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(Object.keys(EXPORT_FORMATS), 'output format', true));
  return addOutputFileOptions(command)
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runExport } = await import('../export.js');
      setExit(await runExport(files, { ...opts, ...globals() }));
    });
}
