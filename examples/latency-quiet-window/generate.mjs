#!/usr/bin/env node
// Regenerates this scenario's data: node examples/latency-quiet-window/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: no incident. Tuesday 2026-11-24, a merchant's support team reports "payments feel slow"
// at 10:18; the on-call engineer checks the last half hour before paging anyone. Everything is at
// its usual level, including the routine errors (a couple of lock wait timeouts an hour, PSP read
// timeouts, connection resets, an occasional 100 ms G1 pause): ftree must blame nothing.

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 20261124;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-24T${hhmmss}Z`);
const DATA_START = at('09:05:00');
const DATA_END = at('10:45:00');
const iso = (t) => new Date(t).toISOString();
/** CRI timestamps carry nanoseconds; lines written in the same millisecond keep their order. */
function criTimes(times) {
  let prev = -1;
  let ns = 0;
  return times.map((t) => {
    ns = t === prev ? ns + int(300, 9000) : int(0, 900000);
    prev = t;
    return iso(t).replace('Z', `${String(ns).padStart(6, '0')}Z`);
  });
}

// ---- payments-api pods: CRI container logs (/var/log/pods/<ns>_<pod>_<uid>/<container>/0.log) --
const PODS = [
  { name: 'payments-api-6b8f9d7c4-4wz9m', uid: '3f1c9a2e-5b7d-4c1e-9a0f-2d6e8b4c7a11' },
  { name: 'payments-api-6b8f9d7c4-k7rjd', uid: '8d2e4f6a-1c3b-4e5d-8f7a-9b0c1d2e3f40' },
  { name: 'payments-api-6b8f9d7c4-tq5xh', uid: 'c4b5a6d7-e8f9-4a0b-9c1d-2e3f4a5b6c72' },
];
const MERCHANTS = ['m_1042', 'm_2290', 'm_3317', 'm_0815', 'm_5120', 'm_7781', 'm_6604', 'm_9032', 'm_4821'];

const appJson = (t, level, logger, message, extra = {}) =>
  JSON.stringify({
    '@timestamp': iso(t),
    '@version': '1',
    message,
    logger,
    thread: extra.thread ?? `http-nio-8080-exec-${int(1, 64)}`,
    level,
    service: 'payments-api',
    ...(extra.trace === false ? {} : { trace_id: hex(32), span_id: hex(16) }),
    ...(extra.stack ? { stack_trace: extra.stack } : {}),
  });

const PSP_STACK = [
  'java.net.SocketTimeoutException: Read timed out',
  '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)',
  '\tat org.apache.hc.core5.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:149)',
  '\tat com.example.payments.psp.PspClient.authorize(PspClient.java:88)',
].join('\n');
const LOCK_STACK = [
  'org.springframework.dao.CannotAcquireLockException: PreparedStatementCallback; SQL [UPDATE refunds SET state = ? WHERE refund_id = ?]; Lock wait timeout exceeded; try restarting transaction',
  '\tat org.springframework.jdbc.core.JdbcTemplate.update(JdbcTemplate.java:1019)',
  '\tat com.example.payments.refunds.RefundRepository.transition(RefundRepository.java:73)',
  'Caused by: com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Lock wait timeout exceeded; try restarting transaction',
  '\t... 88 common frames omitted',
].join('\n');

/** Lines of one pod's 0.log: [time, stream, text]. Stack traces printed on stderr are one CRI line per line. */
function podLog(pod, podIndex) {
  const out = [];
  const line = (t, text, stream = 'stdout') => out.push({ t, stream, text });
  // Sampled access log, about one line a minute.
  for (const t of steady(DATA_START, DATA_END, 1)) {
    const ms = Math.round(Math.exp(normal(Math.log(88), 0.45)));
    line(t, appJson(t, 'INFO', 'com.example.payments.api.AccessLog', `POST /v1/payments 201 in ${ms}ms merchant=${pick(MERCHANTS)}`));
  }
  for (let t = DATA_START + int(0, 119_000); t < DATA_END; t += 120_000) {
    const busy = Math.max(1, Math.round(normal(7, 2)));
    line(t, appJson(t, 'DEBUG', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Pool stats (total=30, active=${busy}, idle=${30 - busy}, waiting=0)`, { thread: 'HikariPool-1 housekeeper', trace: false }));
  }
  for (let t = DATA_START + int(0, 299_000); t < DATA_END; t += 300_000) {
    line(t, appJson(t, 'INFO', 'com.example.payments.psp.RoutingTable', 'Refreshed PSP routing table (3 routes, etag "w/7c1e")', { thread: 'scheduling-1', trace: false }));
  }
  // JVM unified GC log on stdout (-Xlog:gc:stdout:time,level,tags): young pauses of 8-60 ms.
  let gc = 41_200 + podIndex * 977;
  for (const t of steady(DATA_START, DATA_END, 0.75)) {
    const before = int(1180, 1290);
    const after = int(380, 460);
    line(t, `[${iso(t).replace('Z', '+0000')}][info][gc] GC(${gc++}) Pause Young (Normal) (G1 Evacuation Pause) ${before}M->${after}M(2048M) ${Math.min(60, Math.abs(normal(16, 7)) + 8).toFixed(3)}ms`);
  }
  // Tomcat NIO connection resets from merchants' flaky clients, printed on stderr with the trace.
  for (const t of steady(DATA_START, DATA_END, 6)) {
    line(t, `${new Date(t).toISOString().replace('T', ' ').replace('Z', '')} WARN 1 --- [nio-8080-exec-${int(1, 64)}] o.a.coyote.http11.Http11Processor : Error reading request, ignored`, 'stderr');
    line(t, 'java.io.IOException: Connection reset by peer', 'stderr');
    line(t, '\tat java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)', 'stderr');
    line(t, '\tat java.base/sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)', 'stderr');
    line(t, '\tat org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper.fillReadBuffer(NioEndpoint.java:1310)', 'stderr');
  }
  return out;
}

/** Routine errors spread over the pods, at the same rate before and during the window. */
function routineErrors() {
  const out = [];
  // PSP read timeouts: ~1 every 10 minutes.
  for (const t of steady(DATA_START, DATA_END, 10)) {
    out.push({ t, pod: int(0, 2), stream: 'stdout', text: appJson(t, 'WARN', 'com.example.payments.psp.PspClient', 'PSP call authorize failed after 4000ms, retrying on secondary route', { stack: PSP_STACK }) });
  }
  // Refund state updates that lose a race with the nightly reconciler: ~2 an hour, including the window.
  for (const hhmmss of ['09:21:44.102', '09:47:09.918', '10:02:31.377', '10:26:52.640']) {
    const t = at(hhmmss);
    out.push({ t, pod: int(0, 2), stream: 'stdout', text: appJson(t, 'ERROR', 'com.example.payments.refunds.RefundService', `Refund r_${hex(10)} failed: PreparedStatementCallback; Lock wait timeout exceeded; try restarting transaction`, { stack: LOCK_STACK }) });
  }
  // One G1 pause just over 100 ms in each half hour (a humongous allocation on a large export).
  for (const [hhmmss, ms] of [['09:38:12.004', '112.417'], ['10:21:40.551', '104.902']]) {
    const t = at(hhmmss);
    out.push({ t, pod: 1, stream: 'stdout', text: `[${iso(t).replace('Z', '+0000')}][info][gc] GC(41${int(100, 999)}) Pause Young (Normal) (G1 Evacuation Pause) 1702M->655M(2048M) ${ms}ms` });
  }
  return out;
}

// ---- the node's /var/log/syslog (RFC 3164 without PRI) ------------------------------------------
const MONTH = 'Nov';
const syslogTime = (t) => {
  const d = new Date(t);
  return `${MONTH} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
};
function nodeSyslog() {
  const host = 'ip-10-42-3-17';
  const out = [];
  const add = (t, text) => out.push({ t, text: `${syslogTime(t)} ${host} ${text}` });
  for (const t of steady(DATA_START, DATA_END, 1.5)) {
    const p = pick(PODS);
    add(t, `kubelet[1187]: I1124 ${new Date(t).toISOString().slice(11, 23)}000    1187 prober.go:107] "Probe succeeded" probeType="Readiness" pod="payments/${p.name}" podUID="${p.uid}" containerName="payments-api"`);
  }
  for (const t of steady(DATA_START, DATA_END, 5)) add(t, `systemd[1]: Started Session ${int(3000, 3999)} of User core.`);
  for (const t of steady(DATA_START, DATA_END, 10)) add(t, `containerd[912]: time="${iso(t)}" level=info msg="ImageCreate event name:\\"sha256:${hex(64)}\\""`);
  for (const t of steady(DATA_START, DATA_END, 15)) add(t, `chronyd[701]: Selected source 169.254.169.123 (offset ${normal(0, 0.00002).toFixed(6)} s)`);
  for (const t of steady(DATA_START, DATA_END, 30)) add(t, 'systemd[1]: Starting Cleanup of Temporary Directories...');
  return out;
}

// ---- metrics ------------------------------------------------------------------------------------
// A Grafana "payments-api latency" dashboard exported as CSV (Series joined by time, 30 s step):
// one column per panel query, the header being the tree's PromQL text; times without a zone (UTC).
const Q = {
  podSpread: 'stddev(sum by (pod) (rate(http_server_requests_seconds_count{service="payments-api"}[5m]))) / avg(sum by (pod) (rate(http_server_requests_seconds_count{service="payments-api"}[5m])))',
  cacheHit: 'sum(rate(redis_keyspace_hits_total{service="payments-cache"}[5m])) / (sum(rate(redis_keyspace_hits_total{service="payments-cache"}[5m])) + sum(rate(redis_keyspace_misses_total{service="payments-cache"}[5m])))',
  pending: 'max(hikaricp_connections_pending{application="payments-api"})',
  envoyConnect: 'histogram_quantile(0.99, sum by (le) (rate(envoy_cluster_upstream_cx_connect_ms_bucket{envoy_cluster_name=~"outbound.*payments-db.*"}[5m])))',
  retrans: 'sum(rate(node_netstat_Tcp_RetransSegs[5m]))',
  listenOverflows: 'sum(rate(node_netstat_TcpExt_ListenOverflows[5m]))',
  timeWait: 'max(node_sockstat_TCP_tw)',
  conntrack: 'max(node_nf_conntrack_entries / node_nf_conntrack_entries_limit)',
  dnsP99: 'histogram_quantile(0.99, sum by (le) (rate(coredns_dns_request_duration_seconds_bucket[5m])))',
  servfail: 'sum(rate(coredns_dns_responses_total{rcode="SERVFAIL"}[5m]))',
  lockWaits: 'rate(mysql_global_status_innodb_row_lock_waits{instance=~"payments-db.*"}[5m])',
  lockCurrent: 'max(mysql_global_status_innodb_row_lock_current_waits{instance=~"payments-db.*"})',
  selectScan: 'rate(mysql_global_status_select_scan{instance=~"payments-db.*"}[5m])',
  slowQueries: 'rate(mysql_global_status_slow_queries{instance=~"payments-db.*"}[5m])',
  replicaLag: 'max(mysql_slave_status_seconds_behind_master{instance=~"payments-db-replica.*"})',
  nvmeLatency: 'rate(node_disk_write_time_seconds_total{instance=~"payments-db-0.*",device="nvme0n1"}[5m]) / rate(node_disk_writes_completed_total{instance=~"payments-db-0.*",device="nvme0n1"}[5m])',
  smart: 'max(smartctl_device_percentage_used{instance=~"payments-db-0.*"})',
  pspP99: 'histogram_quantile(0.99, sum by (le) (rate(http_client_requests_seconds_bucket{client_name="psp-api"}[5m])))',
  xds: 'min(envoy_control_plane_connected_state{namespace="payments"})',
  throttled: 'max(rate(container_cpu_cfs_throttled_periods_total{container="payments-api"}[5m]) / rate(container_cpu_cfs_periods_total{container="payments-api"}[5m]))',
  steal: 'max(rate(node_cpu_seconds_total{mode="steal"}[5m]))',
  misses: 'sum(rate(redis_keyspace_misses_total{service="payments-cache"}[5m]))',
  evictions: 'rate(redis_evicted_keys_total{service="payments-cache"}[5m])',
  redisMemory: 'max(redis_memory_used_bytes{service="payments-cache"} / redis_memory_max_bytes{service="payments-cache"})',
  redisUptime: 'min(redis_uptime_in_seconds{service="payments-cache"})',
  requests: 'sum(rate(http_server_requests_seconds_count{service="payments-api"}[5m]))',
  active: 'max(hikaricp_connections_active{application="payments-api"})',
  poolBusy: 'max(hikaricp_connections_active{application="payments-api"} / hikaricp_connections_max{application="payments-api"})',
  dbConnections: 'max(mysql_global_status_threads_connected{instance=~"payments-db.*"} / mysql_global_variables_max_connections{instance=~"payments-db.*"})',
  gcPause: 'max(jvm_gc_pause_seconds_max{application="payments-api"})',
  oldGen: 'max(jvm_memory_used_bytes{application="payments-api",area="heap",id="G1 Old Gen"} / jvm_memory_max_bytes{application="payments-api",area="heap",id="G1 Old Gen"})',
  maxHeap: 'max(jvm_memory_max_bytes{application="payments-api",area="heap"})',
};
const BRAND_QUERY = 'histogram_quantile(0.99, sum by (le, card_brand) (rate(payments_authorization_duration_seconds_bucket[5m])))';

const STEP = 30_000;
const r = (x, digits) => Number(x.toFixed(digits));

function metricColumns() {
  const cols = Object.fromEntries(Object.keys(Q).map((k) => [k, []]));
  const times = [];
  for (let t = DATA_START; t < DATA_END; t += STEP) {
    times.push(t);
    // The morning ramp: traffic grows slowly through the hour, as every weekday.
    const traffic = 930 + 140 * ((t - DATA_START) / (DATA_END - DATA_START)) + normal(0, 16);
    const active = Math.max(1, Math.round(normal(7.4, 1.3) + (traffic - 1000) / 200));
    const v = {
      podSpread: r(Math.abs(normal(0.13, 0.02)), 3),
      cacheHit: r(normal(0.972, 0.003), 4),
      pending: Math.max(0, Math.round(normal(0.3, 0.6))),
      envoyConnect: r(Math.abs(normal(1.9, 0.25)), 2),
      retrans: r(normal(40, 5) * (traffic / 1000), 1),
      listenOverflows: 0,
      timeWait: Math.round(normal(4000, 180) * (traffic / 1000)),
      conntrack: r(normal(0.18, 0.008), 4),
      dnsP99: r(Math.abs(normal(0.0041, 0.0004)), 5),
      servfail: r(Math.abs(normal(0.012, 0.004)), 4),
      lockWaits: r(Math.abs(normal(2.2, 0.6)), 2),
      lockCurrent: Math.max(0, Math.round(Math.abs(normal(0.2, 0.6)))),
      selectScan: r(normal(3.4, 0.35), 2),
      slowQueries: r(Math.abs(normal(0.005, 0.002)), 4),
      replicaLag: Math.max(0, Math.round(normal(0.2, 0.5))),
      nvmeLatency: r(Math.abs(normal(0.00061, 0.00005)), 6),
      smart: 23,
      pspP99: r(normal(0.9, 0.06), 3),
      xds: 1,
      throttled: r(Math.abs(normal(0.028, 0.006)), 4),
      steal: r(Math.abs(normal(0.006, 0.002)), 4),
      misses: r(normal(27.5, 2.2) * (traffic / 1000), 2),
      evictions: 0,
      redisMemory: r(normal(0.61, 0.004), 4),
      redisUptime: Math.round(2_332_600 + (t - DATA_START) / 1000),
      requests: r(traffic, 1),
      active,
      poolBusy: r(Math.min(1, Math.max(0.03, active / 30)), 3),
      dbConnections: r(normal(0.34, 0.01), 3),
      gcPause: r(Math.abs(normal(0.021, 0.006)), 4),
      oldGen: r(normal(0.46, 0.015), 3),
      maxHeap: 2147483648,
    };
    for (const k of Object.keys(Q)) cols[k].push(v[k]);
  }
  return { times, cols };
}

const csvCell = (v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
const grafanaTime = (t) => iso(t).slice(0, 19).replace('T', ' ');

/** The per-brand panel, saved from the Prometheus API (query_range) with ftree's "query" key. */
function brandQueryRange() {
  const result = ['amex', 'mastercard', 'visa'].map((brand) => {
    const mean = { visa: 0.62, mastercard: 0.68, amex: 0.94 }[brand];
    const values = [];
    for (let t = DATA_START; t < DATA_END; t += STEP) values.push([t / 1000, normal(mean, 0.035).toFixed(4)]);
    return { metric: { card_brand: brand }, values };
  });
  return { query: BRAND_QUERY, status: 'success', data: { resultType: 'matrix', result } };
}

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-23T15:10:27Z', service: 'payments-api', kind: 'deploy', description: 'payments-api v4.19.0 (rollout 15:10-15:19)', author: 'deploy-bot' },
  { time: '2026-11-22T11:02:00Z', service: 'istio-config', kind: 'config', description: 'DestinationRule payments-api: outlierDetection.consecutive5xxErrors 5 -> 7', author: 'm.lindqvist' },
  { time: '2026-11-24T08:31:55Z', service: 'risk-config', kind: 'config', description: 'risk thresholds v311 (no change to card-fraud)', author: 'a.banerjee' },
  { time: '2026-11-24T09:20:12Z', service: 'checkout-web', kind: 'deploy', description: 'checkout-web 2026.11.24-1', author: 'deploy-bot' },
];

// ---- write ------------------------------------------------------------------------------------
rmSync(join(HERE, 'logs'), { recursive: true, force: true }); // pod folders are named by their uid

const routine = routineErrors();
let total = 0;
PODS.forEach((pod, i) => {
  const lines = [...podLog(pod, i), ...routine.filter((x) => x.pod === i)].sort((a, b) => a.t - b.t);
  // A stack trace's lines keep their order (same time): the sort is stable.
  const stamps = criTimes(lines.map((l) => l.t));
  write(`logs/pods/payments_${pod.name}_${pod.uid}/payments-api/0.log`, lines.map((l, k) => `${stamps[k]} ${l.stream} F ${l.text}`).join('\n') + '\n');
  total += lines.length;
});
const syslog = nodeSyslog().sort((a, b) => a.t - b.t);
write('logs/ip-10-42-3-17.syslog', syslog.map((l) => l.text).join('\n') + '\n');

const { times, cols } = metricColumns();
const header = ['Time', ...Object.values(Q)].map(csvCell).join(',');
const body = times.map((t, i) => [grafanaTime(t), ...Object.keys(Q).map((k) => cols[k][i])].join(','));
write('metrics.csv', [header, ...body].join('\n') + '\n');
write('auth-latency-by-brand.json', JSON.stringify(brandQueryRange()) + '\n');
write('changes.jsonl', CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`pod logs: ${total} lines; syslog: ${syslog.length} lines; metrics.csv: ${times.length} rows × ${Object.keys(Q).length} series`);
