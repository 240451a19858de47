// `ftree generate`: its arguments, options and help (cli stage); src/cli/generate.ts runs it.

import { type Command, Option } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';
import { addOutputFileOptions, SCHEMA_OPTION } from '../option-groups.js';

const HELP = examplesHelp(
  [
    'ftree generate graph.csv --template petshop -o trees/petshop.yaml',
    'ftree generate edges.csv --top checkout --propagation 0.3',
    'ftree generate --prometheus http://127.0.0.1:9090 --since -24h --template otel -o tree.yaml',
    'ftree generate --prometheus http://127.0.0.1:9090 --service-graph istio --template istio',
  ],
  `Each service gets, per aspect of the template, a root-cause event and a gate OR(that event, each
callee's gate of the same aspect passed up with probability --propagation); with --aspects shared
the aspects are views of one failure state per service (one event, one propagation per call). Cycles
are broken with a warning naming them. The output validates with no warnings, and the same graph gives the same bytes.`,
);

export function generateCommand(program: Command, { globals, setExit }: CommandContext): Command {
  const command = program
    .command('generate')
    .description('a commented YAML tree from a service dependency graph: edge list, adjacency matrix, Jaeger JSON, or Prometheus')
    .argument('[graph]', 'an edge list (CSV caller,callee[,calls] or YAML), an adjacency-matrix CSV (row calls column), or Jaeger dependencies JSON')
    .option('--prometheus <url>', 'read service-graph metrics from this Prometheus instead of a file (auth as for ftree evidence)')
    .addOption(
      new Option('--service-graph <kind>', 'the metric and labels: otel (traces_service_graph_request_total{client,server}) or istio (istio_requests_total{source_workload,destination_workload})')
        .choices(['otel', 'istio'])
        .default('otel'),
    )
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
    .option('--propagation <p>', "probability that a callee's failure reaches its caller (1: plain inputs)", '0.5')
    .addOption(
      new Option('--aspects <mode>', 'several aspects (latency, availability): independent, one cone and one fault event per service and aspect; shared, views of one failure state per service')
        .choices(['shared', 'independent'])
        .default('independent'),
    )
    .option('--probability <p>', "prior probability of each service's own fault over the mission time", '0.01')
    .option('--mission-time <duration>', 'the mission time of the tree', '24h')
    .option('--name <slug>', "the tree's name (default: from the graph file)");
  return addOutputFileOptions(command)
    .addOption(SCHEMA_OPTION())
    .addHelpText('after', HELP)
    .action(async (graph: string | undefined, opts) => {
      const { runGenerate } = await import('../generate.js');
      setExit(await runGenerate(graph, { ...opts, ...globals() }));
    });
}
