// `ftree evidence`: its arguments, options and help (cli stage); src/cli/evidence.ts runs it.

import type { Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addEvidenceOptions, formatOption } from '../option-groups.js';

const HELP = examplesHelp([
  'ftree evidence trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z',
  'kubectl logs deploy/payments-api --since=2h | ftree evidence trees/payment-latency.yaml --logs - --since -1h',
  'ftree evidence trees/payment-latency.yaml --prometheus http://127.0.0.1:9090 --since -30m --format json',
]);

export function evidenceCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('evidence')
    .description('the state of every evidence signal of a tree over an incident window')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model');
  return addEvidenceOptions(command)
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      const { runEvidence } = await import('../evidence.js');
      setExit(await runEvidence(files, { ...opts, ...globals() }));
    });
}
