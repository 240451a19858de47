// What `ftree generate` puts on each service (model stage): its aspects (one gate each, such as
// latency and availability) and the evidence signals of each, as metric-query templates where
// `{service}` stands for the service's name. Built in: none, petshop, otel, istio; or a YAML file.

import { parse as parseYaml } from 'yaml';
import { FtreeError } from './diagnostic.js';

export type SignalTemplate = Readonly<Record<string, string | number | boolean>>;

export interface AspectTemplate {
  /** Suffix of the gate id (`<service>_<name>`). */
  readonly name: string;
  /** Gate label; `{service}` is replaced. */
  readonly label: string;
  readonly signals: readonly SignalTemplate[];
}

export interface ServiceTreeTemplate {
  readonly name: string;
  readonly description: string;
  readonly aspects: readonly AspectTemplate[];
}

// A stacked-header CSV names its label by the level's first cell: PetShop's is `microservice`.
// Scores are one-sided: latency and errors hurt when they rise, availability and traffic when they fall.
// PetShop's metrics come from AWS X-Ray traces: a node has a point only in the 5 minutes it was
// called, so no data in the window means no calls, and a callee not called cannot have passed a
// failure up; its signals say `silent` there rather than `unknown`. Average latency is additive: a
// caller's time includes its callees', so a callee 2 ms slower cannot make its caller 450 ms slower.
const PETSHOP_METRIC = (metric: string): string => `${metric}{microservice="{service}",statistic="Average"}`;

/**
 * An HTTP server's latency (p99 from the duration histogram, rising) and errors (the share of 5xx
 * answers above 1 %, the traffic falling), from its metrics' names, the selector of one service and
 * the label holding the status code. A server that never failed has no 5xx series at all (client
 * libraries create a label set on first use), so no data is silent for the 5xx share, and a
 * threshold needs no baseline of it: errors that appear from nothing fire.
 */
function httpServerTemplate(m: { name: string; description: string; bucket: string; count: string; selector: string; status: string }): ServiceTreeTemplate {
  return {
    name: m.name,
    description: m.description,
    aspects: [
      { name: 'latency', label: '{service} latency', signals: [{ query: `histogram_quantile(0.99, sum by (le) (rate(${m.bucket}{${m.selector}}[5m])))`, score: 5, direction: 'rose', label: '{service} p99 latency' }] },
      {
        name: 'errors',
        label: '{service} errors',
        signals: [
          { query: `sum(rate(${m.count}{${m.selector},${m.status}=~"5.."}[5m])) / sum(rate(${m.count}{${m.selector}}[5m]))`, above: 0.01, missing: 'silent', label: '{service} 5xx share above 1 %' },
          { query: `sum(rate(${m.count}{${m.selector}}[5m]))`, score: 5, direction: 'fell', label: '{service} traffic' },
        ],
      },
    ],
  };
}

export const BUILT_IN_TEMPLATES: ReadonlyMap<string, ServiceTreeTemplate> = new Map([
  ['none', { name: 'none', description: 'one gate per service, no evidence', aspects: [{ name: 'fails', label: '{service} fails', signals: [] }] }],
  [
    'petshop',
    {
      name: 'petshop',
      description: 'the PetShop dataset\'s CloudWatch columns: latency rising and availability falling, Average, anomaly score 2.5 (about the dataset\'s MAD score of 5); average latency additive (a caller\'s time includes its callees\'); no data is silent (X-Ray records a node only when it is called)',
      aspects: [
        { name: 'latency', label: '{service} latency', signals: [{ query: PETSHOP_METRIC('latency'), score: 2.5, direction: 'rose', additive: true, missing: 'silent', label: '{service} latency (Average)' }] },
        { name: 'availability', label: '{service} availability', signals: [{ query: PETSHOP_METRIC('availability'), score: 2.5, direction: 'fell', missing: 'silent', label: '{service} availability (Average)' }] },
      ],
    },
  ],
  [
    'otel',
    httpServerTemplate({
      name: 'otel',
      description: 'OpenTelemetry HTTP server metrics (http.server.request.duration) by service_name',
      bucket: 'http_server_request_duration_seconds_bucket',
      count: 'http_server_request_duration_seconds_count',
      selector: 'service_name="{service}"',
      status: 'http_response_status_code',
    }),
  ],
  [
    'istio',
    httpServerTemplate({
      name: 'istio',
      description: 'Istio standard metrics (istio_requests_total, istio_request_duration_milliseconds) by destination_workload',
      bucket: 'istio_request_duration_milliseconds_bucket',
      count: 'istio_requests_total',
      selector: 'reporter="destination",destination_workload="{service}"',
      status: 'response_code',
    }),
  ],
]);

const ASPECT_NAME = /^[A-Za-z0-9_.-]+$/;

function invalid(file: string, message: string, hint?: string): FtreeError {
  return new FtreeError({ code: 'TEMPLATE_INVALID', severity: 'error', message: `The template ${file} is not valid: ${message}`, hint: hint ?? 'aspects: {latency: {label: "{service} latency", signals: [{query: "…{service}…", score: 5}]}}' });
}

/**
 * A template file: `aspects:` mapping each aspect name to `label` and `signals` (metric signals as
 * in a tree's `evidence.metrics`, strings may hold `{service}`).
 */
export function parseServiceTreeTemplate(text: string, file: string): ServiceTreeTemplate {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw invalid(file, `not YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const aspects = (doc as { aspects?: unknown } | null)?.aspects;
  if (aspects === null || typeof aspects !== 'object' || Array.isArray(aspects) || Object.keys(aspects).length === 0) throw invalid(file, 'it has no `aspects:` mapping');
  const out: AspectTemplate[] = [];
  for (const [name, value] of Object.entries(aspects as Record<string, unknown>)) {
    if (!ASPECT_NAME.test(name)) throw invalid(file, `the aspect name "${name}" is not letters, digits, _ . -`);
    const a = (value ?? {}) as { label?: unknown; signals?: unknown };
    if (a.label !== undefined && typeof a.label !== 'string') throw invalid(file, `the label of aspect "${name}" is not text`);
    const signals = a.signals ?? [];
    if (!Array.isArray(signals)) throw invalid(file, `the signals of aspect "${name}" are not a list`);
    const read: SignalTemplate[] = signals.map((s: unknown, i) => {
      if (s === null || typeof s !== 'object' || Array.isArray(s)) throw invalid(file, `signal ${i + 1} of aspect "${name}" is not a mapping`);
      const entries = Object.entries(s as Record<string, unknown>);
      for (const [k, v] of entries) if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw invalid(file, `the ${k} of signal ${i + 1} of aspect "${name}" is neither text, a number nor true/false`);
      if (typeof (s as { query?: unknown }).query !== 'string') throw invalid(file, `signal ${i + 1} of aspect "${name}" has no query`);
      return Object.fromEntries(entries) as SignalTemplate;
    });
    out.push({ name, label: (a.label as string | undefined) ?? `{service} ${name}`, signals: read });
  }
  return { name: file, description: `the template ${file}`, aspects: out };
}

/** `{service}` replaced: escaped as a PromQL string in queries, as written elsewhere. */
export function fillTemplate(value: string | number | boolean, service: string, inQuery: boolean): string | number | boolean {
  if (typeof value !== 'string') return value;
  const name = inQuery ? service.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : service;
  return value.split('{service}').join(name);
}
