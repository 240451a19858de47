// Reads a service graph from a live Prometheus (evidence stage): the OpenTelemetry service-graph
// connector's `traces_service_graph_request_total{client, server}`, Istio's
// `istio_requests_total{source_workload, destination_workload}`, or any counter with a caller and a
// callee label. Every pair with a series in the window is an edge; the calls are its increase.

import type { ServiceEdge, ServiceGraph } from '../model/plan-service-tree.js';
import { queryPrometheusRange, type PrometheusOptions } from './query-prometheus-range.js';

export interface ServiceGraphMetric {
  /** The counter's name. */
  readonly metric: string;
  readonly callerLabel: string;
  readonly calleeLabel: string;
}

export const SERVICE_GRAPH_METRICS = {
  otel: { metric: 'traces_service_graph_request_total', callerLabel: 'client', calleeLabel: 'server' },
  istio: { metric: 'istio_requests_total', callerLabel: 'source_workload', calleeLabel: 'destination_workload' },
} as const satisfies Record<string, ServiceGraphMetric>;

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*$/;

/** The PromQL that lists the edges: the counter summed by caller and callee. */
export function serviceGraphQuery(m: ServiceGraphMetric): string {
  for (const label of [m.callerLabel, m.calleeLabel]) if (!LABEL_NAME.test(label)) throw new RangeError(`Not a Prometheus label name: ${label}`);
  if (!METRIC_NAME.test(m.metric)) throw new RangeError(`Not a Prometheus metric name: ${m.metric}`);
  return `sum by (${m.callerLabel}, ${m.calleeLabel}) (${m.metric})`;
}

export async function queryServiceGraph(m: ServiceGraphMetric, range: { start: number; end: number }, options: PrometheusOptions): Promise<ServiceGraph> {
  const series = await queryPrometheusRange(serviceGraphQuery(m), range, options);
  const edges: ServiceEdge[] = [];
  for (const s of series) {
    const caller = s.labels.get(m.callerLabel);
    const callee = s.labels.get(m.calleeLabel);
    if (!caller || !callee || s.values.length === 0) continue; // a series without both ends (e.g. unknown peers)
    const calls = Math.max(0, s.values[s.values.length - 1]! - s.values[0]!);
    edges.push({ caller, callee, ...(calls > 0 ? { calls } : {}) });
  }
  return { services: [...new Set(edges.flatMap((e) => [e.caller, e.callee]))], edges };
}
