// The command line (cli stage): declares every command, loads its implementation lazily, and maps
// errors to exit codes. Only src/cli/ reads argv, prints to the terminal and sets the exit code.

import { Argument, Command, CommanderError, Option } from 'commander';
import { EXIT, FtreeError, isFtreeError } from '../model/diagnostic.js';
import { VERSION } from '../version.js';
import { checkCommandLine, explainMissingArgument } from './explain-usage.js';
import { printFatal, printInternalError } from './output.js';

/** Options every command sees (declared on the program). */
export interface GlobalOptions {
  readonly debug?: boolean;
  readonly color?: boolean;
  /** Let trees name files outside their own folder (transfers, MEF includes). */
  readonly allowOutsidePaths?: boolean;
}

const EXIT_CODES_HELP =
  'Exit codes: 0 ok · 1 invalid input or failed check · 2 usage error · 3 data source failed · 70 internal error';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('ftree')
    .description('Fault-tree analysis and incident diagnosis')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--allow-outside-paths', 'trusted trees only: follow transfers and includes to files outside the tree\'s folder')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ ftree validate trees/
  $ ftree analyze trees/two-train.yaml
  $ ftree analyze model.xml --format json

${EXIT_CODES_HELP}`,
    );

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command('validate')
    .description('check tree files and report every problem at once')
    .argument('<paths...>', 'tree files (YAML or Open-PSA MEF XML) or folders (searched for *.yaml, *.yml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'fail on warnings too')
    .addHelpText(
      'after',
      `
Examples:
  $ ftree validate trees/
  $ ftree validate trees/ --format github     # annotations on a pull request
  $ ftree validate trees/payment-latency.yaml --strict`,
    )
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('./validate.js');
      setExit(await runValidate(paths, { ...opts, ...globals() }));
    });

  program
    .command('analyze')
    .description('exact probability of the top event and the ranking of basic events')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'output format (markdown: with evidence)').choices(['text', 'json', 'markdown']).default('text'))
    .option('--limit <n>', 'list the n most likely events, 0 lists all (default 20; with evidence 5 suspects)')
    .option('--top-event <id>', 'analyse this gate as the top event (a subtree, or a root of a MEF model with several)')
    .option('--mission-time <duration>', 'Open-PSA MEF: the system mission time, such as 24h or 1y (default: the model\'s, else 1 y)')
    .option('--max-bdd-nodes <n>', 'stop with an error when the BDD grows beyond n nodes (default 30 million)')
    .option('--at <time>', 'P(top) at this time instead of the mission time, such as 24h, 30d or 1y (time-dependent events evaluated at it)')
    .option('--logs <paths...>', 'evidence: log files (plain or .gz), folders, or - for standard input')
    .option('--metrics <paths...>', 'evidence: metric files (CSV, Prometheus query_range JSON, OpenMetrics text) or folders of them')
    .option('--prometheus <url>', 'evidence: run each metric query on this Prometheus (auth as for ftree evidence)')
    .option('--changes <file>', 'evidence: deploys and config changes, JSON lines or CSV')
    .option('--since <time>', 'start of the incident window: ISO 8601, 10:05 (today), or -30m')
    .option('--until <time>', 'end of the window (default now)')
    .option('--baseline <length|range>', 'the baseline: a length just before the window (2h), START..END, or none')
    .option('--timezone <zone>', 'zone of timestamps written without one', 'UTC')
    .option('--no-templates', 'do not mine log templates (no unexplained evidence)')
    .option('--step <duration>', 'Prometheus query resolution')
    .option('--timeout <duration>', 'Prometheus: the time allowed for all queries together (default 30s); a server that is down is reported within 2 s')
    .option('--onset <time>', 'when the symptom began (default: its first signal, else the first fired signal, else --since)')
    .option('--sensitivity <p>', 'P(fired | node true) for signals that set none, below the tree\'s defaults (built-in 0.9)')
    .option('--false-alarm <p>', 'P(fired | node false) for signals that set none, below the tree\'s defaults (built-in 0.05)')
    .option('--top-observed <bool>', 'true: P(event | top occurred, evidence); false: P(event | evidence) and the risk P(top | evidence)')
    .addHelpText(
      'after',
      `
Examples:
  $ ftree analyze trees/two-train.yaml
  $ ftree analyze trees/payment-gateway-outage.yaml --format json
  $ ftree analyze --limit 0 trees/payment-latency.yaml         # every event
  $ ftree analyze trees/payment-latency.yaml --top-event db_query_delay  # one subtree
  $ ftree analyze trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z
  $ ftree analyze trees/payment-latency.yaml --prometheus http://127.0.0.1:9090 --since -30m --format json`,
    )
    .action(async (files: string[], opts) => {
      // Any evidence option turns the analysis into an incident diagnosis (src/cli/analyze-incident.ts).
      const incident = ['logs', 'metrics', 'prometheus', 'changes', 'since', 'until', 'baseline', 'onset', 'sensitivity', 'falseAlarm', 'topObserved'];
      if (incident.some((k) => opts[k] !== undefined)) {
        const { runAnalyzeIncident } = await import('./analyze-incident.js');
        setExit(await runAnalyzeIncident(files, { ...opts, ...globals() }));
        return;
      }
      if (opts.format === 'markdown') throw new FtreeError({ code: 'USAGE', severity: 'error', message: '--format markdown is for a diagnosis: give the incident window and evidence', hint: 'for example --since 2026-11-20T10:05Z --logs app.log' }, EXIT.usage);
      const { runAnalyze } = await import('./analyze.js');
      setExit(await runAnalyze(files, { ...opts, ...globals() }));
    });

  program
    .command('cutsets')
    .description('minimal cut sets (or prime implicants) by probability, with counts per order and approximations')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'output format (json and csv stream every set)').choices(['text', 'json', 'csv']).default('text'))
    .option('--max-order <n>', 'keep cut sets of at most n events, pruned while they are built (0: no limit)', '20')
    .option('--cutoff <p>', 'drop cut sets whose probability is below p')
    .option('--limit <n>', 'text: rows of the table (default 20, 0 lists all); json/csv: only the n most probable (default all)')
    .option('--prime-implicants', 'prime implicants (events that fail and events that work, ¬x) instead of cut sets; differs on non-coherent trees')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .option('--top-event <id>', 'analyse this gate as the top event')
    .option('--mission-time <duration>', 'Open-PSA MEF: the system mission time, such as 24h or 1y')
    .option('--max-bdd-nodes <n>', 'stop with an error when the BDD grows beyond n nodes')
    .addHelpText(
      'after',
      `
Cut sets of a non-coherent tree (not, xor, nand, nor, iff, imply, cardinality) are, as in SCRAM, the
minimal sets of failed events that cause the top event while every other event works.

Examples:
  $ ftree cutsets trees/two-train.yaml
  $ ftree cutsets model.xml basic-events.xml --max-order 4 --cutoff 1e-12
  $ ftree cutsets model.xml --format csv -o cut-sets.csv      # every set, by probability
  $ ftree cutsets test/fixtures/cutsets/interlock.yaml --prime-implicants`,
    )
    .action(async (files: string[], opts) => {
      const { runCutsets } = await import('./cutsets.js');
      setExit(await runCutsets(files, { ...opts, ...globals() }));
    });

  program
    .command('importance')
    .description('importance of every basic event: Birnbaum, criticality, Fussell–Vesely, RAW, RRW, P(x|T)')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addOption(new Option('--sort <measure>', 'rank events by this measure').choices(['birnbaum', 'criticality', 'fv', 'raw', 'rrw', 'posterior', 'prior']).default('criticality'))
    .option('--limit <n>', 'text: events listed (default 20, 0 lists all)')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .option('--top-event <id>', 'analyse this gate as the top event')
    .option('--mission-time <duration>', 'Open-PSA MEF: the system mission time, such as 24h or 1y')
    .option('--max-bdd-nodes <n>', 'stop with an error when the BDD grows beyond n nodes')
    .addHelpText(
      'after',
      `
Measures (docs/algorithms.md): Birnbaum P(T|x) − P(T|¬x); criticality Birnbaum·q/P(T);
Fussell–Vesely P(⋃ minimal cut sets containing x)/P(T); RAW P(T|x)/P(T); RRW P(T)/P(T|¬x) (∞ when
every cut set contains x); P(x|T) = q·P(T|x)/P(T); occurrences in the minimal cut sets (all orders).

Examples:
  $ ftree importance trees/two-train.yaml
  $ ftree importance model.xml basic-events.xml --sort raw --limit 10
  $ ftree importance trees/payment-latency.yaml --format csv -o importance.csv`,
    )
    .action(async (files: string[], opts) => {
      const { runImportance } = await import('./importance.js');
      setExit(await runImportance(files, { ...opts, ...globals() }));
    });

  program
    .command('evidence')
    .description('the state of every evidence signal of a tree over an incident window')
    .argument('<tree>', 'a YAML tree (or Open-PSA MEF XML files)')
    .option('--logs <paths...>', 'log files (plain or .gz), folders, or - for standard input')
    .option('--metrics <paths...>', 'metric files (CSV, Prometheus query_range JSON, OpenMetrics text) or folders of them')
    .option('--prometheus <url>', 'run each metric query on this Prometheus (auth: FTREE_PROMETHEUS_TOKEN, or FTREE_PROMETHEUS_USER and FTREE_PROMETHEUS_PASSWORD)')
    .option('--changes <file>', 'deploys and config changes: JSON lines or CSV (time, service, kind, description)')
    .option('--since <time>', 'start of the incident window: ISO 8601, 10:05 (today), or -30m')
    .option('--until <time>', 'end of the window (default now)')
    .option('--baseline <length|range>', 'the baseline: a length just before the window (2h), START..END, or none (default: as long as the window)')
    .option('--timezone <zone>', 'zone of timestamps written without one: UTC, +02:00, Europe/Berlin', 'UTC')
    .option('--no-templates', 'do not mine log templates (no unexplained evidence)')
    .option('--step <duration>', 'Prometheus query resolution (default: range / 10,000, at least 15s)')
    .option('--timeout <duration>', 'Prometheus: the time allowed for all queries together (default 30s); a server that is down is reported within 2 s')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ ftree evidence trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z
  $ kubectl logs deploy/payments-api --since=2h | ftree evidence trees/payment-latency.yaml --logs - --since -1h
  $ ftree evidence trees/payment-latency.yaml --prometheus http://127.0.0.1:9090 --since -30m --format json`,
    )
    .action(async (tree: string, opts) => {
      const { runEvidence } = await import('./evidence.js');
      setExit(await runEvidence([tree], { ...opts, ...globals() }));
    });

  program
    .command('import')
    .description('convert an Open-PSA MEF model (SCRAM, XFTA) or a static Galileo model (Storm, DFTCalc) into an ftree YAML tree')
    .argument('<files...>', 'Open-PSA MEF XML files forming one model, or one Galileo .dft file')
    .option('-o, --output <file>', 'write the tree to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .option('--schema <path>', 'add the yaml-language-server line pointing at this schema path')
    .option('--mission-time <duration>', 'the mission time: MEF default the model\'s, else 1y; Galileo (rates per hour) default 1h')
    .addHelpText(
      'after',
      `
Galileo: and, or, kofn and votk gates, basic events with prob= or lambda= (repair= optional, dorm=
ignored); dynamic gates (pand, por, spare, fdep, pdep, seq, mutex) are errors.

Examples:
  $ ftree import model.xml -o trees/model.yaml
  $ ftree import voting.dft --mission-time 1h -o trees/voting.yaml
  $ ftree import tree.xml basic-events.xml -o model.yaml --schema ../schema/ftree.schema.json`,
    )
    .action(async (files: string[], opts) => {
      const { runImport } = await import('./import.js');
      setExit(await runImport(files, { ...opts, ...globals() }));
    });

  program
    .command('generate')
    .description('a commented YAML tree from a service dependency graph: edge list, adjacency matrix, Jaeger JSON, or Prometheus')
    .argument('[graph]', 'an edge list (CSV caller,callee[,calls] or YAML), an adjacency-matrix CSV (row calls column), or Jaeger dependencies JSON')
    .option('--prometheus <url>', 'read service-graph metrics from this Prometheus instead of a file (auth as for ftree evidence)')
    .addOption(new Option('--service-graph <kind>', 'the metric and labels: otel (traces_service_graph_request_total{client,server}) or istio (istio_requests_total{source_workload,destination_workload})').choices(['otel', 'istio']).default('otel'))
    .option('--metric <name>', 'the service-graph counter (overrides --service-graph)')
    .option('--caller-label <label>', 'its label naming the caller')
    .option('--callee-label <label>', 'its label naming the callee')
    .option('--since <time>', 'Prometheus: start of the window whose calls count', '-1h')
    .option('--until <time>', 'Prometheus: end of the window (default now)')
    .option('--timezone <zone>', 'zone of times written without one', 'UTC')
    .option('--step <duration>', 'Prometheus query resolution')
    .option('--timeout <duration>', 'Prometheus time limit per request (default 30s)')
    .option('--top <services...>', 'the top services (default: every entry service, one nobody calls)')
    .option('--template <name|file>', 'evidence per service: none, petshop, otel, istio, or a YAML template file', 'none')
    .option('--propagation <p>', 'probability that a callee\'s failure reaches its caller (1: plain inputs)', '0.5')
    .addOption(new Option('--aspects <mode>', 'several aspects (latency, availability): independent, one cone and one fault event per service and aspect; shared, views of one failure state per service').choices(['shared', 'independent']).default('independent'))
    .option('--probability <p>', 'prior probability of each service\'s own fault over the mission time', '0.01')
    .option('--mission-time <duration>', 'the mission time of the tree', '24h')
    .option('--name <slug>', 'the tree\'s name (default: from the graph file)')
    .option('-o, --output <file>', 'write the tree to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .option('--schema <path>', 'add the yaml-language-server line pointing at this schema path')
    .addHelpText(
      'after',
      `
Each service gets, per aspect of the template, a root-cause event and a gate OR(that event, each
callee's gate of the same aspect passed up with probability --propagation); with --aspects shared
the aspects are views of one failure state per service (one event, one propagation per call). Cycles
are broken with a warning naming them. The output validates with no warnings, and the same graph gives the same bytes.

Examples:
  $ ftree generate graph.csv --template petshop -o trees/petshop.yaml
  $ ftree generate edges.csv --top checkout --propagation 0.3
  $ ftree generate --prometheus http://127.0.0.1:9090 --since -24h --template otel -o tree.yaml
  $ ftree generate --prometheus http://127.0.0.1:9090 --service-graph istio --template istio`,
    )
    .action(async (graph: string | undefined, opts) => {
      const { runGenerate } = await import('./generate.js');
      setExit(await runGenerate(graph, { ...opts, ...globals() }));
    });

  program
    .command('calibrate')
    .description('basic-event rates from an incident history: gamma–Poisson update, 90 % intervals, MTTR; writes only with --write')
    .argument('<tree>', 'a YAML tree file')
    .requiredOption('--history <file>', 'incidents: JSON lines or CSV naming root-cause events, start, end or duration, and the period covered')
    .option('--period <start..end>', 'the period the history covers (overrides its own statement)')
    .option('--write', 'write the new values into the tree file, keeping its comments and layout')
    .option('--prior-weight <n>', 'weight of the tree\'s current value, in incidents (default 0.5)')
    .option('--timezone <zone>', 'zone of timestamps written without one', 'UTC')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
History records, one per incident: {"events": ["db_lock"], "start": "2026-03-01T10:00:00Z", "duration": "45m"}
and a line {"period": "2026-01-01..2026-07-01"}; or CSV with columns events (a;b), start, end or duration
and a line # period: 2026-01-01..2026-07-01. Records naming unknown events are listed, never dropped.

Examples:
  $ ftree calibrate trees/payment-latency.yaml --history incidents.jsonl          # what would change
  $ ftree calibrate trees/payment-latency.yaml --history incidents.csv --write    # write it`,
    )
    .action(async (tree: string, opts) => {
      const { runCalibrate } = await import('./calibrate.js');
      setExit(await runCalibrate(tree, { ...opts, ...globals() }));
    });

  program
    .command('export')
    .description('write a tree as Open-PSA MEF XML (for SCRAM, XFTA), YAML, JSON, or a Mermaid or Graphviz DOT diagram')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mef', 'yaml', 'json', 'mermaid', 'dot']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ ftree export trees/two-train.yaml --format mef -o two-train.xml && scram two-train.xml
  $ ftree export trees/payment-latency.yaml --format json
  $ ftree export trees/payment-latency.yaml --format mermaid    # a flowchart for Markdown
  $ ftree export trees/two-train.yaml --format dot | dot -Tsvg > two-train.svg`,
    )
    .action(async (files: string[], opts) => {
      const { runExport } = await import('./export.js');
      setExit(await runExport(files, { ...opts, ...globals() }));
    });

  program
    .command('report')
    .description('a postmortem section: suspects, next checks, cut sets, timeline, and a diagram of the tree')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'markdown (with a Mermaid diagram) or html (one self-contained file with an SVG drawing)').choices(['markdown', 'html']).default('markdown'))
    .option('-o, --output <file>', 'write the report to this file (default: standard output)')
    .option('--force', 'replace the output file if it exists')
    .option('--limit <n>', 'list the n most likely suspects', '10')
    .option('--top-event <id>', 'report on the subtree below this gate')
    .option('--logs <paths...>', 'evidence: log files (plain or .gz), folders, or - for standard input')
    .option('--metrics <paths...>', 'evidence: metric files (CSV, Prometheus query_range JSON, OpenMetrics text) or folders of them')
    .option('--prometheus <url>', 'evidence: run each metric query on this Prometheus (auth as for ftree evidence)')
    .option('--changes <file>', 'evidence: deploys and config changes, JSON lines or CSV')
    .option('--since <time>', 'start of the incident window: ISO 8601, 10:05 (today), or -30m')
    .option('--until <time>', 'end of the window (default now)')
    .option('--baseline <length|range>', 'the baseline: a length just before the window (2h), START..END, or none')
    .option('--timezone <zone>', 'zone of timestamps written without one: UTC, +02:00, Europe/Berlin', 'UTC')
    .option('--no-templates', 'do not mine log templates')
    .option('--step <duration>', 'Prometheus query resolution')
    .option('--timeout <duration>', 'Prometheus: the time allowed for all queries together (default 30s); a server that is down is reported within 2 s')
    .addHelpText(
      'after',
      `
Without evidence the suspects are ranked by P(x|T); with evidence (--logs, --metrics, --prometheus,
--changes) the report is the incident's diagnosis, as ftree analyze gives it.

Examples:
  $ ftree report trees/payment-latency.yaml -o postmortem.md
  $ ftree report trees/payment-latency.yaml --format html -o postmortem.html
  $ ftree report trees/payment-latency.yaml --logs app.log --metrics m.csv --since 2026-11-20T10:05Z --until 2026-11-20T10:35Z --format html -o postmortem.html`,
    )
    .action(async (files: string[], opts) => {
      const { runReport } = await import('./report.js');
      setExit(await runReport(files, { ...opts, ...globals() }, process.argv.slice(2)));
    });

  program
    .command('check')
    .description('CI budgets: fail when P(top), a single point of failure or an importance breaks a limit')
    .argument('<paths...>', 'tree files (YAML or Open-PSA MEF XML) or folders (searched for *.yaml, *.yml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'junit', 'sarif']).default('text'))
    .option('--max-probability <p>', 'largest acceptable P(top) (overrides budget.max_probability of each tree)')
    .option('--no-single-points', 'fail when a basic event causes the top event on its own (overrides budget.single_points)')
    .option('--max-importance <x>', 'largest acceptable Birnbaum importance P(T|x=1) − P(T|x=0) of any basic event (overrides budget.max_importance)')
    .addHelpText(
      'after',
      `
Limits come from each tree's budget: block; command-line flags override them. Exit 1 when a limit
is broken or a tree is invalid, 0 otherwise.

Examples:
  $ ftree check trees/ --max-probability 1e-4 --no-single-points
  $ ftree check trees/ --format sarif > ftree.sarif        # GitHub code scanning
  $ ftree check trees/ --format junit > ftree-junit.xml    # GitLab, Jenkins
  $ ftree check trees/ --format github                     # annotations on a pull request`,
    )
    .action(async (paths: string[], opts, cmd: Command) => {
      const { runCheck } = await import('./check.js');
      const noSinglePoints = cmd.getOptionValueSource('singlePoints') === 'cli' && opts.singlePoints === false;
      setExit(await runCheck(paths, { ...opts, noSinglePoints, ...globals() }));
    });

  program
    .command('diff')
    .description('what changed between two versions of a tree: structure, probabilities, P(top), single points of failure, cut sets')
    .argument('<old>', 'the old version: a tree file, or ref:path read from git (main:trees/x.yaml)')
    .argument('<new>', 'the new version: a tree file, or ref:path')
    .addOption(new Option('-f, --format <format>', 'text for the terminal, markdown for a pull-request comment, or json').choices(['text', 'markdown', 'json']).default('text'))
    .option('--max-order <n>', 'compare the minimal cut sets of at most n events', '2')
    .addHelpText(
      'after',
      `
A diff is informational: the exit code is 0 whatever changed (use ftree check to gate).

Examples:
  $ ftree diff old.yaml trees/payment-latency.yaml
  $ ftree diff main:trees/payment-latency.yaml trees/payment-latency.yaml --format markdown
  $ ftree diff HEAD~1:trees/x.yaml HEAD:trees/x.yaml --format json`,
    )
    .action(async (oldSpec: string, newSpec: string, opts) => {
      const { runDiff } = await import('./diff.js');
      setExit(await runDiff(oldSpec, newSpec, { ...opts, ...globals() }));
    });

  program
    .command('uncertainty')
    .description('Monte Carlo uncertainty of P(top): mean, percentiles, error factor, histogram, tornado')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-n, --trials <n>', 'number of trials (default 10,000)')
    .option('--seed <n>', 'seed of the random streams, 0 to 4294967295: a seed gives the same result on any machine (default 1)')
    .option('--lhs', 'Latin hypercube sampling instead of plain Monte Carlo')
    .option('--workers <n>', 'worker threads (default: the cores, at most 8, for long runs); the result does not depend on it')
    .option('--bins <n>', 'histogram bins (default 20)')
    .option('--limit <n>', 'rows of the tornado and sensitivity tables, 0 lists all (default 10)')
    .option('--no-sensitivity', 'skip the tornado and the Birnbaum importance at the means')
    .option('--top-event <id>', 'analyse this gate as the top event')
    .option('--mission-time <duration>', 'Open-PSA MEF: the system mission time, such as 24h or 1y')
    .option('--max-bdd-nodes <n>', 'stop with an error when the BDD grows beyond n nodes')
    .addHelpText(
      'after',
      `
Events draw their \`distribution:\`; random parameters are drawn once per trial and every expression
reading them is evaluated again (Open-PSA MEF deviates likewise).

Examples:
  $ ftree uncertainty trees/payment-latency.yaml
  $ ftree uncertainty model.xml --trials 100000 --seed 7 --format json
  $ ftree uncertainty trees/payment-latency.yaml --lhs --trials 2000`,
    )
    .action(async (files: string[], opts) => {
      const { runUncertainty } = await import('./uncertainty.js');
      setExit(await runUncertainty(files, { ...opts, ...globals() }));
    });

  program
    .command('curve')
    .description('P(top) as a function of time, with its limit as t → ∞ (steady state)')
    .argument('<files...>', 'a YAML tree, or Open-PSA MEF XML files forming one model')
    .addOption(new Option('-f, --format <format>', 'text: chart and table; table; plot: the chart; json').choices(['text', 'table', 'plot', 'json']).default('text'))
    .option('--from <time>', 'first time, such as 0, 8h or 30d (default 0)')
    .option('--to <time>', 'last time (default: the mission time)')
    .option('--points <n>', 'number of times, evenly spaced (default 50)')
    .option('--top-event <id>', 'analyse this gate as the top event')
    .option('--mission-time <duration>', 'Open-PSA MEF: the system mission time (models that use it follow t)')
    .option('--max-bdd-nodes <n>', 'stop with an error when the BDD grows beyond n nodes')
    .addHelpText(
      'after',
      `
Rate, repairable, Weibull and periodic-test events, and expressions of mission_time, are evaluated
at each time; events with a mission time of their own keep it.

Examples:
  $ ftree curve trees/two-train.yaml --to 1y
  $ ftree curve model.xml --from 0 --to 10y --points 100 --format json`,
    )
    .action(async (files: string[], opts) => {
      const { runCurve } = await import('./curve.js');
      setExit(await runCurve(files, { ...opts, ...globals() }));
    });

  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ ftree completion bash > ~/.local/share/bash-completion/completions/ftree
  $ ftree completion zsh > "\${fpath[1]}/_ftree"
  $ ftree completion fish > ~/.config/fish/completions/ftree.fish`,
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { runCompletion } = await import('./completion.js');
      setExit(runCompletion(program, shell));
    });

  program
    .command('version')
    .description('print the version of ftree, and of Node and the platform it runs on')
    .action(() => {
      process.stdout.write(`ftree ${VERSION}\nnode ${process.version} (${process.platform} ${process.arch})\n`);
      setExit(EXIT.ok);
    });

  return program;
}

/** A reader that stops early (`ftree … | head`) is normal: end quietly instead of a stack trace; standard output that cannot be written (a full disk) is exit 2. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // A full disk or a closed terminal: say so (exit 2) rather than crash with a stack.
    if (stream === process.stdout) {
      printFatal(new FtreeError({ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write standard output: ${e.code === 'ENOSPC' ? 'no space left on the device' : e.message}` }, EXIT.usage));
      process.exit(EXIT.usage);
    }
    throw e;
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  // commander's own error messages wait, so that a clearer one (explain-usage.ts) can replace them.
  let commanderErr = '';
  const output = { writeErr: (text: string) => void (commanderErr += text) };
  program.exitOverride().configureOutput(output);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(output);
  const debug = argv.includes('--debug');
  try {
    const misread = checkCommandLine(program, argv.slice(2));
    if (misread) throw misread;
    await program.parseAsync(argv as string[]);
    process.stderr.write(commanderErr);
    process.exitCode = exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      const clearer = e.code === 'commander.missingArgument' ? explainMissingArgument(program, argv.slice(2)) : undefined;
      if (clearer) printFatal(clearer);
      else process.stderr.write(commanderErr);
      // --help and --version end here with code 0; anything else commander rejects is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.stderr.write(commanderErr);
    if (isFtreeError(e)) {
      printFatal(e);
      process.exitCode = e.exitCode;
      return;
    }
    printInternalError(e, debug);
    process.exitCode = EXIT.internal;
  }
}
