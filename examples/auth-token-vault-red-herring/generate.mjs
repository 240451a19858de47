#!/usr/bin/env node
// Regenerates this scenario's data: node examples/auth-token-vault-red-herring/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: at 17:19:45 the token vault's PostgreSQL primary (token-vault-db-0) hangs on its EBS
// volume. Patroni cannot fail over: the replica is 40 MB behind after a re-tokenisation backfill,
// beyond maximum_lag_on_failover. The read-write service has no endpoint, so tokenising a new
// card fails ("Connection to token-vault-db:5432 refused") while detokenising stored cards still
// works from the replica: ~30 % of authorisations fail. The auth-service logs are full of PSP-A
// read timeouts and "Connection reset by peer", as every day: the red herrings. A DBA forces the
// failover at 17:41; tokenisation recovers at 17:42:30.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 20261126;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-26T${hhmmss}Z`);
const DATA_START = at('16:20:00');
const DATA_END = at('18:00:00');
const VAULT_DOWN = at('17:19:45');
const VAULT_BACK = at('17:42:30');
const vaultDown = (t) => t >= VAULT_DOWN && t < VAULT_BACK;
const iso = (t) => new Date(t).toISOString();
/** Share of authorisations that reach PSP-A: ~30 % fail at tokenisation while the vault is down. */
const pspShare = (t) => (vaultDown(t) ? 0.7 : 1);

// ---- auth-service: Docker json-file logs of two containers, the app writing JSON lines ----------
const CONTAINERS = [
  { id: '5e0c2b7a9d1f4e3c8b6a0d2f4e6c8a1b3d5f7e9c0a2b4d6f8e0c2a4b6d8f0e21', host: 'auth-1' },
  { id: 'a7d3f1e9c5b2a8d6f4e0c2b9a7d5f3e1c9b6a4d2f0e8c7b5a3d1f9e7c6b4a280', host: 'auth-2' },
];
const dockerTime = (t) => iso(t).replace('Z', `${String(int(0, 999999)).padStart(6, '0')}Z`);

function authLine(t, level, logger, message, extra = {}) {
  const app = {
    timestamp: iso(t),
    level,
    service: 'auth-service',
    logger,
    thread: extra.thread ?? `reactor-http-epoll-${int(1, 8)}`,
    message,
    ...(extra.exception ? { exception: extra.exception } : {}),
  };
  return { t, text: JSON.stringify({ log: `${JSON.stringify(app)}\n`, stream: level === 'INFO' ? 'stdout' : 'stderr', time: dockerTime(t) }) };
}

const READ_TIMEOUT = ['io.netty.handler.timeout.ReadTimeoutException: null', '\tWrapped by: org.springframework.web.reactive.function.client.WebClientRequestException: nested exception is io.netty.handler.timeout.ReadTimeoutException', '\tat com.example.auth.psp.PspAClient.authorise(PspAClient.java:112)'].join('\n');

function authServiceLogs(container) {
  const lines = [];
  // Sampled authorisation results: about one line a minute per container.
  for (const t of steady(DATA_START, DATA_END, 1)) {
    if (vaultDown(t) && rand() < 0.3) continue;
    const psp = rand() < 0.93 ? 'psp-a' : 'psp-b';
    lines.push(authLine(t, 'INFO', 'c.e.auth.AuthorisationService', `Authorised payment pay_${hex(12)} via ${psp} in ${int(140, 620)}ms (bin ${pick(['424242', '535310', '411111', '545454', '376400'])}, result=Authorised)`));
  }
  // Red herring 1: PSP-A read timeouts, every day at about one every two minutes per container.
  // Fewer during the incident: 30 % of payments never reach PSP-A.
  for (const t of steady(DATA_START, DATA_END, 2.4)) {
    if (rand() > pspShare(t)) continue;
    lines.push(authLine(t, 'WARN', 'c.e.auth.psp.PspAClient', 'PSP-A call POST https://api.psp-a.example/v1/authorise failed, falling back to PSP-B: io.netty.handler.timeout.ReadTimeoutException', { exception: READ_TIMEOUT }));
  }
  // Red herring 2: connection resets on idle keep-alive connections, about one every 80 s.
  for (const t of steady(DATA_START, DATA_END, 1.35)) {
    const psp = pick(['api.psp-a.example/203.0.113.45', 'api.psp-b.example/198.51.100.17']);
    lines.push(authLine(t, 'WARN', 'reactor.netty.http.client.HttpClientConnect', `[id: 0x${hex(8)}, L:/10.20.3.${int(10, 40)}:${int(32768, 60999)} - R:${psp}:443] An exception has been observed post termination, use DEBUG level to see the full stack: io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer`));
  }
  // A PSP-A 502 now and then.
  for (const t of steady(DATA_START, DATA_END, 25)) {
    lines.push(authLine(t, 'WARN', 'c.e.auth.psp.PspAClient', '502 Bad Gateway from POST https://api.psp-a.example/v1/authorise, falling back to PSP-B'));
  }
  // The incident: failures at tokenisation, logged through a rate-limited logger every 10 s.
  for (let t = VAULT_DOWN + int(2000, 9000); t < VAULT_BACK + 5000; t += 10_000) {
    const n = int(280, 360);
    lines.push(authLine(t + int(0, 400), 'ERROR', 'c.e.auth.AuthorisationService', `${n} authorisations failed in the last 10s: tokenisation returned 503 Service Unavailable (TOKEN_STORE_UNAVAILABLE); ${int(5, 40)} similar messages suppressed`));
  }
  return lines;
}

// ---- tokenisation: Spring Boot console log (plain text, local time +01:00) with stack traces ---
const LOCAL = 60 * 60_000;
const springTime = (t) => `${new Date(t + LOCAL).toISOString().replace('Z', '')}+01:00`;
const spring = (t, level, thread, logger, message) => `${springTime(t)} ${level.padStart(5)} 1 --- [tokenisation] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${message}`;

const VAULT_STACK = [
  'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
  '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:653)',
  '\tat com.example.tokenisation.vault.TokenVaultRepository.insert(TokenVaultRepository.java:58)',
  '\tat com.example.tokenisation.TokenisationService.tokenise(TokenisationService.java:91)',
  'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 2001ms (total=0, active=0, idle=0, waiting=14)',
  '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:710)',
  '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:189)',
  '\t... 41 common frames omitted',
  'Caused by: org.postgresql.util.PSQLException: Connection to token-vault-db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)',
  '\tat org.postgresql.Driver.makeConnection(Driver.java:443)',
  'Caused by: java.net.ConnectException: Connection refused',
  '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
  '\t... 19 common frames omitted',
];

function tokenisationLog() {
  const out = [];
  const add = (t, ...texts) => out.push({ t, texts });
  for (let t = DATA_START + 17_000; t < DATA_END; t += 60_000) {
    const n = int(9400, 11800);
    add(t, spring(t, 'INFO', 'scheduling-1', 'c.e.tokenisation.metrics.UsageReporter', vaultDown(t)
      ? `Last minute: ${Math.round(n * 0.7)} detokenised (cache hit ratio ${int(74, 79)}%), 0 tokenised, ${int(2900, 3500)} tokenise requests failed`
      : `Last minute: ${Math.round(n * 0.7)} detokenised (cache hit ratio ${int(74, 79)}%), ${Math.round(n * 0.3)} tokenised, 0 failed`));
  }
  for (let t = DATA_START + 41_000; t < DATA_END; t += 300_000) {
    add(t, spring(t, 'INFO', 'scheduling-2', 'c.e.tokenisation.keys.KeyRotationWatcher', 'Data-encryption key dek-2026-11 active on hsm-a, hsm-b (HA group pay-tok, 2 members)'));
  }
  // Hikari notices the primary is gone, then every failed tokenisation is logged with its trace (sampled 1 in 1000).
  add(VAULT_DOWN + 1_300, spring(VAULT_DOWN + 1_300, 'WARN', 'ikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@6d1a3b2f (This connection has been closed.). Possibly consider using a shorter maxLifetime value.'));
  for (let t = VAULT_DOWN + 4_000; t < VAULT_BACK; t += int(15_000, 25_000)) {
    add(t, spring(t, 'WARN', 'onnection adder', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Pool is empty, failed to create/setup connection (22d8a7c4-1f3b-4c2e-9a6d-0b5e7f9c1d3a)'));
    const e = t + int(200, 4000);
    add(e, spring(e, 'ERROR', `nio-8443-exec-${int(1, 200)}`, 'c.e.tokenisation.web.TokeniseController', `Tokenise request ${hex(16)} failed, answering 503 TOKEN_STORE_UNAVAILABLE`), ...VAULT_STACK);
  }
  add(VAULT_BACK, spring(VAULT_BACK, 'INFO', 'onnection adder', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@1f9e3c7a'));
  out.sort((a, b) => a.t - b.t);
  return out.flatMap((x) => x.texts);
}

// ---- token-vault-db-1 (the replica): Patroni via journald (journalctl -u patroni -o json) --------
function patroniJournal() {
  const out = [];
  let seq = 0;
  const add = (t, priority, message) => {
    const us = BigInt(t) * 1000n + BigInt(int(0, 999));
    out.push({
      t,
      text: JSON.stringify({
        __CURSOR: `s=91c2e4f6a8b0d2c4e6f8a0b2c4d6e8f0;i=${(0x3b41a0 + seq++).toString(16)};b=2c4e6f8a0b2c4d6e8f0a1b3c5d7e9f1a;m=${(us - 1795500000000000n).toString(16)};t=${us.toString(16)};x=${hex(16)}`,
        __REALTIME_TIMESTAMP: us.toString(),
        __MONOTONIC_TIMESTAMP: (us - 1795500000000000n).toString(),
        PRIORITY: String(priority),
        _HOSTNAME: 'token-vault-db-1',
        SYSLOG_IDENTIFIER: 'patroni',
        _SYSTEMD_UNIT: 'patroni.service',
        _PID: '1093',
        MESSAGE: message,
      }),
    });
  };
  const stamp = (t) => new Date(t).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
  // Exported with journalctl -u patroni --since 16:45 --until 17:55 -o json.
  for (let t = at('16:45:03.200'); t < at('17:55:00'); t += 10_000) {
    if (t < VAULT_DOWN + 25_000) add(t, 6, `${stamp(t)} INFO: no action. I am (token-vault-db-1), a secondary, and following a leader (token-vault-db-0)`);
    else if (t < at('17:41:10')) {
      add(t, 4, `${stamp(t)} WARNING: Request failed to token-vault-db-0: GET http://10.20.4.11:8008/patroni (HTTPConnectionPool(host='10.20.4.11', port=8008): Read timed out. (read timeout=2))`);
      add(t + 2100, 6, `${stamp(t + 2100)} INFO: Member token-vault-db-1 exceeds maximum replication lag`);
      add(t + 2102, 6, `${stamp(t + 2102)} INFO: not healthy enough for leader race`);
      add(t + 2105, 6, `${stamp(t + 2105)} INFO: Lock owner: None; I am token-vault-db-1`);
    } else if (t < at('17:42:30')) {
      add(t, 6, `${stamp(t)} INFO: received failover request with leader=None candidate=token-vault-db-1 scheduled_at=None`);
      add(t + 600, 6, `${stamp(t + 600)} INFO: promoted self to leader by acquiring session lock`);
    } else add(t, 6, `${stamp(t)} INFO: no action. I am (token-vault-db-1), the leader with the lock`);
  }
  return out;
}

// ---- metrics ------------------------------------------------------------------------------------
const Q = {
  breaker: 'max(resilience4j_circuitbreaker_state{name="psp-a",state="open"})',
  throttled: 'sum(rate(http_client_requests_seconds_count{client_name="api.psp-a.example",status="429"}[5m]))',
  pspAErrors: 'sum(rate(http_client_requests_seconds_count{client_name="api.psp-a.example",outcome="SERVER_ERROR"}[5m]))',
  pspAP99: 'histogram_quantile(0.99, sum by (le) (rate(http_client_requests_seconds_bucket{client_name="api.psp-a.example"}[5m])))',
  retries: 'sum(rate(resilience4j_retry_calls_total{name="psp-a",kind="failed_with_retry"}[5m]))',
  tps: 'sum(rate(payments_authorizations_total[1m]))',
  certLeft: 'min(certmanager_certificate_expiration_timestamp_seconds{name="psp-a-client-mtls"}) - time()',
  egress: 'sum(up{job="istio-egressgateway"})',
  clockOffset: 'max(abs(node_timex_offset_seconds))',
  clockSync: 'min(node_timex_sync_status)',
  pspBErrors: 'sum(rate(http_client_requests_seconds_count{client_name="api.psp-b.example",outcome="SERVER_ERROR"}[5m]))',
  hsmA: 'min(up{job="hsm-snmp",instance="hsm-a"})',
  hsmB: 'min(up{job="hsm-snmp",instance="hsm-b"})',
  fraudBlocks: 'max(sum by (rule_id) (rate(fraud_rule_decisions_total{action="block"}[5m])))',
  issuerRefusals: 'sum(rate(payments_authorizations_total{result="refused",refusal_reason="issuer_unavailable"}[5m]))',
};
const PG_UP = 'min(pg_up{instance=~"token-vault-db.*"})';
const STEP = 60_000;
const r = (x, digits) => Number(x.toFixed(digits));
/** rate(…[5m]) lags a step change by up to five minutes. */
const lagged = (f) => (t) => {
  let s = 0;
  for (let k = 0; k < 5; k++) s += f(t - k * 60_000);
  return s / 5;
};
const share = lagged(pspShare);
const CERT_NOT_AFTER = Date.parse('2027-01-03T09:14:07Z') / 1000;

function metricRows() {
  const rows = [];
  const add = (t, series, value, labels = '') => rows.push([iso(t), series, labels, value]);
  for (let t = DATA_START; t < DATA_END; t += STEP) {
    const s = share(t);
    add(t, Q.breaker, 0);
    add(t, Q.throttled, 0);
    add(t, Q.pspAErrors, r(Math.abs(normal(0.04, 0.015)) * s, 4));
    add(t, Q.pspAP99, r(normal(1.38, 0.09), 3));
    add(t, Q.retries, r(Math.abs(normal(0.34, 0.05)) * s, 3));
    add(t, Q.tps, r(normal(221, 7), 1));
    add(t, Q.certLeft, Math.round(CERT_NOT_AFTER - t / 1000));
    add(t, Q.egress, 2);
    add(t, Q.clockOffset, r(Math.abs(normal(0.0003, 0.0001)), 6));
    add(t, Q.clockSync, 1);
    add(t, Q.pspBErrors, r(Math.abs(normal(0.01, 0.005)), 4));
    add(t, Q.hsmA, 1);
    add(t, Q.hsmB, 1);
    // The rule that blocks most is the card-testing rule, which sees first-time cards: those now
    // fail at tokenisation before the fraud screen, so its block rate falls by about 60 %.
    add(t, Q.fraudBlocks, r(normal(0.81, 0.05) * (1 - (1 - s) * 2), 3), 'rule_id=ct_new_card_burst');
    add(t, Q.issuerRefusals, r(Math.abs(normal(0.05, 0.012)) * s, 4));
    // Not in the tree, on the same dashboard: the replica's lag behind the primary.
    const lag = t < at('16:05:00') ? 0 : Math.min(41_900_000, 120_000 * ((t - at('16:05:00')) / 60_000));
    add(t, 'pg_replication_lag_bytes', Math.round(vaultDown(t) || t < VAULT_DOWN ? lag + normal(0, 20_000) : 0), 'instance=token-vault-db-1;job=postgres');
  }
  return rows;
}

/** The DBA's `curl …/api/v1/query_range?query=min(pg_up{…})`, saved with ftree's "query" key. */
function pgUpQueryRange() {
  const values = [];
  for (let t = DATA_START; t < DATA_END; t += 15_000) values.push([t / 1000, vaultDown(t) ? '0' : '1']);
  return { query: PG_UP, status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } };
}

const csvCell = (v) => (typeof v === 'string' && /[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-23T10:12:00Z', service: 'hsm', kind: 'config', description: 'Luna client 10.7.1 on tokenisation nodes', author: 'sec-ops' },
  { time: '2026-11-26T12:10:31Z', service: 'fraud-rules', kind: 'config', description: 'rules v1890: block BIN 5xxxxx gift cards over 500 EUR', author: 'r.okafor' },
  { time: '2026-11-26T14:05:44Z', service: 'payments-config', kind: 'config', description: 'merchant m_7781: enable PSP-B for AMEX', author: 'j.moreau' },
  { time: '2026-11-26T16:05:00Z', service: 'token-vault', kind: 'job', description: 're-tokenisation backfill, batch 7 of 12 (bulk UPDATE of 4.1M rows)', author: 'data-platform' },
];

// ---- write ------------------------------------------------------------------------------------
const sorted = (lines) => lines.sort((a, b) => a.t - b.t).map((l) => l.text).join('\n') + '\n';

let n = 0;
for (const c of CONTAINERS) {
  const lines = authServiceLogs(c);
  n += lines.length;
  write(`logs/auth-service/${c.host}/${c.id}-json.log`, sorted(lines));
}
const tok = tokenisationLog();
write('logs/tokenisation.log', tok.join('\n') + '\n');
const pat = patroniJournal();
write('logs/token-vault-db-1.patroni.journal.json', sorted(pat));
const rows = metricRows();
write('metrics.csv', ['time,series,labels,value', ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n');
write('token-vault-pg-up.json', JSON.stringify(pgUpQueryRange()) + '\n');
write('changes.jsonl', CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`auth-service: ${n} lines; tokenisation.log: ${tok.length} lines; patroni: ${pat.length} lines; metrics.csv: ${rows.length} rows`);
