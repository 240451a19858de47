#!/usr/bin/env node
// Regenerates this scenario's data: node examples/latency-connection-leak-deploy/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: payments-api v4.20.0 rolls out at 09:51:40. Its new 3-D Secure status endpoint does not
// close its JDBC connection when the challenge is still pending, so every pod leaks about 2.5
// connections a minute. HikariCP's leak detection (leakDetectionThreshold = 60 s) reports each
// one; after ~12 minutes a pod's 30 connections are all leaked, requests wait 30 s for one and
// fail, and p99 explodes. The rollback to v4.19.0 at 10:19:30 brings fresh pools.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 20261125;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady, arrivals } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-25T${hhmmss}Z`);
const DATA_START = at('09:10:00');
const DATA_END = at('10:30:00');
const ROLLOUT = at('09:51:40');
const ROLLBACK = at('10:19:30');
const iso = (t) => new Date(t).toISOString();
const POOL = 30;
const LEAKS_PER_MIN = 2.5;

// Each pod: its version, when it started serving and when it stopped (rolling update, maxSurge 1).
const PODS = [
  { name: 'payments-api-6b8f9d7c4-4wz9m', version: '4.19.0', start: at('08:02:11'), end: at('09:52:50') },
  { name: 'payments-api-6b8f9d7c4-k7rjd', version: '4.19.0', start: at('08:03:20'), end: at('09:54:00') },
  { name: 'payments-api-6b8f9d7c4-tq5xh', version: '4.19.0', start: at('08:04:31'), end: at('09:55:10') },
  { name: 'payments-api-5c7d8e9f1-8sx2v', version: '4.20.0', start: at('09:51:40'), end: at('10:20:40') },
  { name: 'payments-api-5c7d8e9f1-d4kqn', version: '4.20.0', start: at('09:52:55'), end: at('10:21:50') },
  { name: 'payments-api-5c7d8e9f1-wr9tz', version: '4.20.0', start: at('09:54:05'), end: at('10:23:00') },
  { name: 'payments-api-6b8f9d7c4-m2hzp', version: '4.19.0', start: at('10:19:30'), end: DATA_END },
  { name: 'payments-api-6b8f9d7c4-q8vfc', version: '4.19.0', start: at('10:20:40'), end: DATA_END },
  { name: 'payments-api-6b8f9d7c4-x5nwb', version: '4.19.0', start: at('10:21:50'), end: DATA_END },
];
const STARTUP_MS = 14_000; // JVM start until the pod is Ready

/** For a v4.20.0 pod: when each leaked connection was checked out (the pool has POOL connections). */
function leakTimes(pod) {
  if (pod.version !== '4.20.0') return [];
  const ready = pod.start + STARTUP_MS;
  return arrivals(ready, pod.end, () => LEAKS_PER_MIN, LEAKS_PER_MIN).slice(0, POOL - 1);
}
for (const pod of PODS) {
  pod.leaks = leakTimes(pod);
  // The pool is exhausted once the leaks leave too few connections for normal traffic (~3 busy).
  pod.exhausted = pod.leaks.length >= POOL - 4 ? pod.leaks[POOL - 5] : Infinity;
}
const leakedAt = (pod, t) => pod.leaks.filter((x) => x <= t).length;

// ---- payments-api: `kubectl logs` of each pod, JSON lines (logstash-logback-encoder) ------------
function apiLine(t, pod, level, logger, message, extra = {}) {
  return {
    t,
    text: JSON.stringify({
      '@timestamp': iso(t),
      '@version': '1',
      message,
      logger,
      thread: extra.thread ?? `http-nio-8080-exec-${int(1, 200)}`,
      level,
      service: 'payments-api',
      pod: pod.name,
      version: pod.version,
      ...(extra.trace === false ? {} : { trace_id: hex(32), span_id: hex(16) }),
      ...(extra.stack ? { stack_trace: extra.stack } : {}),
    }),
  };
}

const LEAK_STACK = [
  'java.lang.Exception: Apparent connection leak detected',
  '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)',
  '\tat com.example.payments.threeds.AuthenticationStatusRepository.findPending(AuthenticationStatusRepository.java:49)',
  '\tat com.example.payments.threeds.AuthenticationStatusController.status(AuthenticationStatusController.java:37)',
].join('\n');
const TIMEOUT_STACK = (waiting) => [
  `java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=30, active=30, idle=0, waiting=${waiting})`,
  '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:710)',
  '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:189)',
  '\tat com.example.payments.ledger.LedgerService.recordCapture(LedgerService.java:97)',
].join('\n');
const PSP_STACK = ['java.net.SocketTimeoutException: Read timed out', '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)', '\tat com.example.payments.psp.PspClient.authorize(PspClient.java:88)'].join('\n');
const MERCHANTS = ['m_1042', 'm_2290', 'm_3317', 'm_0815', 'm_5120', 'm_7781', 'm_6604', 'm_9032', 'm_4821'];

function podLog(pod) {
  const out = [];
  const line = (...a) => out.push(apiLine(...a));
  const from = Math.max(pod.start, DATA_START);
  if (pod.start >= DATA_START) {
    const s = pod.start;
    line(s + 2_100, pod, 'INFO', 'c.e.payments.PaymentsApiApplication', `Starting PaymentsApiApplication v${pod.version} using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`, { thread: 'main', trace: false });
    line(s + 9_800, pod, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...', { thread: 'main', trace: false });
    line(s + 10_400, pod, 'INFO', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection com.mysql.cj.jdbc.ConnectionImpl@' + hex(8), { thread: 'main', trace: false });
    line(s + 10_410, pod, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.', { thread: 'main', trace: false });
    line(s + STARTUP_MS, pod, 'INFO', 'c.e.payments.PaymentsApiApplication', `Started PaymentsApiApplication in ${(STARTUP_MS / 1000 - 1.6).toFixed(3)} seconds (process running for ${(STARTUP_MS / 1000).toFixed(3)})`, { thread: 'main', trace: false });
  }
  const serving = Math.max(from, pod.start + STARTUP_MS);
  const stop = Math.min(pod.end, DATA_END);
  // Sampled access log: about one line a minute; 30 s and a 500 once the pool is exhausted.
  for (const t of steady(serving, stop, 1)) {
    const stuck = t >= pod.exhausted;
    const ms = stuck ? 30_000 + int(1, 40) : Math.round(Math.exp(normal(Math.log(88), 0.45)));
    line(t, pod, 'INFO', 'com.example.payments.api.AccessLog', `POST /v1/payments ${stuck ? 500 : 201} in ${ms}ms merchant=${pick(MERCHANTS)}`);
  }
  for (let t = serving + int(0, 119_000); t < stop; t += 120_000) {
    const leaked = leakedAt(pod, t);
    const active = Math.min(POOL, leaked + Math.max(1, Math.round(normal(7, 2))));
    const waiting = t >= pod.exhausted ? int(20, 60) : 0;
    line(t, pod, 'DEBUG', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Pool stats (total=30, active=${active}, idle=${POOL - active}, waiting=${waiting})`, { thread: 'HikariPool-1 housekeeper', trace: false });
  }
  for (let t = serving + int(0, 299_000); t < stop; t += 300_000) {
    line(t, pod, 'INFO', 'com.example.payments.psp.RoutingTable', 'Refreshed PSP routing table (3 routes, etag "w/7c1e")', { thread: 'scheduling-1', trace: false });
  }
  // Leak detection: 60 s after each leaked checkout.
  for (const c of pod.leaks) {
    if (c + 60_000 < stop) line(c + 60_000, pod, 'WARN', 'com.zaxxer.hikari.pool.ProxyLeakTask', `Connection leak detection triggered for com.mysql.cj.jdbc.ConnectionImpl@${hex(8)} on thread http-nio-8080-exec-${int(1, 200)}, stack trace follows`, { thread: 'HikariPool-1 housekeeper', trace: false, stack: LEAK_STACK });
  }
  // Once exhausted: requests time out waiting for a connection (the error handler logs ~6 a minute).
  if (pod.exhausted < stop) {
    for (const t of arrivals(pod.exhausted + 30_000, stop, () => 6, 6)) {
      line(t, pod, 'ERROR', 'com.example.payments.api.ErrorHandler', `POST /v1/payments failed: Could not open JDBC Connection for transaction; HikariPool-1 - Connection is not available, request timed out after 30000ms (total=30, active=30, idle=0, waiting=${int(20, 60)})`, { stack: TIMEOUT_STACK(int(20, 60)) });
    }
  }
  if (pod.end < DATA_END) {
    line(pod.end - 1_500, pod, 'INFO', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete', { thread: 'SpringApplicationShutdownHook', trace: false });
    line(pod.end - 400, pod, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...', { thread: 'SpringApplicationShutdownHook', trace: false });
    line(pod.end - 380, pod, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.', { thread: 'SpringApplicationShutdownHook', trace: false });
  }
  return out;
}

/** Routine errors at their usual rate, spread over whichever pods are serving. */
function routine() {
  const out = [];
  const servingAt = (t) => PODS.filter((p) => t >= p.start + STARTUP_MS && t < p.end);
  for (const t of steady(DATA_START, DATA_END, 10)) {
    const pod = pick(servingAt(t));
    out.push({ pod, line: apiLine(t, pod, 'WARN', 'com.example.payments.psp.PspClient', 'PSP call authorize failed after 4000ms, retrying on secondary route', { stack: PSP_STACK }) });
  }
  for (const t of steady(DATA_START, DATA_END, 4)) {
    const pod = pick(servingAt(t));
    out.push({ pod, line: apiLine(t, pod, 'WARN', 'com.example.payments.api.IdempotencyFilter', `409 Idempotency-Key ${hex(8)}-${hex(4)} reused with a different payload`) });
  }
  return out;
}

// ---- payments-db-0: MySQL error log file (/var/log/mysql/error.log, plain text) ----------------
function mysqlErrorLog() {
  const out = [];
  const line = (t, text) => out.push({ t, text: `${iso(t).replace('Z', '000Z')} ${text}` });
  for (const t of steady(DATA_START, DATA_END, 3)) {
    line(t, `${int(100, 999)} [Note] [MY-010914] [Server] Aborted connection ${int(80000, 99999)} to db: 'payments' user: 'reporting' host: '10.42.${int(1, 6)}.${int(2, 250)}' (Got timeout reading communication packets).`);
  }
  // Pods shut down by the rollout close their pools; the leaked connections are cut when the pod dies.
  for (const pod of PODS) {
    if (pod.end >= DATA_END) continue;
    const n = pod.version === '4.20.0' ? 3 : 1;
    for (let k = 0; k < n; k++) line(pod.end + 200 + k * 37, `${int(100, 999)} [Note] [MY-010914] [Server] Aborted connection ${int(80000, 99999)} to db: 'payments' user: 'app' host: '10.42.${int(1, 6)}.${int(2, 250)}' (Got an error reading communication packets).`);
  }
  for (let t = DATA_START + 600_000; t < DATA_END; t += 1_800_000) line(t, `0 [Note] [MY-011071] [Server] Binary log rotated (max_binlog_size 1 GiB)`);
  return out;
}

// ---- metrics: long CSV, 1-minute step, the series named by the tree's PromQL -------------------------
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
  brandP99: 'histogram_quantile(0.99, sum by (le, card_brand) (rate(payments_authorization_duration_seconds_bucket[5m])))',
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
const STEP = 60_000;
const r = (x, digits) => Number(x.toFixed(digits));

function metricRows() {
  const rows = [];
  const add = (t, query, value, labels = '') => rows.push([iso(t), query, labels, value]);
  for (let t = DATA_START; t < DATA_END; t += STEP) {
    const live = PODS.filter((p) => t >= p.start + STARTUP_MS && t < p.end);
    const traffic = 1010 + normal(0, 18);
    // Per pod: busy connections = leaked + the usual few; pending once nothing is left.
    const perPod = live.map((p) => {
      const leaked = leakedAt(p, t);
      const busy = Math.min(POOL, leaked + Math.max(1, Math.round(normal(7.2, 1.3))));
      const pending = t >= p.exhausted ? Math.round(normal(38, 6)) : Math.max(0, Math.round(normal(0.3, 0.6)));
      return { busy, pending };
    });
    const rolling = t >= ROLLOUT && t < at('09:55:30') || t >= ROLLBACK && t < at('10:23:20');
    add(t, Q.podSpread, r(Math.abs(normal(rolling ? 0.27 : 0.13, 0.03)), 3));
    add(t, Q.cacheHit, r(normal(0.972, 0.003), 4));
    add(t, Q.pending, Math.max(...perPod.map((p) => p.pending)));
    add(t, Q.envoyConnect, r(Math.abs(normal(1.9, 0.25)), 2));
    add(t, Q.retrans, r(normal(41, 5), 1));
    add(t, Q.listenOverflows, 0);
    add(t, Q.timeWait, Math.round(normal(4100, 180)));
    add(t, Q.conntrack, r(normal(0.18, 0.008), 4));
    add(t, Q.dnsP99, r(Math.abs(normal(0.0041, 0.0004)), 5));
    add(t, Q.servfail, r(Math.abs(normal(0.012, 0.004)), 4));
    add(t, Q.lockWaits, r(Math.abs(normal(2.1, 0.6)), 2));
    add(t, Q.lockCurrent, Math.max(0, Math.round(Math.abs(normal(0.3, 0.6)))));
    add(t, Q.selectScan, r(normal(3.4, 0.35), 2));
    add(t, Q.slowQueries, r(Math.abs(normal(0.005, 0.002)), 4));
    add(t, Q.replicaLag, Math.max(0, Math.round(normal(0.2, 0.5))));
    add(t, Q.nvmeLatency, r(Math.abs(normal(0.00061, 0.00005)), 6));
    add(t, Q.smart, 23);
    add(t, Q.pspP99, r(normal(0.91, 0.06), 3));
    for (const brand of ['visa', 'mastercard', 'amex']) {
      add(t, Q.brandP99, r(normal({ visa: 0.62, mastercard: 0.68, amex: 0.94 }[brand], 0.035), 3), `{card_brand="${brand}"}`);
    }
    add(t, Q.xds, 1);
    add(t, Q.throttled, r(Math.abs(normal(0.028, 0.006)), 4));
    add(t, Q.steal, r(Math.abs(normal(0.006, 0.002)), 4));
    add(t, Q.misses, r(normal(27.5, 2.2), 2));
    add(t, Q.evictions, 0);
    add(t, Q.redisMemory, r(normal(0.61, 0.004), 4));
    add(t, Q.redisUptime, Math.round(2_159_800 + (t - DATA_START) / 1000));
    add(t, Q.requests, r(traffic, 1));
    const maxBusy = Math.max(...perPod.map((p) => p.busy));
    add(t, Q.active, maxBusy);
    add(t, Q.poolBusy, r(maxBusy / POOL, 3));
    const connections = live.length * POOL + 38 + normal(0, 4); // pools + reporting, replication, admin
    add(t, Q.dbConnections, r(connections / 400, 3));
    add(t, Q.gcPause, r(Math.abs(normal(0.021, 0.006)), 4));
    add(t, Q.oldGen, r(normal(0.46, 0.015), 3));
    add(t, Q.maxHeap, 2147483648);
  }
  return rows;
}
const csvCell = (v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

// ---- changes (CSV this time, as exported from the deploy tool) -------------------------------------
const CHANGES = [
  ['2026-11-24T15:40:02Z', 'payments-api', 'deploy', 'v4.19.0 rollout'],
  ['2026-11-25T08:58:31Z', 'fraud-rules', 'config', 'rules v1894'],
  ['2026-11-25T09:51:40Z', 'payments-api', 'deploy', 'v4.20.0 rollout (3DS status polling endpoint, PAY-2291)'],
  ['2026-11-25T10:19:30Z', 'payments-api', 'deploy', 'rollback to v4.19.0'],
];

// ---- write ------------------------------------------------------------------------------------
const extra = routine();
let total = 0;
for (const pod of PODS) {
  const lines = [...podLog(pod), ...extra.filter((x) => x.pod === pod).map((x) => x.line)].sort((a, b) => a.t - b.t);
  write(`logs/payments-api/${pod.name}.log`, lines.map((l) => l.text).join('\n') + '\n');
  total += lines.length;
}
const mysql = mysqlErrorLog().sort((a, b) => a.t - b.t);
write('logs/payments-db-0/error.log', mysql.map((l) => l.text).join('\n') + '\n');
const rows = metricRows();
write('metrics.csv', ['time,series,labels,value', ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n');
write('changes.csv', ['time,service,kind,description', ...CHANGES.map((c) => c.map(csvCell).join(','))].join('\n') + '\n');
console.log(`payments-api: ${total} lines in ${PODS.length} pod logs; error.log: ${mysql.length} lines; metrics.csv: ${rows.length} rows`);
for (const p of PODS) if (p.version === '4.20.0') console.log(`${p.name}: ${p.leaks.length} leaks, exhausted at ${iso(p.exhausted)}`);
