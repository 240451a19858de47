// Options that several commands share, declared once with one help text each (cli stage): the
// evidence and its incident window, the diagnosis settings, the output file, the engine limits and
// the output format. A command adds a group with one call.

import { type Command, Option } from 'commander';

interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string;
  /** Giving it turns `ftree analyze` into an incident diagnosis. */
  readonly selectsDiagnosis?: boolean;
}

/** Help heading of the evidence and diagnosis options. */
const EVIDENCE_HEADING = 'Evidence and incident window:';

/** Where evidence comes from, the window it is read over and how it is read (analyze, evidence, report). */
const EVIDENCE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--logs <paths...>', description: 'log files (plain or .gz), folders, or - for standard input', selectsDiagnosis: true },
  { flags: '--metrics <paths...>', description: 'metric files (CSV, Prometheus query_range JSON, OpenMetrics text) or folders of them', selectsDiagnosis: true },
  {
    flags: '--prometheus <url>',
    description: 'run each metric query on this Prometheus (auth: FTREE_PROMETHEUS_TOKEN, or FTREE_PROMETHEUS_USER and FTREE_PROMETHEUS_PASSWORD)',
    selectsDiagnosis: true,
  },
  { flags: '--changes <file>', description: 'deploys and config changes: JSON lines or CSV (time, service, kind, description)', selectsDiagnosis: true },
  { flags: '--since <time>', description: 'start of the incident window: ISO 8601, 10:05 (today), or -30m', selectsDiagnosis: true },
  { flags: '--until <time>', description: 'end of the window (default now)', selectsDiagnosis: true },
  { flags: '--baseline <length|range>', description: 'the baseline: a length just before the window (2h), START..END, or none (default: as long as the window)', selectsDiagnosis: true },
  { flags: '--timezone <zone>', description: 'zone of timestamps written without one: UTC, +02:00, Europe/Berlin', defaultValue: 'UTC' },
  { flags: '--no-templates', description: 'do not mine log templates (no unexplained evidence)' },
  { flags: '--step <duration>', description: 'Prometheus query resolution (default: range / 10,000, at least 15s)' },
  { flags: '--timeout <duration>', description: 'Prometheus: the time allowed for all queries together (default 30s); a server that is down is reported within 2 s' },
];

/** How the evidence is weighed in a diagnosis (analyze; report takes the onset). */
const DIAGNOSIS_OPTIONS = {
  onset: { flags: '--onset <time>', description: 'when the symptom began (default: its first signal, else the first fired signal, else --since)', selectsDiagnosis: true },
  sensitivity: { flags: '--sensitivity <p>', description: "P(fired | node true) for signals that set none, below the tree's defaults (built-in 0.9)", selectsDiagnosis: true },
  falseAlarm: { flags: '--false-alarm <p>', description: "P(fired | node false) for signals that set none, below the tree's defaults (built-in 0.05)", selectsDiagnosis: true },
  topObserved: {
    flags: '--top-observed <bool>',
    description: 'true: P(event | top occurred, evidence); false: P(event | evidence) and the risk P(top | evidence)',
    selectsDiagnosis: true,
  },
} as const satisfies Record<string, OptionSpec>;

/** Which gate, which mission time and how large a BDD (the analysis commands). */
const ENGINE_OPTIONS = {
  topEvent: { flags: '--top-event <id>', description: 'analyse this gate as the top event (a subtree, or a root of a MEF model with several)' },
  missionTime: { flags: '--mission-time <duration>', description: "Open-PSA MEF: the system mission time, such as 24h or 1y (default: the model's, else 1 y)" },
  maxBddNodes: { flags: '--max-bdd-nodes <n>', description: 'stop with an error when the BDD grows beyond n nodes (default 30 million)' },
} as const satisfies Record<string, OptionSpec>;

const OUTPUT_FILE_OPTIONS: readonly OptionSpec[] = [
  { flags: '-o, --output <file>', description: 'write to this file (default: standard output)' },
  { flags: '--force', description: 'replace the output file if it exists' },
];

function addOptions(command: Command, specs: readonly OptionSpec[], heading?: string): Command {
  for (const spec of specs) {
    const option = new Option(spec.flags, spec.description);
    if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
    if (heading) option.helpGroup(heading);
    command.addOption(option);
  }
  return command;
}

/** --logs, --metrics, --prometheus, --changes, the window (--since, --until, --baseline, --timezone) and how sources are read. */
export function addEvidenceOptions(command: Command): Command {
  return addOptions(command, EVIDENCE_OPTIONS, EVIDENCE_HEADING);
}

/** The diagnosis settings named (all of them by default). */
export function addDiagnosisOptions(command: Command, names: readonly (keyof typeof DIAGNOSIS_OPTIONS)[] = ['onset', 'sensitivity', 'falseAlarm', 'topObserved']): Command {
  return addOptions(command, names.map((n) => DIAGNOSIS_OPTIONS[n]), EVIDENCE_HEADING);
}

/** --top-event, --mission-time, --max-bdd-nodes, or the ones named. */
export function addEngineOptions(command: Command, names: readonly (keyof typeof ENGINE_OPTIONS)[] = ['topEvent', 'missionTime', 'maxBddNodes']): Command {
  return addOptions(command, names.map((n) => ENGINE_OPTIONS[n]));
}

/** -o, --output and --force. */
export function addOutputFileOptions(command: Command): Command {
  return addOptions(command, OUTPUT_FILE_OPTIONS);
}

/** `-f, --format` with its choices, and its default unless `mandatory`. */
export function formatOption(choices: readonly string[], description = 'output format', mandatory = false): Option {
  const option = new Option('-f, --format <format>', description).choices(choices);
  return mandatory ? option.makeOptionMandatory() : option.default(choices[0]);
}

const camelCase = (flags: string): string =>
  /--(?:no-)?([a-z-]+)/.exec(flags)![1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The options whose presence makes `ftree analyze` diagnose an incident, as flags and as option keys. */
export const DIAGNOSIS_SELECTORS: readonly { readonly flag: string; readonly key: string }[] = [...EVIDENCE_OPTIONS, ...Object.values(DIAGNOSIS_OPTIONS)]
  .filter((s) => s.selectsDiagnosis === true)
  .map((s) => ({ flag: s.flags.split(' ')[0]!, key: camelCase(s.flags) }));

/** --schema, for the commands that write a YAML tree (import, generate). */
export const SCHEMA_OPTION = (): Option => new Option('--schema <path>', 'add the yaml-language-server line pointing at this schema path');
