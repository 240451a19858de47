// The OpenTelemetry workflow end to end on a real Prometheus (backfilled by promtool): `ftree generate
// --prometheus --template otel` writes the tree from the service graph, then `ftree analyze
// --prometheus` diagnoses an incident from the services' HTTP server histograms. The payments
// service starts answering 25 % of its requests with 500 and slowly; its callers slow down with it.
// Services that never failed have no 5xx series at all, as client libraries create a label set on
// first use: their 5xx share must read as silent, not unknown. Skipped without prometheus, except in
// CI (CI=true).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomStream } from '../src/engine/random-stream.js';
import { HAS_PROMETHEUS as hasPrometheus, IN_CI as inCi, startPrometheus, type LocalPrometheus } from './helpers/local-prometheus.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const HOUR = 3_600_000;
const STEP = 30_000;
if (!hasPrometheus && !inCi) {
  process.stderr.write('test/otel-incident-prometheus.test.ts: skipped, `prometheus` and `promtool` are not on the PATH (apt-get install prometheus; .ci/run installs it)\n');
}

const CALLS: readonly [string, string][] = [
  ['frontend', 'checkout'],
  ['frontend', 'catalog'],
  ['checkout', 'payments'],
  ['checkout', 'cart'],
  ['payments', 'ledger'],
];
const SERVICES = ['frontend', 'checkout', 'catalog', 'cart', 'payments', 'ledger'];
const BUCKETS = ['0.1', '0.25', '0.5', '1', '2.5', '+Inf'];
/** Share of requests at or under each bucket bound: normal, and slowed down by the incident. */
const NORMAL = [0.9, 0.99, 0.999, 1, 1, 1];
const SLOW = [0.2, 0.4, 0.7, 0.9, 1, 1];
/** Who is slow during the incident: payments, and its callers up to the frontend. */
const SLOWED = new Set(['payments', 'checkout', 'frontend']);

/** Four hours of counters every 30 s; the incident in the last half hour. */
function openMetrics(start: number, incident: number, end: number): string {
  const random = new RandomStream(7);
  const rnd = (): number => random.nextDouble();
  const graph = ['# TYPE traces_service_graph_request counter'];
  for (const [a, b] of CALLS) for (let t = start, n = 0; t <= end; t += STEP, n++) graph.push(`traces_service_graph_request_total{client="${a}",server="${b}"} ${n * 300} ${t / 1000}`);
  const buckets = ['# TYPE http_server_request_duration_seconds histogram'];
  const counts: string[] = [];
  for (const service of SERVICES) {
    const bucketTotals = BUCKETS.map(() => 0);
    let ok = 0;
    let failed = 0;
    for (let t = start; t <= end; t += STEP) {
      const during = t >= incident;
      const requests = Math.round(600 * (0.95 + 0.1 * rnd()));
      const shares = during && SLOWED.has(service) ? SLOW : NORMAL;
      BUCKETS.forEach((_, i) => (bucketTotals[i]! += Math.round(requests * shares[i]!)));
      const errors = during && service === 'payments' ? Math.round(requests * 0.25) : 0;
      ok += requests - errors;
      failed += errors;
      const at = t / 1000;
      BUCKETS.forEach((le, i) => buckets.push(`http_server_request_duration_seconds_bucket{service_name="${service}",le="${le}"} ${bucketTotals[i]} ${at}`));
      counts.push(`http_server_request_duration_seconds_count{service_name="${service}",http_response_status_code="200"} ${ok} ${at}`);
      if (failed > 0) counts.push(`http_server_request_duration_seconds_count{service_name="${service}",http_response_status_code="500"} ${failed} ${at}`);
    }
  }
  // OpenMetrics wants a histogram family's samples together: buckets then counts (no _sum needed by the queries).
  return `${[...graph, ...buckets, ...counts, '# EOF'].join('\n')}\n`;
}

function ftree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Signal {
  readonly id: string;
  readonly state: string;
  readonly reason?: string;
  readonly label?: string;
}

(hasPrometheus || inCi ? describe : describe.skip)('the otel template from the service graph to a diagnosis, on a real Prometheus', () => {
  let prometheus: LocalPrometheus | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ftree-otel-'));
  const start = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;
  const incident = start + 3.5 * HOUR;
  const end = start + 4 * HOUR;
  const iso = (t: number) => new Date(t).toISOString();

  beforeAll(async () => {
    prometheus = await startPrometheus(openMetrics(start, incident, end), 'ftree-prom-otel-');
  }, 180_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('blames payments (both aspects), reads the never-failing services\' missing 5xx series as silent, and finds the slow chain', () => {
    const tree = join(dir, 'shop.yaml');
    const generated = ftree('generate', '--prometheus', prometheus!.url, '--since', iso(start), '--until', iso(incident), '--template', 'otel', '--name', 'shop', '-o', tree);
    expect([generated.status, generated.stderr]).toEqual([0, `Wrote ${tree}: 6 services, 1 top, template otel\n`]);
    const r = ftree('analyze', tree, '--prometheus', prometheus!.url, '--since', iso(incident - 5 * 60_000), '--until', iso(end), '--baseline', `${iso(start + HOUR)}..${iso(incident - 10 * 60_000)}`, '--format', 'json');
    expect([r.status, r.stderr]).toEqual([0, '']);
    const json = JSON.parse(r.stdout) as { verdict: { kind: string; top_suspect?: string }; events: { id: string; rank?: number }[]; gates: { id: string; signals: Signal[] }[] };
    expect(json.verdict.kind).toBe('suspects');
    const ranked = json.events.filter((e) => e.rank !== undefined).sort((a, b) => a.rank! - b.rank!).map((e) => e.id);
    // payments both slows down and fails: its two aspects are its two faults, and they lead.
    expect(ranked.slice(0, 2).sort()).toEqual(['payments.errors', 'payments.latency']);
    const signal = (gate: string, label: RegExp): Signal => json.gates.find((g) => g.id === gate)!.signals.find((s) => label.test(s.label ?? ''))!;
    expect(signal('payments_errors', /5xx/).state).toBe('fired');
    for (const service of ['frontend', 'checkout', 'catalog', 'cart', 'ledger']) {
      const s = signal(`${service}_errors`, /5xx/);
      expect([service, s.state]).toEqual([service, 'silent']);
      expect(s.reason).toMatch(/missing: silent/);
    }
    for (const service of ['payments', 'checkout', 'frontend']) expect([service, signal(`${service}_latency`, /p99/).state]).toEqual([service, 'fired']);
    for (const service of ['catalog', 'cart', 'ledger']) expect([service, signal(`${service}_latency`, /p99/).state]).toEqual([service, 'silent']);
  }, 120_000);
});
