// `ftree analyze`: its arguments, options and help (cli stage). Without evidence src/cli/analyze.ts
// runs it; with any option of DIAGNOSIS_SELECTORS it is an incident diagnosis (src/cli/analyze-incident.ts).

import type { Command } from 'commander';
import { wrapWords } from '../../report/wrap-words.js';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addDiagnosisOptions, addEngineOptions, addEvidenceOptions, DIAGNOSIS_SELECTORS, formatOption } from '../option-groups.js';

/** Which options make analyze a diagnosis, said in its help from the same list the action reads. */
const DIAGNOSIS_HELP = wrapWords(
  `Without evidence: P(top) and the events ranked by P(x|T). With any of ${DIAGNOSIS_SELECTORS.map((s) => s.flag).join(', ')}, ` +
    'analyze diagnoses the incident instead, as ftree report does: suspects ranked by their probability given the evidence, ' +
    'next checks and a timeline (see docs/diagnosis.md). --format markdown is for a diagnosis only.',
  100,
);

const HELP = examplesHelp(
  [
    'ftree analyze trees/two-train.yaml',
    'ftree analyze trees/payment-gateway-outage.yaml --format json',
    'ftree analyze --limit 0 trees/payment-latency.yaml         # every event',
    'ftree analyze trees/payment-latency.yaml --top-event db_query_delay  # one subtree',
    'ftree analyze trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z',
    'ftree analyze trees/payment-latency.yaml --prometheus http://127.0.0.1:9090 --since -30m --format json',
  ],
      DIAGNOSIS_HELP,
);

export function analyzeCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('analyze')
    .description('exact probability of the top event and the ranking of basic events')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(formatOption(['text', 'json', 'markdown'], 'output format (markdown: with evidence)'))
    .option('--limit <n>', 'list the n most likely events, 0 lists all (default 20; with evidence 5 suspects)');
  addEngineOptions(command).option('--at <time>', 'P(top) at this time instead of the mission time, such as 24h, 30d or 1y (time-dependent events evaluated at it)');
  addDiagnosisOptions(addEvidenceOptions(command));
  return command
    .addHelpText('after', HELP)
    .action(async (files: string[], opts) => {
      if (DIAGNOSIS_SELECTORS.some((s) => opts[s.key] !== undefined)) {
        const { runAnalyzeIncident } = await import('../analyze-incident.js');
        setExit(await runAnalyzeIncident(files, { ...opts, ...globals() }));
        return;
      }
      if (opts.format === 'markdown') {
        const { usageError } = await import('../parse-options.js');
        throw usageError('--format markdown is for a diagnosis: give the incident window and evidence', 'for example --since 2026-11-20T10:05Z --logs app.log');
      }
      const { runAnalyze } = await import('../analyze.js');
      setExit(await runAnalyze(files, { ...opts, ...globals() }));
    });
}
