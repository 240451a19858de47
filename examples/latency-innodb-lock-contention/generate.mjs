#!/usr/bin/env node
// Regenerates this scenario's data: node examples/latency-innodb-lock-contention/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: at 10:04 a marketplace merchant (m_4821) starts a payout-split campaign; every payment
// updates its single merchant_balances row, InnoDB row locks pile up, payments-api sessions hit
// innodb_lock_wait_timeout (5 s) and p99 goes from ~310 ms to ~2.4 s. Traffic to the merchant is
// rate-limited at 10:29 and the lock waits drain by 10:32.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 20261120;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady, arrivals } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-20T${hhmmss}Z`);
const DATA_START = at('09:05:00');
const DATA_END = at('10:45:00');
const ONSET = at('10:04:10'); // campaign traffic starts
const PEAK = at('10:07:00');
const MITIGATED = at('10:29:00'); // merchant rate-limited at the API gateway
const DRAINED = at('10:32:00');

/** 0 before the incident, 1 at its height, linear ramps in between. */
function incident(t) {
  if (t < ONSET || t >= DRAINED) return 0;
  if (t < PEAK) return (t - ONSET) / (PEAK - ONSET);
  if (t < MITIGATED) return 1;
  return 1 - (t - MITIGATED) / (DRAINED - MITIGATED);
}

const iso = (t) => new Date(t).toISOString();

/** InnoDB deadlocks: each is dumped by mysqld and fails one payment in payments-api. */
const DEADLOCKS = arrivals(DATA_START, DATA_END, (t) => 0.5 * incident(t), 0.5);

// ---- payments-api (JSON lines, logstash-logback-encoder, as exported from the log store) -------
const PODS = ['payments-api-7d9f8b6c5-2xkqp', 'payments-api-7d9f8b6c5-8hn4t', 'payments-api-7d9f8b6c5-lq7zd'];
const MERCHANTS = ['m_1042', 'm_2290', 'm_3317', 'm_0815', 'm_5120', 'm_7781', 'm_6604', 'm_9032'];
const HOT = 'm_4821';

function apiLine(t, level, logger, message, extra = {}) {
  return {
    t,
    text: JSON.stringify({
      '@timestamp': iso(t),
      '@version': '1',
      message,
      logger,
      thread: extra.thread ?? `http-nio-8080-exec-${int(1, 64)}`,
      level,
      level_value: { INFO: 20000, WARN: 30000, ERROR: 40000, DEBUG: 10000 }[level],
      service: 'payments-api',
      pod: extra.pod ?? pick(PODS),
      ...(extra.trace === false ? {} : { trace_id: hex(32), span_id: hex(16) }),
      ...(extra.stack ? { stack_trace: extra.stack } : {}),
    }),
  };
}

const LOCK_STACK = [
  'org.springframework.dao.CannotAcquireLockException: PreparedStatementCallback; SQL [UPDATE merchant_balances SET available = available + ?, version = version + 1 WHERE merchant_id = ?]; Lock wait timeout exceeded; try restarting transaction',
  '\tat org.springframework.jdbc.core.JdbcTemplate.update(JdbcTemplate.java:1019)',
  '\tat com.example.payments.ledger.BalanceRepository.credit(BalanceRepository.java:57)',
  '\tat com.example.payments.ledger.LedgerService.recordCapture(LedgerService.java:112)',
  'Caused by: com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Lock wait timeout exceeded; try restarting transaction',
  '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)',
  '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:916)',
  '\t... 96 common frames omitted',
].join('\n');

const DEADLOCK_STACK = [
  'org.springframework.dao.CannotAcquireLockException: PreparedStatementCallback; SQL [INSERT INTO ledger_entries (payment_id, merchant_id, amount, currency, kind) VALUES (?, ?, ?, ?, ?)]; Deadlock found when trying to get lock; try restarting transaction',
  '\tat org.springframework.jdbc.support.SQLExceptionSubclassTranslator.doTranslate(SQLExceptionSubclassTranslator.java:78)',
  '\tat org.springframework.jdbc.core.JdbcTemplate.update(JdbcTemplate.java:1019)',
  '\tat com.example.payments.ledger.LedgerEntryRepository.insert(LedgerEntryRepository.java:41)',
  '\tat com.example.payments.ledger.LedgerService.recordCapture(LedgerService.java:118)',
  'Caused by: com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Deadlock found when trying to get lock; try restarting transaction',
  '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)',
  '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:916)',
  '\t... 97 common frames omitted',
].join('\n');

const PSP_STACK = [
  'java.net.SocketTimeoutException: Read timed out',
  '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)',
  '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)',
  '\tat org.apache.hc.core5.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:149)',
  '\tat com.example.payments.psp.PspClient.authorize(PspClient.java:88)',
].join('\n');

function paymentsApiLog() {
  const lines = [];
  // Sampled access log (about 1 request in 20,000): about one line a minute per pod.
  for (const pod of PODS) {
    for (const t of arrivals(DATA_START, DATA_END, () => 1, 1)) {
      const hot = rand() < 0.2 * incident(t);
      const merchant = hot ? HOT : pick(MERCHANTS);
      const ms = hot ? Math.round(uniform(1400, 5200)) : Math.round(Math.exp(normal(Math.log(85), 0.45)));
      const status = hot && ms > 5000 ? 500 : 201;
      lines.push(apiLine(t, 'INFO', 'com.example.payments.api.AccessLog', `POST /v1/payments ${status} in ${ms}ms merchant=${merchant}`, { pod }));
    }
    // HikariCP housekeeper pool stats every 2 min (DEBUG is on for the pool logger).
    for (let t = DATA_START + int(0, 119_000); t < DATA_END; t += 120_000) {
      const busy = Math.max(1, Math.round(normal(7, 2) + 9 * incident(t)));
      lines.push(apiLine(t, 'DEBUG', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Pool stats (total=30, active=${busy}, idle=${30 - busy}, waiting=0)`, { pod, thread: 'HikariPool-1 housekeeper', trace: false }));
    }
    // Routing table refresh every 5 min.
    for (let t = DATA_START + int(0, 299_000); t < DATA_END; t += 300_000) {
      lines.push(apiLine(t, 'INFO', 'com.example.payments.psp.RoutingTable', 'Refreshed PSP routing table (3 routes, etag "w/7c1e")', { pod, thread: 'scheduling-1', trace: false }));
    }
  }
  // Routine noise, the same before and during the incident.
  for (const t of steady(DATA_START, DATA_END, 10)) {
    lines.push(apiLine(t, 'WARN', 'com.example.payments.psp.PspClient', `PSP call authorize failed after 4000ms, retrying on secondary route`, { stack: PSP_STACK }));
  }
  for (const t of steady(DATA_START, DATA_END, 4)) {
    lines.push(apiLine(t, 'WARN', 'com.example.payments.api.IdempotencyFilter', `409 Idempotency-Key ${hex(8)}-${hex(4)} reused with a different payload`));
  }
  // Two routine lock wait timeouts before the incident (a nightly-report query, a refund retry).
  for (const t of [at('09:12:41.207'), at('09:51:03.588')]) {
    lines.push(apiLine(t, 'ERROR', 'com.example.payments.refunds.RefundService', `Refund r_${hex(10)} failed: PreparedStatementCallback; Lock wait timeout exceeded; try restarting transaction`, { stack: LOCK_STACK }));
  }
  // The incident: lock wait timeouts (up to ~8/min), retries and some deadlocks.
  for (const t of arrivals(DATA_START, DATA_END, (t) => 8 * incident(t), 8)) {
    const pay = `p_${hex(12)}`;
    lines.push(apiLine(t, 'ERROR', 'com.example.payments.api.PaymentService', `Payment ${pay} for merchant ${HOT} failed: could not credit merchant balance: Lock wait timeout exceeded; try restarting transaction`, { stack: LOCK_STACK }));
    if (rand() < 0.5) lines.push(apiLine(t + int(5, 40), 'WARN', 'com.example.payments.api.RetryPolicy', `Retrying payment ${pay} after MySQLTransactionRollbackException (attempt 2/3)`));
  }
  for (const t of DEADLOCKS) {
    lines.push(apiLine(t, 'ERROR', 'com.example.payments.api.PaymentService', `Payment p_${hex(12)} for merchant ${HOT} failed: could not write ledger entry: Deadlock found when trying to get lock; try restarting transaction`, { stack: DEADLOCK_STACK }));
  }
  return lines;
}

// ---- payments-db-0: mysqld via journald (journalctl -u mysql -o json) -------------------------
function journalLine(t, priority, message, seq) {
  const us = BigInt(t) * 1000n + BigInt(int(0, 999));
  return {
    t,
    text: JSON.stringify({
      __CURSOR: `s=3c0f6e0d2b1a4f5e9d8c7b6a59483726;i=${(0x1a2b3c + seq).toString(16)};b=8e4f1c2d3a5b6c7d8e9f0a1b2c3d4e5f;m=${(us - 1795160000000000n).toString(16)};t=${us.toString(16)};x=${hex(16)}`,
      __REALTIME_TIMESTAMP: us.toString(),
      __MONOTONIC_TIMESTAMP: (us - 1795160000000000n + 93211000000n).toString(),
      _BOOT_ID: '8e4f1c2d3a5b6c7d8e9f0a1b2c3d4e5f',
      PRIORITY: String(priority),
      _HOSTNAME: 'payments-db-0',
      SYSLOG_IDENTIFIER: 'mysqld',
      _SYSTEMD_UNIT: 'mysql.service',
      _PID: '2417',
      _COMM: 'mysqld',
      MESSAGE: `${new Date(t).toISOString().replace('Z', '000Z')} ${message}`,
    }),
  };
}

function mysqlJournal() {
  const lines = [];
  let seq = 0;
  for (const t of steady(DATA_START, DATA_END, 3)) {
    lines.push(journalLine(t, 6, `${int(10, 99)} [Note] [MY-010914] [Server] Aborted connection ${int(80000, 99999)} to db: 'payments' user: 'reporting' host: '10.42.${int(1, 6)}.${int(2, 250)}' (Got timeout reading communication packets).`, seq++));
  }
  for (let t = DATA_START + 600_000; t < DATA_END; t += 1_800_000) {
    lines.push(journalLine(t, 6, `0 [Note] [MY-011071] [Server] Binary log rotated: binlog.00${4811 + Math.round((t - DATA_START) / 1_800_000)} (max_binlog_size 1 GiB)`, seq++));
  }
  // innodb_print_all_deadlocks = ON: each deadlock is dumped to the error log.
  for (const t of DEADLOCKS) {
    lines.push(journalLine(t - 40, 4, '0 [Warning] [MY-012468] [InnoDB] Transactions deadlock detected, dumping detailed information.', seq++));
    lines.push(journalLine(t - 39, 6, `0 [Note] [MY-012469] [InnoDB] *** (1) TRANSACTION: TRANSACTION ${int(91000000, 91999999)}, ACTIVE 3 sec starting index read; UPDATE merchant_balances SET available = available + 1999, version = version + 1 WHERE merchant_id = '${HOT}'`, seq++));
    lines.push(journalLine(t - 39, 6, `0 [Note] [MY-012469] [InnoDB] *** (2) TRANSACTION: TRANSACTION ${int(91000000, 91999999)}, ACTIVE 2 sec inserting; INSERT INTO ledger_entries (payment_id, merchant_id, amount, currency, kind) VALUES ('p_${hex(12)}', '${HOT}', 1999, 'EUR', 'capture')`, seq++));
    lines.push(journalLine(t - 38, 6, '0 [Note] [MY-012469] [InnoDB] *** WE ROLL BACK TRANSACTION (2)', seq++));
  }
  return lines;
}

// ---- payments-db slow query log (Fluent Bit → JSON, one entry per line) ------------------------
function slowLog() {
  const lines = [];
  const entry = (t, queryTime, lockTime, rowsSent, rowsExamined, sql) => ({
    t,
    text: JSON.stringify({
      time: iso(t),
      service: 'payments-db',
      host: 'payments-db-0',
      log_type: 'slow',
      message: `# User@Host: app[app] @ [10.42.${int(1, 6)}.${int(2, 250)}]  Id: ${int(400000, 499999)}\n# Query_time: ${queryTime.toFixed(6)}  Lock_time: ${lockTime.toFixed(6)} Rows_sent: ${rowsSent}  Rows_examined: ${rowsExamined}\n${sql}`,
    }),
  });
  // Routine: the reporting replica-lag check and settlement exports (long_query_time = 1 s).
  for (const t of steady(DATA_START, DATA_END, 3.5)) {
    lines.push(entry(t, uniform(1.02, 2.9), uniform(0.00001, 0.0002), int(100, 3000), int(20000, 89000), `SELECT merchant_id, SUM(amount) FROM ledger_entries WHERE created_at >= '2026-11-19 00:00:00' GROUP BY merchant_id;`));
  }
  // The incident: hot-row updates that waited on the lock (Rows_examined: 1, Lock_time ≈ Query_time).
  for (const t of arrivals(DATA_START, DATA_END, (t) => 12 * incident(t), 12)) {
    const wait = uniform(1.0, 5.0);
    lines.push(entry(t, wait + uniform(0.0002, 0.003), wait, 0, 1, `UPDATE merchant_balances SET available = available + ${int(500, 25000)}, version = version + 1 WHERE merchant_id = '${HOT}';`));
  }
  return lines;
}

// ---- metrics: long CSV, one row per series and minute, the series named by the tree's query -----
// Every metric query of trees/payment-latency.yaml is PromQL beyond a plain selector, so the file
// names each series by its exact query text (docs/evidence.md, "How a tree's query maps…").
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

/** A value computed over a 5-minute rate window: the incident shape smoothed the way rate() smooths it. */
const smoothed = (t) => {
  let s = 0;
  for (let k = 0; k < 5; k++) s += incident(t - k * 60_000);
  return s / 5;
};

function metricRows() {
  const rows = [];
  const add = (t, query, value, labels = '') => rows.push([iso(t), query, labels, value]);
  const r = (x, digits) => Number(x.toFixed(digits));
  for (let t = DATA_START; t < DATA_END; t += 60_000) {
    const inc = smoothed(t);
    const traffic = 980 + 60 * Math.sin((t - DATA_START) / 3_600_000) + normal(0, 18);
    add(t, Q.podSpread, r(Math.abs(normal(0.13, 0.02)), 3));
    add(t, Q.cacheHit, r(normal(0.972, 0.003), 4));
    add(t, Q.pending, Math.max(0, Math.round(normal(0.4, 0.6) + 2.2 * incident(t))));
    add(t, Q.envoyConnect, r(Math.abs(normal(1.9, 0.25)), 2));
    add(t, Q.retrans, r(normal(41, 5), 1));
    add(t, Q.listenOverflows, 0);
    add(t, Q.timeWait, Math.round(normal(4100, 180)));
    add(t, Q.conntrack, r(normal(0.18, 0.008), 4));
    add(t, Q.dnsP99, r(Math.abs(normal(0.0041, 0.0004)), 5));
    add(t, Q.servfail, r(Math.abs(normal(0.012, 0.004)), 4));
    add(t, Q.lockWaits, r(Math.abs(normal(2.1, 0.6)) + 168 * inc + (inc > 0 ? normal(0, 9) * inc : 0), 2));
    add(t, Q.lockCurrent, Math.max(0, Math.round(Math.abs(normal(0.3, 0.6)) + 31 * incident(t) + (incident(t) > 0 ? normal(0, 4) : 0))));
    add(t, Q.selectScan, r(normal(3.4, 0.35), 2));
    add(t, Q.slowQueries, r(Math.abs(normal(0.005, 0.002)) + 0.42 * inc, 4));
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
    add(t, Q.misses, r(normal(27.5, 2.2) * (traffic / 1000), 2));
    add(t, Q.evictions, 0);
    add(t, Q.redisMemory, r(normal(0.61, 0.004), 4));
    add(t, Q.redisUptime, Math.round(1_987_400 + (t - DATA_START) / 1000));
    add(t, Q.requests, r(traffic, 1));
    const active = normal(7.5, 1.3) + 9.5 * inc;
    add(t, Q.active, Math.max(1, Math.round(active)));
    add(t, Q.poolBusy, r(Math.min(1, Math.max(0.03, active / 30)), 3));
    add(t, Q.dbConnections, r(normal(0.34, 0.01), 3));
    add(t, Q.gcPause, r(Math.abs(normal(0.021, 0.006)), 4));
    add(t, Q.oldGen, r(normal(0.46, 0.015), 3));
    add(t, Q.maxHeap, 2147483648);
  }
  return rows;
}

const csvCell = (v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-19T16:42:18Z', service: 'payments-api', kind: 'deploy', description: 'payments-api v4.18.2 (rollout 16:42-16:51, refund webhook retries)', author: 'deploy-bot' },
  { time: '2026-11-20T08:15:02Z', service: 'fraud-rules', kind: 'config', description: 'rules v1882: raise velocity.card_7d to 25', author: 'r.okafor' },
  { time: '2026-11-20T09:48:40Z', service: 'checkout-web', kind: 'deploy', description: 'checkout-web 2026.11.20-1 (copy changes on the payment page)', author: 'deploy-bot' },
];

// ---- write ------------------------------------------------------------------------------------
function writeLines(path, lines) {
  mkdirSync(dirname(join(HERE, path)), { recursive: true });
  lines.sort((a, b) => a.t - b.t);
  writeFileSync(join(HERE, path), lines.map((l) => l.text).join('\n') + '\n');
  return lines.length;
}

const counts = {
  'logs/payments-api.jsonl': writeLines('logs/payments-api.jsonl', paymentsApiLog()),
  'logs/payments-db-0.mysqld.journal.json': writeLines('logs/payments-db-0.mysqld.journal.json', mysqlJournal()),
  'logs/payments-db-0.slow.jsonl': writeLines('logs/payments-db-0.slow.jsonl', slowLog()),
};
const rows = metricRows();
writeFileSync(join(HERE, 'metrics.csv'), ['time,series,labels,value', ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n');
writeFileSync(join(HERE, 'changes.jsonl'), CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
for (const [file, n] of Object.entries(counts)) console.log(`${file}: ${n} lines`);
console.log(`metrics.csv: ${rows.length} rows`);
