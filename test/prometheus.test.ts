// Integration test against a real Prometheus: an OpenMetrics fixture is backfilled with promtool,
// served by `prometheus` on a free loopback port, and `ftree evidence --prometheus` (the built CLI)
// must give each signal the expected state. Skipped without prometheus, except in CI (CI=true).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, HAS_PROMETHEUS as hasPrometheus, IN_CI as inCi, startPrometheus, type LocalPrometheus } from './helpers/local-prometheus.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';
const HOUR = 3_600_000;

if (!hasPrometheus && !inCi) {
  process.stderr.write('test/prometheus.test.ts: skipped, `prometheus` and `promtool` are not on the PATH (apt-get install prometheus; .ci/run installs it)\n');
}

const TREE = `ftree: 1
name: prometheus-it
top: top
gates:
  top: { type: or, inputs: [pool_exhausted, hsm_down, queue_surge, nothing_there, bad_query] }
events:
  pool_exhausted:
    probability: 0.01
    evidence:
      metrics:
        - query: max(hikaricp_connections_pending{application="payments-api"})
          above: 5
  hsm_down:
    probability: 0.001
    evidence:
      metrics:
        - query: min(up{job="hsm-snmp"})
          below: 1
          aggregate: min
  queue_surge:
    probability: 0.01
    evidence:
      metrics:
        - query: sum(settlement_queue_depth)
          score: 5
  nothing_there:
    probability: 0.01
    evidence:
      metrics:
        - query: no_such_metric_anywhere
          above: 0
  bad_query:
    probability: 0.01
    evidence:
      metrics:
        - query: sum(rate(http_requests_total[5m])
          above: 1
`;

/** Two hours of samples every 15 s; the incident is the second hour. */
function openMetrics(start: number): string {
  const lines = ['# TYPE hikaricp_connections_pending gauge', '# TYPE up gauge', '# TYPE settlement_queue_depth gauge'];
  const samples: Record<string, string[]> = { pool: [], up_a: [], up_b: [], queue: [] };
  for (let t = start; t < start + 2 * HOUR; t += 15_000) {
    const s = t / 1000;
    const incident = t >= start + HOUR;
    samples['pool']!.push(`hikaricp_connections_pending{application="payments-api"} ${incident && t > start + 1.2 * HOUR ? 20 : (t / 15_000) % 3} ${s}`);
    samples['up_a']!.push(`up{job="hsm-snmp",instance="hsm-a"} 1 ${s}`);
    samples['up_b']!.push(`up{job="hsm-snmp",instance="hsm-b"} 1 ${s}`);
    samples['queue']!.push(`settlement_queue_depth{shard="0"} ${incident && t > start + 1.5 * HOUR ? 400 : 100 + ((t / 15_000) % 7)} ${s}`);
  }
  // OpenMetrics wants each metric family's samples together
  lines.splice(1, 0, ...samples['pool']!);
  lines.splice(lines.indexOf('# TYPE up gauge') + 1, 0, ...samples['up_a']!, ...samples['up_b']!);
  lines.push(...samples['queue']!, '# EOF');
  return `${lines.join('\n')}\n`;
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const describeIf = hasPrometheus || inCi ? describe : describe.skip;

describeIf('ftree evidence against a real Prometheus', () => {
  let prometheus: LocalPrometheus | undefined;
  let url = '';
  let dir = '';
  const start = Math.floor(Date.now() / HOUR) * HOUR - 4 * HOUR;

  beforeAll(async () => {
    prometheus = await startPrometheus(openMetrics(start), 'ftree-prom-', { 'tree.yaml': TREE });
    url = prometheus.url;
    dir = prometheus.dir;
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 30_000);

  it('gives each metric signal its state; a failing query marks only its own signal unknown', () => {
    const since = new Date(start + HOUR).toISOString();
    const until = new Date(start + 2 * HOUR).toISOString();
    const r = runCli(['evidence', join(dir, 'tree.yaml'), '--prometheus', url, '--since', since, '--until', until, '--format', 'json']);
    expect(r.stderr).toContain('warning[PROMETHEUS_FAILED]');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { signals: { id: string; state: string; value?: number; reason?: string; source?: string }[]; metrics: { prometheus: { queries: number; failed: number } } };
    const state = Object.fromEntries(doc.signals.map((s) => [s.id, s]));
    expect(state['pool_exhausted']).toMatchObject({ state: 'fired', value: 20, source: 'prometheus' });
    expect(state['hsm_down']).toMatchObject({ state: 'silent', value: 1 });
    expect(state['queue_surge']).toMatchObject({ state: 'fired' });
    expect(state['nothing_there']).toMatchObject({ state: 'unknown', reason: 'No data in the window for no_such_metric_anywhere' });
    expect(state['bad_query']!.state).toBe('unknown');
    expect(state['bad_query']!.reason).toMatch(new RegExp(`^Prometheus at ${url} failed the query sum\\(rate\\(http_requests_total\\[5m\\]\\): bad_data: `));
    expect(doc.metrics.prometheus).toEqual({ url, queries: 5, failed: 1 });
  });

  it('exits 3 when no query can be read', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const r = runCli(['evidence', join(dir, 'tree.yaml'), '--prometheus', down, '--since', new Date(start + HOUR).toISOString(), '--until', new Date(start + 2 * HOUR).toISOString(), '--timeout', '2s']);
    expect(r.status).toBe(3);
    // Said once for the server, not once per query (the fake servers of prometheus-hostile.test.ts try more).
    expect(r.stderr).toContain(`error[PROMETHEUS_FAILED] Prometheus at ${down} cannot be reached: cannot connect (ECONNREFUSED) for GET ${down}/api/v1/status/buildinfo`);
    expect(r.stderr.match(/error\[/g)).toHaveLength(1);
  });
});
