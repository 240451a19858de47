// `ftree generate`: a commented YAML tree from a service dependency graph (cli stage).
// read graph (file or Prometheus) → plan (ids, cycles, tops) → render YAML → validate it → write.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseTimeZone, resolveTimeWindow } from '../evidence/index.js';
import { queryServiceGraph, SERVICE_GRAPH_METRICS, type ServiceGraphMetric } from '../evidence/query-service-graph.js';
import { readServiceGraph } from '../evidence/read-service-graph.js';
import { FtreeError } from '../model/diagnostic.js';
import { CLI_OPTION_NAMES, EXIT } from './error-table.js';
import { didYouMean } from '../model/did-you-mean.js';
import { loadModel } from '../parse/load-model.js';
import { planServiceTree, type ServiceGraph } from '../model/plan-service-tree.js';
import { slugify } from '../parse/yaml/read-declarations.js';
import { BUILT_IN_TEMPLATES, parseServiceTreeTemplate, type ServiceTreeTemplate } from '../model/service-tree-template.js';
import { renderServiceTreeYaml } from '../report/service-tree-yaml.js';
import { prometheusAuth, prometheusTiming } from './evidence.js';
import type { GlobalOptions } from './global-options.js';
import { parseMissionTime, parseProbabilityOption, usageError } from './parse-options.js';
import { writeOutput } from './write-output.js';
import { readInputText } from '../model/read-input-file.js';

export interface GenerateOptions extends GlobalOptions {
  readonly prometheus?: string;
  readonly serviceGraph: 'otel' | 'istio';
  readonly metric?: string;
  readonly callerLabel?: string;
  readonly calleeLabel?: string;
  readonly since: string;
  readonly until?: string;
  readonly timezone: string;
  readonly step?: string;
  readonly timeout?: string;
  readonly top?: string[];
  readonly template: string;
  readonly propagation: string;
  readonly probability: string;
  readonly missionTime: string;
  readonly name?: string;
  readonly output?: string;
  readonly force?: boolean;
  readonly schema?: string;
  readonly aspects: 'shared' | 'independent';
}

export async function runGenerate(file: string | undefined, options: GenerateOptions): Promise<number> {
  if ((file === undefined) === (options.prometheus === undefined)) {
    throw usageError('Give either a graph file or --prometheus', 'for example: ftree generate graph.csv, or ftree generate --prometheus http://127.0.0.1:9090');
  }
  const propagation = parseProbabilityOption(options.propagation, '--propagation');
  if (propagation === 0) throw usageError('--propagation 0 would cut every call: give a probability above 0');
  const probability = parseProbabilityOption(options.probability, '--probability');
  const missionTime = parseMissionTime(options.missionTime);
  const template = await loadTemplate(options.template);

  const { graph, source } = file !== undefined ? { graph: await readServiceGraph(file), source: file } : await graphFromPrometheus(options);
  if (graph.edges.length === 0 && graph.services.length === 0) throw new FtreeError({ code: 'SERVICE_GRAPH_INVALID', severity: 'error', message: `The service graph from ${source} has no services` });
  const names = new Set(graph.services);
  for (const top of options.top ?? []) {
    if (!names.has(top)) {
      const guess = didYouMean(top, names);
      throw usageError(`--top ${top}: no such service in the graph`, guess ? `did you mean "${guess}"?` : `the graph has ${names.size} services`);
    }
  }
  const plan = planServiceTree(graph, { aspects: template.aspects.map((a) => a.name), ...(options.top ? { tops: options.top } : {}) });
  for (const b of plan.brokenCalls) process.stderr.write(`warning: cycle in the call graph: ${b.cycle.join(' → ')}; the call ${b.caller} → ${b.callee} is left out\n`);
  const name = options.name ?? slugify(file !== undefined ? basename(file).replace(/\.[^.]*$/, '') : 'service-graph');
  const yaml = renderServiceTreeYaml(plan, { name, source, template, propagation, probability, missionTime, aspectMode: options.aspects, ...(options.schema !== undefined ? { schema: options.schema } : {}) });
  await checkGenerated(yaml);
  if (await writeOutput(options.output, yaml, { force: options.force === true })) {
    process.stderr.write(`Wrote ${options.output}: ${plan.services.length} services, ${plan.tops.length} top${plan.tops.length === 1 ? '' : 's'}, template ${template.name}\n`);
  }
  return EXIT.ok;
}

async function loadTemplate(spec: string): Promise<ServiceTreeTemplate> {
  const builtIn = BUILT_IN_TEMPLATES.get(spec);
  if (builtIn) return builtIn;
  if (!/\.ya?ml$/i.test(spec)) throw usageError(`Unknown template "${spec}"`, `use ${[...BUILT_IN_TEMPLATES.keys()].join(', ')}, or a YAML file of your own`);
  const text = await readInputText(spec, `the template ${spec}`);
  return parseServiceTreeTemplate(text, spec);
}

async function graphFromPrometheus(options: GenerateOptions): Promise<{ graph: ServiceGraph; source: string }> {
  const zone = parseTimeZone(options.timezone);
  if (!zone) throw usageError(`Unknown time zone "${options.timezone}"`, 'use UTC, an offset such as +02:00, or an IANA name such as Europe/Berlin');
  const { window } = resolveTimeWindow({ since: options.since, ...(options.until !== undefined ? { until: options.until } : {}), baseline: 'none', zone, optionNames: CLI_OPTION_NAMES });
  const preset = SERVICE_GRAPH_METRICS[options.serviceGraph];
  const metric: ServiceGraphMetric = {
    metric: options.metric ?? preset.metric,
    callerLabel: options.callerLabel ?? preset.callerLabel,
    calleeLabel: options.calleeLabel ?? preset.calleeLabel,
  };
  for (const [flag, value, pattern] of [['--metric', metric.metric, /^[A-Za-z_:][A-Za-z0-9_:]*$/], ['--caller-label', metric.callerLabel, /^[A-Za-z_][A-Za-z0-9_]*$/], ['--callee-label', metric.calleeLabel, /^[A-Za-z_][A-Za-z0-9_]*$/]] as const) {
    if (!pattern.test(value)) throw usageError(`${flag} "${value}" is not a Prometheus name`);
  }
  const { stepSeconds, deadlineMs } = prometheusTiming(options);
  const timing = { ...(stepSeconds !== undefined ? { stepSeconds } : {}), ...(deadlineMs !== undefined ? { timeoutMs: deadlineMs, deadline: Date.now() + deadlineMs } : {}) };
  const graph = await queryServiceGraph(metric, window, { url: options.prometheus!, auth: prometheusAuth(), optionNames: CLI_OPTION_NAMES, ...timing });
  return { graph, source: `${metric.metric}{${metric.callerLabel}, ${metric.calleeLabel}}` };
}

/** The generated tree must load with no error and no warning: anything else is a bug of the generator. */
async function checkGenerated(yaml: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ftree-generate-'));
  try {
    const file = join(dir, 'generated.yaml');
    await writeFile(file, yaml);
    const { diagnostics } = await loadModel([file], { optionNames: CLI_OPTION_NAMES });
    if (diagnostics.length > 0) throw new Error(`ftree generate wrote a tree that does not validate:\n${diagnostics.map((d) => `${d.span?.line ?? '?'}:${d.span?.col ?? '?'} ${d.code} ${d.message}`).join('\n')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
