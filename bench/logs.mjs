#!/usr/bin/env node
// Benchmark: scan a generated log (mixed JSON and text lines, 12 hours) with 50 patterns through
// the evidence stage, against `grep -c -E` with the same patterns. Targets (issue 6): at most 2× grep's
// time, peak memory under 200 MiB whatever the size. FTREE_BENCH_LOG_MB sets the size (default 1024).
// FTREE_BENCH_LOG_FILE names a log to generate once and keep (for profiling). Run `npm run build`
// first (the scan runs the compiled dist/evidence).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizeMb = Number(process.env.FTREE_BENCH_LOG_MB ?? 1024);
const START = Date.parse('2026-11-22T00:00:00Z');
const SPAN = 12 * 3_600_000;

/** 50 patterns: the shapes of the shipped trees' signals (substrings and regexes), case-sensitive. */
const PATTERNS = [
  'Lock wait timeout exceeded; try restarting transaction', 'Deadlock found when trying to get lock', 'nf_conntrack: table full, dropping packet',
  'TCP: request_sock_TCP: Possible SYN flooding on port', 'io.netty.handler.timeout.ReadTimeoutException', 'upstream connect error or disconnect/reset before headers',
  'No PSP route available for', 'CKR_DEVICE_ERROR', 'Connection to token-vault-db:5432 refused', 'Invalid Merchant Account', 'Issuer Unavailable',
  'x509: certificate has expired', 'Received fatal alert: certificate_expired', 'OutOfMemoryError', 'Too many connections', 'Connection reset by peer',
  'circuit breaker OPEN', 'Redis is loading the dataset in memory', 'OOMKilled', 'Back-off restarting failed container', 'context deadline exceeded',
  'too many open files', 'Readiness probe failed', 'Liveness probe failed', 'etcdserver: request timed out', 'SERVFAIL', 'certificate verify failed',
  'Read timed out', 'HTTP 429 Too Many Requests', 'WriteConflict error', 'replication lag exceeded', 'disk quota exceeded', 'segmentation fault',
  '/HikariPool-[0-9]+ - Connection is not available, request timed out after [0-9]+ms/', '/5[0-9][0-9] [A-Za-z ]+ from POST https:\\/\\/api\\.psp-a\\.example/',
  '/CKR_PIN_INCORRECT|CKR_USER_NOT_LOGGED_IN/', '/Rows_examined: [0-9]{6,}/', '/lookup [^ ]+ on [^ ]+: .*i\\/o timeout/', '/GC pause \\(G1 Evacuation Pause\\) [0-9]{4,}ms/',
  '/dial tcp [0-9.]+:[0-9]+: connect: connection refused/', '/Pool stats \\(total=[0-9]+, active=[0-9]+, idle=0, waiting=[1-9][0-9]*\\)/', '/ERROR [0-9]{4} \\(HY000\\)/',
  '/retry attempt [5-9] of [0-9]+/', '/evicted [0-9]{5,} keys/', '/kafka: (leader not available|not enough replicas)/', '/slow query: [0-9]{4,}ms/',
  '/status=(502|503|504) upstream=/', '/memory usage [89][0-9]% of limit/', '/FATAL: remaining connection slots are reserved/', '/panic: runtime error: [a-z ]+/',
];

const SERVICES = ['payments-api', 'auth-service', 'psp-router', 'tokenisation', 'settlement-worker', 'fraud-scorer'];
const RARE = [
  'ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction', 'HikariPool-1 - Connection is not available, request timed out after 30000ms',
  'Authorization failed: 503 Service Unavailable from POST https://api.psp-a.example/v1/payments', 'nf_conntrack: table full, dropping packet',
  'dial tcp: lookup api.psp-a.example on 10.96.0.10:53: read udp 10.1.4.7:41234->10.96.0.10:53: i/o timeout', 'io.netty.handler.timeout.ReadTimeoutException: null',
];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rand() * a.length)];

function line(i, total) {
  const t = new Date(START + Math.floor((i / total) * SPAN)).toISOString();
  const svc = pick(SERVICES);
  const r = rand();
  const msg = r < 0.0005
    ? pick(RARE)
    : pick([
      `POST /v1/payments/${Math.floor(rand() * 1e9)}/capture 201 in ${Math.floor(rand() * 300)}ms`,
      `Captured payment ${Math.floor(rand() * 1e7)} for merchant m-${Math.floor(rand() * 500)} amount=${(rand() * 900).toFixed(2)} currency=EUR`,
      `cache hit ratio ${90 + Math.floor(rand() * 10)}% over the last 60s for keyspace payments:v3`,
      `authorised payment ${Math.floor(rand() * 1e7)} via psp-a in ${Math.floor(rand() * 400)}ms (issuer ${Math.floor(rand() * 9e5)}, 3ds frictionless)`,
      `GET /healthz 200 in ${Math.floor(rand() * 5)}ms user-agent=kube-probe/1.29`,
    ]);
  if (rand() < 0.5) {
    return JSON.stringify({ time: t, level: r < 0.0005 ? 'error' : 'info', service: svc, pod: `${svc}-7f9c4b-${Math.floor(rand() * 1e5).toString(36)}`, msg, trace_id: Math.floor(rand() * 2 ** 52).toString(16).padStart(16, '0') });
  }
  return `${t} ${r < 0.0005 ? 'ERROR' : 'INFO '} [${svc}] c.e.p.${pick(['CaptureService', 'AuthClient', 'Router', 'Vault'])} - ${msg}`;
}

function generate(file, bytes) {
  const fd = openSync(file, 'w');
  const avg = 190;
  const total = Math.ceil(bytes / avg);
  let written = 0;
  let i = 0;
  while (written < bytes) {
    const parts = [];
    let size = 0;
    while (size < 4 * 1024 * 1024) {
      const l = `${line(i++, total)}\n`;
      parts.push(l);
      size += l.length;
    }
    written += writeSync(fd, parts.join(''));
  }
  closeSync(fd);
  return i;
}

function toEre(p) {
  const m = /^\/(.*)\/([a-z]*)$/.exec(p);
  return m ? m[1].replace(/\\\//g, '/') : p.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
}

function seconds(fn) {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return { r, s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const keep = process.env.FTREE_BENCH_LOG_FILE;
const dir = mkdtempSync(join(tmpdir(), 'ftree-bench-logs-'));
try {
  const file = keep ?? join(dir, 'bench.log');
  if (!keep || !existsSync(keep)) {
    process.stdout.write(`generating ${sizeMb} MiB of logs … `);
    const gen = seconds(() => generate(file, sizeMb * 1024 * 1024));
    console.log(`${gen.r.toLocaleString('en-US')} lines, ${(statSync(file).size / 1048576).toFixed(0)} MiB in ${gen.s.toFixed(1)} s`);
  }
  spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] }); // page cache
  const grepArgs = ['-c', '-E', ...PATTERNS.flatMap((p) => ['-e', toEre(p)]), file];
  const grep = seconds(() => spawnSync('grep', grepArgs, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }));
  const grepCount = Number(grep.r.stdout.trim());
  const child = (templates) => seconds(() => spawnSync(process.execPath, [join(root, 'bench', 'scan-logs-child.mjs'), file, JSON.stringify(PATTERNS), String(START), String(START + 10 * SPAN), templates ? '1' : '0'], { encoding: 'utf8' }));
  const scan = child(false);
  if (scan.r.status !== 0) throw new Error(scan.r.stderr);
  const a = JSON.parse(scan.r.stdout);
  const mined = child(true);
  if (mined.r.status !== 0) throw new Error(mined.r.stderr);
  const b = JSON.parse(mined.r.stdout);
  const ratio = scan.s / grep.s;
  console.log(`grep -c -E (50 patterns, LC_ALL=C)     ${grep.s.toFixed(2)} s, ${grepCount.toLocaleString('en-US')} matching lines`);
  console.log(`ftree scan (50 signals)                 ${scan.s.toFixed(2)} s, ${Math.round(a.lines / scan.s).toLocaleString('en-US')} lines/s, peak ${a.peakMiB} MiB RSS, ${a.matches.toLocaleString('en-US')} matches`);
  console.log(`ftree scan + templates (window = all)   ${mined.s.toFixed(2)} s, ${Math.round(b.lines / mined.s).toLocaleString('en-US')} lines/s, peak ${b.peakMiB} MiB RSS, ${b.templates} templates`);
  console.log(`ratio to grep                           ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}; with templates ${(mined.s / grep.s).toFixed(2)}×`);
  console.log(`peak memory                             ${Math.max(a.peakMiB, b.peakMiB)} MiB (target < 200 MiB) ${Math.max(a.peakMiB, b.peakMiB) < 200 ? 'OK' : 'OVER TARGET'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
