// Common-cause failure groups in YAML (`ccf_groups:`): P(top) and the minimal cut sets equal ftree's
// own MEF import of the same model and SCRAM's (Debian's `scram`; skipped without it, except in CI).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { analyzeProbability } from '../src/engine/analyze-probability.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { parseMefText } from '../src/parse/mef/index.js';
import { loadMef } from '../src/parse/mef/load-mef.js';
import { exportMef } from '../src/report/mef-export.js';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';

const YAML = join(FIXTURES, 'ccf', 'plant.yaml');
const MEF = join(FIXTURES, 'ccf', 'plant.xml');
const HAS_SCRAM = spawnSync('sh', ['-c', 'command -v scram'], { encoding: 'utf8' }).status === 0;
const IN_CI = process.env['CI'] === 'true';
if (!HAS_SCRAM && !IN_CI) process.stderr.write('test/ccf-groups.test.ts: SCRAM comparison skipped, `scram` is not on the PATH (apt-get install scram; .ci/run installs it)\n');

interface CutSets {
  readonly pTop: number;
  /** Each set as its sorted event ids joined by spaces, with its probability. */
  readonly sets: ReadonlyMap<string, number>;
}

function ftreeCutSets(file: string): CutSets {
  const run = spawnSync(process.execPath, [CLI, 'cutsets', file, '--format', 'json', '--no-color'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const json = JSON.parse(run.stdout) as { top: { probability: number }; cut_sets: { events: string[]; probability: number }[] };
  return { pTop: json.top.probability, sets: new Map(json.cut_sets.map((s) => [[...s.events].sort().join(' | '), s.probability])) };
}

async function mefLoadedTree(): Promise<Awaited<ReturnType<typeof loadMef>>> {
  return loadMef([MEF], { missionTime: 24 });
}

describe('CCF groups in YAML', () => {
  it('expand like the MEF import: same events, probabilities and P(top)', async () => {
    const yaml = (await loadTree(YAML)).tree!;
    const mef = await mefLoadedTree();
    expect([...yaml.events.keys()].sort()).toEqual([...mef.events.keys()].sort());
    for (const [id, event] of mef.events) expect([id, yaml.events.get(id)!.probability]).toEqual([id, event.probability]);
    expect(yaml.events.get('[pump_a pump_b pump_c]')!.label).toBe('Pumps: common cause failure of pump_a, pump_b, pump_c');
    expect(yaml.gates.get('valve_2')!.inputs).toEqual(mef.gates.get('valve_2')!.inputs);
    // Beta-factor by hand: Q1 = (1 − β)Q, Q3 = βQ.
    expect(yaml.events.get('[pump_a]')!.probability).toBeCloseTo(0.9 * 0.01, 17);
    expect(yaml.events.get('[pump_a pump_b pump_c]')!.probability).toBeCloseTo(0.1 * 0.01, 17);
    expect(analyzeProbability(yaml).pTop).toBe(analyzeProbability(mef).pTop);
  });

  it('give the MEF import\'s cut sets (ftree cutsets on both files)', () => {
    const yaml = ftreeCutSets(YAML);
    const mef = ftreeCutSets(MEF);
    expect(yaml.sets.size).toBe(293);
    expect(yaml.pTop).toBe(mef.pTop);
    expect([...yaml.sets].sort()).toEqual([...mef.sets].sort());
  });

  (HAS_SCRAM || IN_CI ? it : it.skip)('give SCRAM\'s P(top) and cut sets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-ccf-'));
    try {
      const report = join(dir, 'report.xml');
      const run = spawnSync('scram', ['--ccf', 'true', '--probability', 'true', '--bdd', MEF, '-o', report], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const xml = spawnSync('cat', [report], { encoding: 'utf8' }).stdout;
      const sop = /<sum-of-products name="plant_fails"[^>]* products="(\d+)" probability="([^"]+)"/.exec(xml)!;
      const scramSets = new Map<string, number>();
      for (const m of xml.matchAll(/<product order="\d+" probability="([^"]+)"[^>]*>([\s\S]*?)<\/product>/g)) {
        const events: string[] = [];
        for (const e of m[2]!.matchAll(/<ccf-event[^>]*>([\s\S]*?)<\/ccf-event>|<basic-event name="([^"]+)"\/>/g)) {
          events.push(e[1] !== undefined ? `[${[...e[1].matchAll(/name="([^"]+)"/g)].map((n) => n[1]).join(' ')}]` : e[2]!);
        }
        scramSets.set(events.sort().join(' | '), Number(m[1]));
      }
      const yaml = ftreeCutSets(YAML);
      expect(Number(sop[1])).toBe(yaml.sets.size);
      expect(yaml.pTop).toBeCloseTo(Number(sop[2]), 8); // SCRAM prints 6 significant digits
      expect([...scramSets.keys()].sort()).toEqual([...yaml.sets.keys()].sort());
      for (const [set, p] of scramSets) expect(Math.abs(yaml.sets.get(set)! - p) / p).toBeLessThan(1e-5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('pass the JSON schema, which rejects a group without factors', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'ftree.schema.json'), 'utf8')) as object);
    const tree = parse(readFileSync(YAML, 'utf8')) as { ccf_groups: Record<string, Record<string, unknown>> };
    expect(validate(tree)).toBe(true);
    delete tree.ccf_groups['pumps']!['factors'];
    expect(validate(tree)).toBe(false);
  });

  it('export to MEF as the expanded model, which reads back with the same P(top)', async () => {
    const yaml = (await loadTree(YAML)).tree!;
    const back = parseMefText(exportMef(yaml), 'plant-export.xml');
    expect(analyzeProbability(back).pTop).toBeCloseTo(analyzeProbability(yaml).pTop, 15);
  });

  it('take Q as an expression or a rate over the mission time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-ccf-'));
    try {
      const file = join(dir, 'rate.yaml');
      const group = (q: string) => `ftree: 1\nname: rate\ntop: both\nmission_time: 100h\nparameters:\n  lambda: 1e-3\ngates:\n  both: { type: and, inputs: [a, b] }\nccf_groups:\n  ab: { model: beta-factor, members: [a, b], ${q}, factors: [0.2] }\n`;
      await writeFile(file, group('rate: 1e-3/h'));
      const rated = (await loadTree(file)).tree!;
      const q = 1 - Math.exp(-0.1);
      expect(rated.events.get('[a b]')!.probability).toBeCloseTo(0.2 * q, 15);
      expect(rated.events.get('[a]')!.probability).toBeCloseTo(0.8 * q, 15);
      await writeFile(file, group('probability: "1 - exp(-lambda * mission_time)"'));
      const expressed = (await loadTree(file)).tree!;
      expect(expressed.events.get('[a b]')!.probability).toBeCloseTo(0.2 * q, 15);
      expect(analyzeProbability(expressed).pTop).toBeCloseTo(0.2 * q + (0.8 * q) ** 2 * (1 - 0.2 * q), 15);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('report bad groups with codes at their position', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftree-ccf-'));
    try {
      const file = join(dir, 'bad.yaml');
      // Each case: the group, the code, and the text at which it is reported (line 10, after "  g: ").
      const cases: [string, string, string][] = [
        ['{ model: beta-factor, members: [a], probability: 0.1, factors: [0.1] }', 'CCF_INVALID', '[a]'],
        ['{ model: beta-factor, members: [a, a], probability: 0.1, factors: [0.1] }', 'CCF_INVALID', 'a]'],
        ['{ model: MGL, members: [a, b], probability: 0.1, factors: [0.1, 0.2] }', 'CCF_INVALID', '0.2]'],
        ['{ model: gamma, members: [a, b], probability: 0.1, factors: [0.1] }', 'INVALID_VALUE', 'gamma'],
        ['{ model: MGL, members: [a, b], probability: 1.5, factors: [0.1] }', 'PROBABILITY_RANGE', '1.5'],
        ['{ model: MGL, members: [a, b], factors: [0.1] }', 'MISSING_KEY', 'g:'],
        ['{ model: MGL, members: [a, b], probability: 0.1, rate: 1/h, factors: [0.1] }', 'CONFLICTING_KEYS', 'rate'],
        ['{ model: MGL, members: [a, b], probability: 0.1, factors: [0.1], beta: 1 }', 'UNKNOWN_KEY', 'beta:'],
      ];
      for (const [group, code, marker] of cases) {
        const line = `  g: ${group}`;
        await writeFile(file, `ftree: 1\nname: bad\ntop: both\ngates:\n  both: { type: and, inputs: [a, b] }\nevents:\n  c: { probability: 0.1 }\n  # a member defined twice would be a DUPLICATE_ID\nccf_groups:\n${line}\n`);
        const found = (await loadTree(file)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`);
        expect([group, found]).toEqual([group, expect.arrayContaining([`${code} 10:${line.lastIndexOf(marker) + 1}`])]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
