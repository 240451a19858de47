// The PromQL that ftree evaluates on metric files (src/evidence/evaluate-promql.ts) against a real
// Prometheus: the same OpenMetrics series are backfilled into Prometheus and read from the file, and
// every query in the evaluated forms must give the same values, series by series, at instants where
// the file has samples. Scrapes are jittered (never exactly one range apart), counters reset, one
// series stops early (staleness), so that rate's extrapolation and the lookback are exercised.
// Skipped without prometheus, except in CI (CI=true).
import { evaluatePromql } from '../src/evidence/evaluate-promql.js';
import { readMetricFile } from '../src/evidence/read-metric-file.js';
import { UTC } from '../src/evidence/time-zone.js';
import { HAS_PROMETHEUS, IN_CI, startPrometheus, type LocalPrometheus } from './helpers/local-prometheus.js';

const HOUR = 3_600_000;

/** A fixed pseudo-random sequence (the fixture must not change from run to run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** An hour of samples: counters per pod (one resets, one stops at 40 min), gauges for ratios. */
function fixture(start: number): string {
  const rand = lcg(11);
  const families: Record<string, string[]> = { req_total: [], conn_active: [], conn_max: [] };
  const pods = ['a', 'b', 'c'];
  const counters = new Map(pods.map((p) => [p, 0]));
  for (let k = 0; k < 240; k++) {
    for (const [i, pod] of pods.entries()) {
      const t = start + k * 15_000 + i * 1_000 + Math.floor(rand() * 3_000); // jittered scrapes
      if (pod === 'c' && t > start + 40 * 60_000) continue;
      let c = counters.get(pod)! + Math.floor(rand() * 50 * (i + 1));
      if (pod === 'b' && k === 120) c = Math.floor(rand() * 10); // restarted
      counters.set(pod, c);
      const s = (t / 1000).toFixed(3);
      families['req_total']!.push(`req_total{pod="${pod}",code="200"} ${c} ${s}`);
      families['conn_active']!.push(`conn_active{pod="${pod}"} ${Math.floor(rand() * 20)} ${s}`);
      families['conn_max']!.push(`conn_max{pod="${pod}"} ${20 + i * 5} ${s}`);
    }
  }
  const lines: string[] = [];
  for (const [name, samples] of Object.entries(families)) {
    lines.push(`# TYPE ${name} gauge`);
    // OpenMetrics: each series' samples together, in time order
    for (const pod of pods) lines.push(...samples.filter((l) => l.includes(`pod="${pod}"`)));
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

const QUERIES = [
  'rate(req_total[5m])',
  'rate(req_total{pod="b"}[1m])',
  'increase(req_total[10m])',
  'sum(rate(req_total[5m]))',
  'max(rate(req_total{code="200"}[2m]))',
  'sum(increase(req_total[1h]))',
  'min(conn_active)',
  'avg(conn_active)',
  'max(conn_active / conn_max)',
  'conn_active{pod="a"} / conn_max{pod="a"}',
  'sum(rate(req_total[5m])) / sum(conn_max)',
  'sum(conn_active) / 100',
];

const describeIf = HAS_PROMETHEUS || IN_CI ? describe : describe.skip;

describeIf('PromQL evaluated on files, against Prometheus', () => {
  let prometheus: LocalPrometheus | undefined;
  const start = Math.floor(Date.now() / HOUR) * HOUR - 4 * HOUR;
  const text = fixture(start);

  beforeAll(async () => {
    prometheus = await startPrometheus(text, 'ftree-promql-');
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 30_000);

  it.each(QUERIES)('%s', async (query) => {
    const file = await readMetricFile(`${prometheus!.dir}/fixture.om`, UTC);
    const ours = evaluatePromql(query, file.series);
    if (!ours || 'missing' in ours) throw new Error(`not evaluated: ${JSON.stringify(ours)}`);
    const key = (labels: Iterable<[string, string]>) => JSON.stringify([...labels].filter(([k]) => k !== '__name__').sort());
    const times = [...new Set(ours.series.flatMap((s) => s.times))].sort((a, b) => a - b);
    // Every 7th instant, through the whole hour (the first minutes too, where ranges are partial)
    let compared = 0;
    for (const t of times.filter((_, i) => i % 7 === 3)) {
      const r = await fetch(`${prometheus!.url}/api/v1/query?query=${encodeURIComponent(query)}&time=${(t / 1000).toFixed(3)}`);
      const body = (await r.json()) as { status: string; data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
      expect(body.status).toBe('success');
      const theirs = new Map(body.data.result.map((x) => [key(Object.entries(x.metric)), Number(x.value[1])]));
      const mine = new Map(ours.series.flatMap((s) => {
        const i = s.times.indexOf(t);
        return i < 0 ? [] : [[key(s.labels), s.values[i]!] as const];
      }));
      expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [k, v] of mine) {
        const w = theirs.get(k)!;
        expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 60_000);
});
