// `ftree report`: its arguments, options and help (cli stage); src/cli/report.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addDiagnosisOptions, addEngineOptions, addEvidenceOptions, addOutputFileOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp(
  [
    'ftree report trees/payment-latency.yaml -o postmortem.md',
    'ftree report trees/payment-latency.yaml --format html -o postmortem.html',
    'ftree report trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z --format html -o postmortem.html',
  ],
  `Without evidence the suspects are ranked by P(x|T); with evidence (--logs, --metrics, --prometheus,
--changes) the report is the incident's diagnosis, as ftree analyze gives it.`,
);

export function reportCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('report')
    .description('a postmortem section: suspects, next checks, cut sets, timeline, and a diagram of the tree')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['markdown', 'html'], 'markdown (with a Mermaid diagram) or html (one self-contained file with an SVG drawing)'));
  addOutputFileOptions(command).option('--limit <n>', 'list the n most likely suspects', '10');
  addEngineOptions(command, ['topEvent']);
  addDiagnosisOptions(addEvidenceOptions(command), ['onset']);
  return command
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runReport } = await import('../report.js');
      setExit(await runReport(files, { ...opts, ...globals() }, process.argv.slice(2)));
    });
}
