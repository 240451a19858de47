// The three trees the scenario suite diagnoses, as their authors would write them: a web API with
// its database, cache, pool, DNS, payment provider and runtime as plain OR siblings
// (`web-api.yaml`); the same service with the known propagations declared as probabilistic inputs
// (`web-api-propagation.yaml`); and a shop's call graph where each component is slow by its own
// fault or, half the time, by a slow callee (`shop-callgraph.yaml`).

const WEB_API_EVENTS = {
  slow_query: `  slow_query:
    label: A slow query on orders-db (missing index, bad plan)
    probability: 0.01
    evidence:
      logs:
        - {pattern: "slow query", fields: {service: orders-db}, label: Slow query log}
      metrics:
        - {query: db_query_p99_ms, score: 5, direction: rose, label: orders-db query p99}`,
  db_disk_full: `  db_disk_full:
    label: orders-db data volume full
    probability: 0.002
    evidence:
      logs:
        - {pattern: "No space left on device", label: ENOSPC}
      metrics:
        - {query: db_disk_used_ratio, above: 0.85, label: Data volume above 85 %}`,
  replica_lag: `  replica_lag:
    label: Reads served by a lagging replica
    probability: 0.01
    evidence:
      metrics:
        - {query: db_replica_lag_s, score: 5, direction: rose, label: Replica lag}`,
  dns_failure: `  dns_failure:
    label: Cluster DNS failing (CoreDNS)
    probability: 0.005
    evidence:
      logs:
        - {pattern: "DNS resolution failed", label: DNS resolution failures}
      metrics:
        - {query: dns_lookup_errors_per_s, above: 1, label: DNS errors above 1/s}`,
  cpu_throttling: `  cpu_throttling:
    label: checkout-api CPU throttled by its cgroup limit
    probability: 0.01
    evidence:
      metrics:
        - {query: api_cpu_throttled_ratio, above: 0.25, label: Throttled periods above 25 %}`,
  cache_down: `  cache_down:
    label: Redis cache unavailable
    probability: 0.005
    evidence:
      logs:
        - {pattern: "/Redis.*(refused|timed out)/i", label: Redis connection errors}
      metrics:
        - {query: cache_hit_ratio, score: 5, direction: fell, label: Cache hit ratio}`,
  bad_deploy: `  bad_deploy:
    label: A bad checkout-api release
    probability: 0.02
    evidence:
      changes:
        - {service: checkout-api, kind: deploy, within: 30m}
      logs:
        - {pattern: "Unhandled exception", label: Unhandled exceptions}`,
  traffic_surge: `  traffic_surge:
    label: Traffic beyond capacity
    probability: 0.01
    evidence:
      metrics:
        - {query: api_requests_per_s, score: 5, direction: rose, label: Request rate}`,
};

const POOL_SIGNALS = `      logs:
        - {pattern: "Connection is not available, request timed out", label: Hikari time-outs}
      metrics:
        - {query: db_pool_pending, above: 5, label: Threads waiting for a connection}`;
const PSP_SIGNALS = `      logs:
        - {pattern: "PSP request timed out", label: PSP time-outs}
      metrics:
        - {query: psp_latency_p99_ms, score: 5, direction: rose, label: PSP call p99}`;
const GC_SIGNALS = `      logs:
        - {pattern: "Long GC pause", label: Long GC pauses}
      metrics:
        - {query: jvm_gc_pause_max_ms, above: 500, label: GC pause above 500 ms}`;

const TOP = `  api_slo_breach:
    label: checkout-api p99 > 800 ms
    type: or
    inputs: [database, dependencies, runtime, cache_down, bad_deploy, traffic_surge]
    evidence:
      metrics:
        - {query: api_latency_p99_ms, above: 800, label: p99 above 800 ms}`;

export const WEB_API = `# yaml-language-server: $schema=../../schema/ftree.schema.json
# Written by scenarios/generate.mjs. Every cause a sibling basic event, as most trees start.
ftree: 1
name: web-api
title: checkout-api p99 latency above its SLO
top: api_slo_breach
gates:
${TOP}
  database:
    label: Database path slow
    type: or
    inputs: [slow_query, pool_exhausted, db_disk_full, replica_lag]
  dependencies:
    label: Outbound calls slow
    type: or
    inputs: [dns_failure, psp_outage]
  runtime:
    label: Runtime starved
    type: or
    inputs: [cpu_throttling, gc_pauses]
events:
${Object.values(WEB_API_EVENTS).join('\n')}
  pool_exhausted:
    label: Connection pool exhausted
    probability: 0.01
    evidence:
${POOL_SIGNALS}
  psp_outage:
    label: Payment provider slow or down
    probability: 0.01
    evidence:
${PSP_SIGNALS}
  gc_pauses:
    label: Long GC pauses
    probability: 0.01
    evidence:
${GC_SIGNALS}
`;

export const WEB_API_PROPAGATION = `# yaml-language-server: $schema=../../schema/ftree.schema.json
# Written by scenarios/generate.mjs. The same service, with the known propagations declared:
# a slow query starves the pool, DNS failures make PSP calls time out, throttling lengthens GC.
ftree: 1
name: web-api-propagation
title: checkout-api p99 latency above its SLO
top: api_slo_breach
gates:
${TOP}
  database:
    label: Database path slow
    type: or
    inputs: [slow_query, pool_exhausted, db_disk_full, replica_lag]
  pool_exhausted:
    label: Connection pool exhausted
    type: or
    inputs: [pool_leak, {id: slow_query, probability: 0.6}]
    evidence:
${POOL_SIGNALS}
  dependencies:
    label: Outbound calls slow
    type: or
    inputs: [dns_failure, psp_timeouts]
  psp_timeouts:
    label: PSP calls time out
    type: or
    inputs: [psp_outage, {id: dns_failure, probability: 0.7}]
    evidence:
${PSP_SIGNALS}
  runtime:
    label: Runtime starved
    type: or
    inputs: [cpu_throttling, gc_long_pauses]
  gc_long_pauses:
    label: Long GC pauses
    type: or
    inputs: [heap_pressure, {id: cpu_throttling, probability: 0.5}]
    evidence:
${GC_SIGNALS}
events:
${Object.values(WEB_API_EVENTS).join('\n')}
  pool_leak:
    label: Connections leaked by the application
    probability: 0.01
    evidence:
      logs:
        - {pattern: "Connection leak detection triggered", label: Hikari leak detection}
  psp_outage:
    label: Payment provider slow or down
    probability: 0.01
  heap_pressure:
    label: Heap nearly full (leak, oversized cache)
    probability: 0.01
    evidence:
      metrics:
        - {query: jvm_heap_used_ratio, above: 0.9, label: Heap above 90 %}
`;

/** The shop's call graph: caller → callees. */
export const CALL_GRAPH = {
  frontend: ['checkout', 'catalog'],
  checkout: ['cart', 'payment'],
  catalog: ['inventory_db'],
  cart: ['redis'],
  payment: ['psp'],
  inventory_db: [],
  redis: [],
  psp: [],
};

function callGraphTree() {
  const gates = Object.entries(CALL_GRAPH).map(([c, callees]) => {
    const inputs = [`${c}_fault`, ...callees.map((d) => `{id: ${d}_slow, probability: 0.5}`)];
    return `  ${c}_slow:
    label: ${c} slow
    type: or
    inputs: [${inputs.join(', ')}]
    evidence:
      metrics:
        - {query: ${c}_latency_p99_ms, score: 5, direction: rose, additive: true, label: ${c} p99}`;
  });
  const events = Object.keys(CALL_GRAPH).map((c) => `  ${c}_fault:
    label: ${c}'s own fault
    probability: 0.01`);
  return `# yaml-language-server: $schema=../../schema/ftree.schema.json
# Written by scenarios/generate.mjs from the call graph: a component is slow by its own fault or,
# half the time, because a callee is slow; a latency anomaly signal on every component.
ftree: 1
name: shop-callgraph
title: Shop frontend p99 latency anomalous
top: frontend_slow
gates:
${gates.join('\n')}
events:
${events.join('\n')}
`;
}

export const SHOP_CALLGRAPH = callGraphTree();

export const TREES = {
  'web-api.yaml': WEB_API,
  'web-api-propagation.yaml': WEB_API_PROPAGATION,
  'shop-callgraph.yaml': SHOP_CALLGRAPH,
};
