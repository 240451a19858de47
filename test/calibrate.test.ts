// `ftree calibrate` on generated incident histories: the stated 90 % intervals hold the rates used to
// generate them about 90 % of the time; the tree file keeps its comments and changes only with --write.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrateEvents } from '../src/diagnose/calibrate-events.js';
import { RandomStream } from '../src/engine/random-stream.js';
import { UTC } from '../src/evidence/time-zone.js';
import { parseIncidentHistory } from '../src/evidence/read-incident-history.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);
const YEARS = 2;
const END = START + YEARS * 8760 * HOUR;
const EVENTS = 30;

interface Generated {
  readonly tree: string;
  readonly history: string;
  /** True rates per hour. */
  readonly rates: readonly number[];
  readonly incidents: number;
}

/** A tree of EVENTS events whose values are off from the true rates by up to 3×, and a Poisson history of them. */
function generate(seed: number): Generated {
  const random = new RandomStream(seed);
  const rates: number[] = [];
  const lines: string[] = [`{"period": {"start": "${new Date(START).toISOString()}", "end": "${new Date(END).toISOString()}"}}`];
  const events: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const perYear = Math.exp(Math.log(0.5) + random.nextDouble() * Math.log(40)); // 0.5 to 20 a year
    const rate = perYear / 8760;
    rates.push(rate);
    const off = Math.exp((random.nextDouble() * 2 - 1) * Math.log(3));
    events.push(`  e${i}:   # event ${i}\n    probability: ${(-Math.expm1(-rate * off * 24)).toPrecision(3)}`);
    for (let t = START + (-Math.log(random.nextDouble()) / rate) * HOUR; t < END; t += (-Math.log(random.nextDouble()) / rate) * HOUR) {
      lines.push(JSON.stringify({ events: [`e${i}`], start: new Date(t).toISOString(), duration: `${Math.round(-Math.log(random.nextDouble()) * 60)}m` }));
    }
  }
  const incidents = lines.length - 1;
  lines.push('{"events": ["not_in_tree"], "start": "2024-05-01T10:00:00Z"}', '{"events": ["e0"], "start": "2023-05-01T10:00:00Z"}', '{"events": ["e1"], "start": "yesterday"}');
  const tree = `# Generated for test/calibrate.test.ts\nftree: 1\nname: generated\ntop: top\nmission_time: 24h\ngates:\n  top: { type: or, inputs: [${events.map((_, i) => `e${i}`).join(', ')}] }\nevents:\n${events.join('\n')}\n`;
  return { tree, history: `${lines.join('\n')}\n`, rates, incidents };
}

describe('calibrateEvents on generated histories', () => {
  it('covers the true rates with the stated 90 % intervals about 90 % of the time (10 histories × 30 events)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-calibrate-'));
    try {
      let covered = 0;
      let total = 0;
      let incidents = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const g = generate(seed);
        incidents += g.incidents;
        await writeFile(join(dir, 'tree.yaml'), g.tree);
        const tree = (await loadTree(join(dir, 'tree.yaml'))).tree!;
        const c = calibrateEvents(tree, parseIncidentHistory(g.history, 'history.jsonl', UTC), {});
        expect(c.unknown).toEqual([{ id: 'not_in_tree', lines: [g.incidents + 2] }]);
        expect(c.outside).toEqual([g.incidents + 3]);
        expect(c.unreadable).toEqual([{ line: g.incidents + 4, reason: 'no readable start time: "yesterday"' }]);
        for (const e of c.events) {
          const truth = g.rates[Number(e.id.slice(1))]!;
          total++;
          if (e.lower <= truth && truth <= e.upper) covered++;
        }
      }
      const coverage = covered / total;
      process.stderr.write(`calibrate: ${incidents / 10} incidents per history on average, 90 % intervals cover ${covered}/${total} = ${(coverage * 100).toFixed(1)} % of the true rates\n`);
      expect(incidents / 10).toBeGreaterThan(200);
      expect(coverage).toBeGreaterThan(0.85);
      expect(coverage).toBeLessThan(0.96);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a non-zero rate for an event never seen, and the mean time to repair of those seen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-calibrate-'));
    try {
      await writeFile(join(dir, 't.yaml'), 'ftree: 1\nname: t\ntop: top\nmission_time: 24h\ngates:\n  top: { type: or, inputs: [a, b, c] }\nevents:\n  a: { probability: 0.001 }\n  b: { rate: 1/y, mttr: 2h }\n  c: { probability: 0 }\n');
      const tree = (await loadTree(join(dir, 't.yaml'))).tree!;
      const history = parseIncidentHistory('# period: 2025-01-01..2026-01-01\nevents,start,duration\nb,2025-02-01T00:00:00Z,30m\nb,2025-03-01T00:00:00Z,90m\n', 'h.csv', UTC);
      const c = calibrateEvents(tree, history, {});
      const byId = new Map(c.events.map((e) => [e.id, e]));
      const a = byId.get('a')!;
      // Prior Gamma(½, ½/λ₀), no incident in 8,760 h: mean ½/(½/λ₀ + 8760).
      const lambda0 = -Math.log1p(-0.001) / 24;
      expect(a.rate).toBeCloseTo(0.5 / (0.5 / lambda0 + 8760), 15);
      expect(a.newProbability).toBeGreaterThan(0);
      expect(byId.get('b')).toMatchObject({ count: 2, shape: 2.5, mttr: { hours: 1, count: 2 } });
      expect(byId.get('b')!.rate).toBeCloseTo(2.5 / (0.5 * 8760 + 8760), 15);
      // A tree value of 0 gives no usable rate: Jeffreys' prior, mean ½/E.
      expect(byId.get('c')!.rate).toBeCloseTo(0.5 / 8760, 15);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ftree calibrate (built CLI)', () => {
  it('prints the changes, writes nothing without --write, and keeps comments with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-calibrate-'));
    try {
      const g = generate(42);
      const tree = join(dir, 'tree.yaml');
      const history = join(dir, 'incidents.jsonl');
      await writeFile(tree, g.tree);
      await writeFile(history, g.history);
      const run = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'calibrate', tree, '--history', history, '--no-color', ...extra], { cwd: REPO_ROOT, encoding: 'utf8' });
      const dry = run();
      expect([dry.status, dry.stderr]).toEqual([0, '']);
      expect(dry.stdout).toContain(`Unknown event in the history, not counted: not_in_tree (line ${g.incidents + 2})`);
      expect(dry.stdout).toMatch(/^ {2}e0 +\d+ /m);
      expect(dry.stdout).toContain(`Dry run: nothing written (--write updates ${EVENTS} events in ${tree})`);
      expect(await readFile(tree, 'utf8')).toBe(g.tree);
      const wrote = run('--write');
      expect([wrote.status, wrote.stderr]).toEqual([0, '']);
      expect(wrote.stdout).toContain(`Wrote ${tree}: ${EVENTS} events updated`);
      const after = await readFile(tree, 'utf8');
      expect(after.split('\n').filter((l) => l.includes('#'))).toEqual(g.tree.split('\n').filter((l) => l.includes('#')));
      expect(after).not.toBe(g.tree);
      const validate = spawnSync(process.execPath, [CLI, 'validate', tree, '--strict'], { encoding: 'utf8' });
      expect(validate.status).toBe(0);
      const json = JSON.parse(run('--format', 'json').stdout) as { events: { id: string; written: string[] }[]; wrote: boolean };
      expect(json.wrote).toBe(false);
      expect(json.events[0]!.written).toEqual(['probability', 'distribution']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('estimates each signal\'s sensitivity and false-alarm rate by replaying the incidents\' logs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-calibrate-'));
    try {
      await writeFile(join(dir, 'tree.yaml'), [
        'ftree: 1', 'name: replay', 'top: top', 'gates:', '  top: { type: or, inputs: [db_lock, cache_down] }', 'events:',
        '  db_lock:', '    probability: 0.01', '    evidence:', '      logs:', '        - pattern: "Lock wait timeout"',
        '  cache_down:', '    probability: 0.01', '    evidence:', '      logs:', '        - pattern: "ECONNREFUSED"', '',
      ].join('\n'));
      // Six incidents of 30 minutes: which root cause, and which messages their logs hold.
      const incidents: [string, string[]][] = [
        ['db_lock', ['Lock wait timeout exceeded']],
        ['db_lock', ['Lock wait timeout exceeded']],
        ['db_lock', ['Lock wait timeout exceeded', 'ECONNREFUSED 10.0.0.7:6379']],
        ['db_lock', []],
        ['cache_down', ['ECONNREFUSED 10.0.0.7:6379', 'Lock wait timeout exceeded']],
        ['cache_down', ['ECONNREFUSED 10.0.0.7:6379']],
      ];
      const lines = ['{"period": "2025-01-01..2026-01-01"}'];
      for (const [i, [event, messages]] of incidents.entries()) {
        const start = Date.UTC(2025, 1 + i, 3, 10, 0);
        const log: string[] = [];
        for (let m = -30; m < 30; m += 2) log.push(`${new Date(start + m * 60_000).toISOString()} INFO request served in 20 ms`);
        for (const [k, message] of messages.entries()) for (let j = 0; j < 8; j++) log.push(`${new Date(start + (5 + k + j * 2) * 60_000).toISOString()} ERROR ${message}`);
        await writeFile(join(dir, `incident-${i}.log`), `${log.sort().join('\n')}\n`);
        lines.push(JSON.stringify({ events: [event], start: new Date(start).toISOString(), duration: '30m', logs: [`incident-${i}.log`] }));
      }
      lines.push(JSON.stringify({ events: ['db_lock'], start: '2025-12-01T10:00:00Z', logs: ['incident-0.log'] }));
      await writeFile(join(dir, 'history.jsonl'), `${lines.join('\n')}\n`);
      const r = spawnSync(process.execPath, [CLI, 'calibrate', join(dir, 'tree.yaml'), '--history', join(dir, 'history.jsonl'), '--format', 'json'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
      const json = JSON.parse(r.stdout) as { signals: { replayed: number; not_replayed: { line: number; reason: string }[]; estimates: Record<string, unknown>[] } };
      expect(json.signals.replayed).toBe(6);
      expect(json.signals.not_replayed).toEqual([{ line: 8, reason: 'no duration or end: the incident window is unknown' }]);
      expect(json.signals.estimates).toEqual([
        expect.objectContaining({ owner: 'db_lock', signal: 'log "Lock wait timeout"', fired_when_true: 3, known_when_true: 4, fired_when_false: 1, known_when_false: 2, sensitivity: 0.75, false_alarm: 0.5, warning: 'Only 4 incidents with db_lock true and 2 with it false (fewer than 5)' }),
        expect.objectContaining({ owner: 'cache_down', signal: 'log "ECONNREFUSED"', fired_when_true: 2, known_when_true: 2, fired_when_false: 1, known_when_false: 4, sensitivity: 1, false_alarm: 0.25 }),
      ]);
      const text = spawnSync(process.execPath, [CLI, 'calibrate', join(dir, 'tree.yaml'), '--history', join(dir, 'history.jsonl')], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout;
      expect(text).toContain('Signals, from the evidence of 6 replayed incidents (fired / known):');
      expect(text).toMatch(/db_lock +log "Lock wait timeout" +0\.75 \(3\/4\) +0\.5 \(1\/2\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a history that does not state its period', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-calibrate-'));
    try {
      await writeFile(join(dir, 'h.csv'), 'events,start\na,2025-01-01T00:00:00Z\n');
      const r = spawnSync(process.execPath, [CLI, 'calibrate', 'trees/two-train.yaml', '--history', join(dir, 'h.csv'), '--no-color'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('does not state the period it covers');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
