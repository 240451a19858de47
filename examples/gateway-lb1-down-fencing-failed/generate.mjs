#!/usr/bin/env node
// Regenerates this scenario's data: node examples/gateway-lb1-down-fencing-failed/generate.mjs
// Plain Node, no dependencies, fixed seed: the same files every run. Run by hand, never by CI.
//
// Story: at 14:11:38 the host under lb-1 (the active HAProxy) fails. Route 53 marks lb-1
// unhealthy at 14:12:40 and clients move to lb-2 within the 60 s TTL, but the failover
// controller cannot fence lb-1: ec2:StopInstances on an impaired host hangs in "stopping", the
// fence times out after 60 s, and the split-brain guard refuses to promote lb-2. lb-2 keeps
// answering from its standby backend (503). On-call forces the promotion at 14:31:20.
// Two causes of one cut set: lb_1_failure AND split_brain_fencing_conflict.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, writerUnder } from '../lib/generate-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const write = writerUnder(HERE);
const SEED = 202611201;

// ---- deterministic randomness (examples/lib/generate-kit.mjs) -----------------------------
const { rand, uniform, int, pick, normal, hex, steady, arrivals } = createRandom(SEED);

// ---- the timeline ----------------------------------------------------------------------------
const at = (hhmmss) => Date.parse(`2026-11-20T${hhmmss}Z`);
const DATA_START = at('13:10:00');
const DATA_END = at('14:50:00');
const LB1_DEAD = at('14:11:38');
const R53_FLIP = at('14:12:40'); // Route 53 answers lb-2 from here; clients follow within the TTL
const PROMOTED = at('14:31:20'); // on-call: failoverctl promote lb-2 --skip-fence
const LB1_STOPPED = at('14:33:05'); // EC2 finally reports lb-1 stopped
const iso = (t) => new Date(t).toISOString();
const LB1_INSTANCE = 'i-0c4f7e2a9b1d3e5f6';

/** Share of client traffic that has moved to lb-2 (TTL 60 s, some clients cache up to 2 min). */
function onLb2(t) {
  if (t < R53_FLIP) return 0;
  return Math.min(1, (t - R53_FLIP) / 120_000);
}
const TRAFFIC = 640; // requests per second at pay.example.com, early afternoon

// ---- the failover controller (Go, logfmt) ---------------------------------------------------------
function logfmt(t, level, caller, msg, kv = {}) {
  const q = (v) => (/[\s"=]/.test(String(v)) ? JSON.stringify(String(v)) : String(v));
  const extra = Object.entries(kv).map(([k, v]) => `${k}=${q(v)}`).join(' ');
  return { t, text: `ts=${iso(t)} level=${level} service=failover-controller caller=${caller} msg=${q(msg)}${extra ? ` ${extra}` : ''}` };
}

function controllerLog() {
  const out = [];
  let active = 'lb-1';
  for (let t = DATA_START + 7_400; t < DATA_END; t += 30_000) {
    if (t < LB1_DEAD || t >= PROMOTED) {
      out.push(logfmt(t, 'info', 'reconcile.go:142', 'reconcile complete', { active, standby: active === 'lb-1' ? 'lb-2' : 'lb-1', route53_primary: t < R53_FLIP ? 'healthy' : 'unhealthy', lease: 'edge/pay-active', generation: 4410 + Math.floor((t - DATA_START) / 30_000) }));
    }
    if (t >= PROMOTED) active = 'lb-2';
  }
  out.push(logfmt(at('14:12:31.482'), 'warn', 'watch.go:61', 'health check state changed', { target: 'lb-1', healthy: false, source: 'route53', health_check: 'pay-lb-1' }));
  out.push(logfmt(at('14:12:31.490'), 'info', 'failover.go:88', 'starting failover', { from: 'lb-1', to: 'lb-2', reason: 'active unhealthy' }));
  // Fence attempts: 60 s time-out, 30 s back-off, until on-call skips the fence.
  for (let t = at('14:12:31.502'); t < PROMOTED - 60_000; t += 90_000 + int(0, 900)) {
    out.push(logfmt(t, 'info', 'fence.go:57', 'fencing active', { target: 'lb-1', instance: LB1_INSTANCE, action: 'ec2:StopInstances+DisassociateAddress' }));
    const timedOut = t + 60_000 + int(0, 40);
    out.push(logfmt(timedOut, 'error', 'fence.go:71', 'fencing timed out', { target: 'lb-1', instance: LB1_INSTANCE, state: 'stopping', after: '60s' }));
    out.push(logfmt(timedOut + 12, 'error', 'failover.go:104', 'refusing to promote standby: active not fenced (split-brain guard)', { standby: 'lb-2', retry_in: '30s' }));
  }
  out.push(logfmt(PROMOTED - 1_200, 'warn', 'api.go:212', 'manual promotion requested with --skip-fence', { standby: 'lb-2', user: 'oncall-sre' }));
  out.push(logfmt(PROMOTED, 'info', 'failover.go:131', 'promoted standby', { active: 'lb-2', fenced: false }));
  out.push(logfmt(LB1_STOPPED, 'info', 'fence.go:92', 'old active reached state stopped', { target: 'lb-1', instance: LB1_INSTANCE }));
  return out;
}

// ---- HAProxy on lb-1 and lb-2: /var/log/haproxy.log (rsyslog, RFC 3164 without PRI) -------------
// option dontlog-normal: only abnormal sessions are logged, and requests are sampled 1:2000.
const syslogTime = (t) => `Nov ${new Date(t).getUTCDate()} ${iso(t).slice(11, 19)}`;
const clfTime = (t) => `20/Nov/2026:${iso(t).slice(11, 23)}`;
const CLIENTS = ['198.51.100.23', '203.0.113.71', '192.0.2.144', '198.51.100.90', '203.0.113.8', '192.0.2.17'];
const PATHS = ['POST /v1/payments HTTP/1.1', 'POST /v1/payments HTTP/1.1', 'GET /v1/payments/{id} HTTP/1.1', 'POST /v1/refunds HTTP/1.1'];
const haproxyLine = (host, pid, t, text) => ({ t, text: `${syslogTime(t)} ${host} haproxy[${pid}]: ${text}` });

function lb1Log() {
  const out = [];
  for (const t of steady(DATA_START, LB1_DEAD, 0.8)) {
    const kind = pick(['CD--', 'cD--', 'CH--']);
    const status = kind === 'CH--' ? -1 : 200;
    out.push(haproxyLine('lb-1', 1873, t, `${pick(CLIENTS)}:${int(30000, 65000)} [${clfTime(t)}] https-in~ gateways/gw-${int(1, 3)} 0/0/1/${int(20, 90)}/${int(100, 30000)} ${status} ${int(0, 900)} - - ${kind} ${int(380, 460)}/${int(380, 460)}/${int(2, 12)}/${int(0, 5)}/0 0/0 "${pick(PATHS)}"`));
  }
  for (const t of steady(DATA_START, LB1_DEAD, 30)) out.push({ t, text: `${syslogTime(t)} lb-1 systemd[1]: Starting Daily apt download activities...` });
  return out;
}

function lb2Log() {
  const out = [];
  // Requests answered by the standby backend (503) between the DNS flip and the promotion.
  for (const t of arrivals(R53_FLIP, PROMOTED, (t) => (60 * TRAFFIC * onLb2(t)) / 2000, (60 * TRAFFIC) / 2000)) {
    out.push(haproxyLine('lb-2', 2211, t, `${pick(CLIENTS)}:${int(30000, 65000)} [${clfTime(t)}] https-in~ standby/<NOSRV> 0/-1/-1/-1/0 503 221 - - SC-- ${int(400, 520)}/${int(400, 520)}/0/0/0 0/0 "${pick(PATHS)}"`));
  }
  // After the promotion, abnormal sessions as on any active LB.
  for (const t of steady(PROMOTED + 5_000, DATA_END, 0.8)) {
    out.push(haproxyLine('lb-2', 2211, t, `${pick(CLIENTS)}:${int(30000, 65000)} [${clfTime(t)}] https-in~ gateways/gw-${int(1, 3)} 0/0/1/${int(20, 90)}/${int(100, 30000)} 200 ${int(0, 900)} - - ${pick(['CD--', 'cD--'])} ${int(380, 460)}/${int(380, 460)}/${int(2, 12)}/${int(0, 5)}/0 0/0 "${pick(PATHS)}"`));
  }
  out.push(haproxyLine('lb-2', 2211, PROMOTED + 300, 'Proxy https-in: switching to active mode (map /etc/haproxy/role.map: role=active).'));
  for (const t of steady(DATA_START, DATA_END, 30)) out.push({ t, text: `${syslogTime(t)} lb-2 systemd[1]: Starting Daily apt download activities...` });
  for (const t of steady(DATA_START, DATA_END, 5)) out.push({ t, text: `${syslogTime(t)} lb-2 chronyd[655]: Selected source 169.254.169.123 (offset ${normal(0, 0.00002).toFixed(6)} s)` });
  return out;
}

// ---- payment-gateway replicas (JSON lines) -------------------------------------------------------
function gatewayLog() {
  const out = [];
  for (const gw of ['gw-1', 'gw-2', 'gw-3']) {
    const line = (t, level, msg, extra = {}) => out.push({ t, text: JSON.stringify({ time: iso(t), level, service: 'payment-gateway', instance: gw, msg, ...extra }) });
    for (let t = DATA_START + int(0, 59_000); t < DATA_END; t += 60_000) {
      // Traffic reaches the gateways through lb-1 until it dies, through lb-2 after the promotion.
      const served = t < LB1_DEAD ? 1 : t < PROMOTED ? 0.02 : Math.min(1, (t - PROMOTED) / 60_000);
      const n = Math.round((TRAFFIC * 60 * served) / 3 + normal(0, 200) * served);
      line(t, 'info', `served ${Math.max(0, n)} requests in the last 60s`, { p99_ms: served > 0.5 ? int(70, 110) : int(40, 90), errors_5xx: served > 0.5 ? int(0, 4) : 0 });
    }
    for (let t = DATA_START + int(0, 599_000); t < DATA_END; t += 600_000) line(t, 'info', 'config reload succeeded', { version: 8812, source: 'consul://config-service/gateway/' });
  }
  return out;
}

// ---- external synthetics (Go, logfmt) -------------------------------------------------------------
function syntheticsLog() {
  const out = [];
  for (const region of ['eu-central-1', 'us-east-1']) {
    for (let t = DATA_START + int(0, 59_000); t < DATA_END; t += 60_000) {
      const base = `ts=${iso(t)} service=synthetics region=${region} check=pay-healthz url=https://pay.example.com/healthz`;
      if (t < LB1_DEAD + 5_000 || t >= PROMOTED + 20_000) out.push({ t, text: `${base} level=info msg="probe ok" status=200 duration_ms=${int(38, 160)}` });
      else if (t < R53_FLIP + 60_000 * (region === 'us-east-1' ? 2 : 1)) out.push({ t, text: `${base} level=error msg="probe failed" err="Get \\"https://pay.example.com/healthz\\": dial tcp 203.0.113.10:443: i/o timeout" duration_ms=10000` });
      else out.push({ t, text: `${base} level=error msg="probe failed" status=503 duration_ms=${int(30, 90)} body="standby: not serving"` });
    }
  }
  return out;
}

// ---- metrics --------------------------------------------------------------------------------
const Q = {
  probePay: 'avg(probe_success{job="blackbox-https",instance="https://pay.example.com/healthz"})',
  gwUpCount: 'count(up{job="payment-gateway"} == 1)',
  lb1Up: 'min(up{job="haproxy",instance="lb-1"})',
  lb1Probe: 'min(probe_success{job="blackbox-https",instance="lb-1"})',
  lb2Up: 'min(up{job="haproxy",instance="lb-2"})',
  lb1Conns: 'max(haproxy_process_current_connections{instance="lb-1"} / haproxy_process_max_connections{instance="lb-1"})',
  r53: 'min(aws_route53_health_check_status_minimum{health_check_name="pay-lb-1"})',
  lb2Requests: 'sum(rate(haproxy_frontend_http_requests_total{instance="lb-2",proxy="https-in"}[5m]))',
  azA: 'sum(up{job="node",availability_zone="eu-west-1a"}) / count(up{job="node",availability_zone="eu-west-1a"})',
  certLeft: 'min(probe_ssl_earliest_cert_expiry{job="blackbox-https",instance="https://pay.example.com/healthz"}) - time()',
  dnsProbe: 'min(probe_success{job="blackbox-dns",instance="pay.example.com"})',
  gw1: 'min(up{job="payment-gateway",instance="gw-1"})',
  gw2: 'min(up{job="payment-gateway",instance="gw-2"})',
  gw3: 'min(up{job="payment-gateway",instance="gw-3"})',
};
const STEP = 30_000;
const r = (x, digits) => Number(x.toFixed(digits));
const CERT_NOT_AFTER = Date.parse('2027-01-21T23:59:59Z') / 1000;

/** lb-2's request rate as rate(…[5m]) sees it. */
function lb2Rate(t) {
  let s = 0;
  for (let k = 0; k < 10; k++) {
    const u = t - k * 30_000;
    s += u >= PROMOTED ? TRAFFIC : TRAFFIC * onLb2(u);
  }
  return s / 10;
}

function metricRows() {
  const rows = [];
  const add = (t, series, value) => rows.push([iso(t), series, value]);
  for (let t = DATA_START; t < DATA_END; t += STEP) {
    const down = t >= LB1_DEAD + 5_000 && t < PROMOTED + 15_000;
    add(t, Q.probePay, down ? 0 : 1);
    add(t, Q.gwUpCount, 3);
    add(t, Q.lb1Up, t < LB1_DEAD ? 1 : 0);
    add(t, Q.lb1Probe, t < LB1_DEAD ? 1 : 0);
    add(t, Q.lb2Up, 1);
    // The process metrics of lb-1 vanish with the host: no point after it died.
    if (t < LB1_DEAD) add(t, Q.lb1Conns, r(normal(0.082, 0.006), 4));
    add(t, Q.r53, t < R53_FLIP ? 1 : 0);
    add(t, Q.lb2Requests, r(0.4 + lb2Rate(t) + (lb2Rate(t) > 0 ? normal(0, 9) : normal(0, 0.05)), 2));
    add(t, Q.azA, t < LB1_DEAD ? 1 : r(11 / 12, 4));
    add(t, Q.certLeft, Math.round(CERT_NOT_AFTER - t / 1000));
    add(t, Q.dnsProbe, 1);
    add(t, Q.gw1, 1);
    add(t, Q.gw2, 1);
    add(t, Q.gw3, 1);
  }
  return rows;
}
const csvCell = (v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

// ---- changes ---------------------------------------------------------------------------------
const CHANGES = [
  { time: '2026-11-08T10:30:00Z', service: 'route53-health-checks', kind: 'config', description: 'pay-lb-1/pay-lb-2: request interval 30s -> 10s, failure threshold 3', author: 'edge-team' },
  { time: '2026-11-18T02:00:00Z', service: 'lb-2', kind: 'maintenance', description: 'OS patching (kernel 6.8.0-49), drained 02:00-02:41', author: 'edge-team' },
  { time: '2026-11-19T16:20:00Z', service: 'dns', kind: 'config', description: 'TXT record for domain verification', author: 'j.moreau' },
  { time: '2026-11-20T09:30:12Z', service: 'payment-gateway', kind: 'deploy', description: 'payment-gateway 3.41.0 (canary 09:30, fleet 09:52)', author: 'deploy-bot' },
  { time: '2026-11-20T11:02:40Z', service: 'config-service', kind: 'config', description: 'gateway/ rate limits for merchant m_2290', author: 'm.lindqvist' },
];

// ---- write ------------------------------------------------------------------------------------
const sorted = (lines) => lines.sort((a, b) => a.t - b.t).map((l) => l.text).join('\n') + '\n';
const files = {
  'logs/failover-controller.log': controllerLog(),
  'logs/lb-1/haproxy.log': lb1Log(),
  'logs/lb-2/haproxy.log': lb2Log(),
  'logs/payment-gateway.jsonl': gatewayLog(),
  'logs/synthetics.log': syntheticsLog(),
};
for (const [path, lines] of Object.entries(files)) {
  write(path, sorted(lines));
  console.log(`${path}: ${lines.length} lines`);
}
const rows = metricRows();
write('metrics.csv', ['time,series,value', ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n');
write('changes.jsonl', CHANGES.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`metrics.csv: ${rows.length} rows`);
