// End to end on the example incidents (examples/*/): runs the built CLI, `ftree analyze` with each
// scenario's arguments and --format json, and checks the diagnosis against the known root cause:
// `top_suspect` ranks first, `top_suspects` are the first ones (one cut set), `blames_nothing`
// gets a verdict that blames nothing. A scenario without scenario.json is read from its README
// (the `node bin/ftree.js analyze …` command and "true root cause: **`id`**" or "none").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

interface Expectation {
  readonly top_suspect?: string;
  readonly top_suspects?: readonly string[];
  readonly blames_nothing?: boolean;
}

interface Scenario {
  readonly name: string;
  readonly tree: string;
  readonly args: readonly string[];
  readonly expect: Expectation;
}

interface DiagnosisJson {
  verdict: { kind: string; blames_nothing: boolean; top_suspect: string | null; suspects: string[] };
  top: { probability: number; probability_given_evidence: number };
  events: { id: string; prior: number; posterior: number; rank: number; stands_out: boolean }[];
  seconds: number;
}

const EXAMPLES = join(REPO_ROOT, 'examples');

function readScenario(name: string): Scenario | undefined {
  const dir = join(EXAMPLES, name);
  const file = join(dir, 'scenario.json');
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Omit<Scenario, 'name'>;
    return { name, ...s };
  }
  const readme = join(dir, 'README.md');
  if (!existsSync(readme)) return undefined;
  const text = readFileSync(readme, 'utf8');
  const command = /node bin\/ftree\.js analyze ([^`]*?)\n```/s.exec(text)?.[1];
  const cause = /true root cause:\s*\*\*`([^`]+)`\*\*/i.exec(text)?.[1] ?? (/true root cause:\s*\*{0,2}none/i.test(text) ? null : undefined);
  if (command === undefined || cause === undefined) return undefined;
  const [tree, ...args] = command.replace(/\\\n/g, ' ').trim().split(/\s+/);
  return { name, tree: tree!, args, expect: cause === null ? { blames_nothing: true } : { top_suspect: cause } };
}

function diagnose(s: Scenario, extra: readonly string[] = []): DiagnosisJson {
  const r = spawnSync(process.execPath, [CLI, 'analyze', s.tree, ...s.args, ...extra, '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`ftree analyze exited ${r.status} on ${s.name}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as DiagnosisJson;
}

const names = existsSync(EXAMPLES) ? readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
const scenarios = names.map(readScenario).filter((s): s is Scenario => s !== undefined);

describe('example incidents', () => {
  it('are there: at least one scenario, and one that blames nothing', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    expect(scenarios.some((s) => s.expect.blames_nothing)).toBe(true);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const d = diagnose(s);
    const ranked = [...d.events].sort((a, b) => a.rank - b.rank).map((e) => e.id);
    if (s.expect.top_suspect !== undefined) {
      expect(d.verdict.kind).toBe('suspects');
      expect(d.verdict.top_suspect).toBe(s.expect.top_suspect);
      expect(ranked[0]).toBe(s.expect.top_suspect);
    }
    if (s.expect.top_suspects !== undefined) {
      expect(d.verdict.kind).toBe('suspects');
      const n = s.expect.top_suspects.length;
      expect([...ranked.slice(0, n)].sort()).toEqual([...s.expect.top_suspects].sort());
      expect([...d.verdict.suspects.slice(0, n)].sort()).toEqual([...s.expect.top_suspects].sort());
    }
    if (s.expect.blames_nothing) {
      expect(d.verdict.blames_nothing).toBe(true);
      expect(d.verdict.suspects).toEqual([]);
      expect(d.events.some((e) => e.stands_out)).toBe(false);
      // Silent signals do move the posteriors (examples/latency-quiet-window/README.md): they make
      // the symptom unlikely, and given the evidence alone no event is more likely than its prior.
      expect(d.top.probability_given_evidence).toBeLessThan(d.top.probability);
      const alone = diagnose(s, ['--top-observed', 'false']);
      expect(alone.verdict.blames_nothing).toBe(true);
      for (const e of alone.events) expect(e.posterior).toBeLessThanOrEqual(e.prior * (1 + 1e-9));
    }
  }, 180_000);

  it('gives the same JSON for the same inputs', () => {
    const s = scenarios[0]!;
    const strip = (d: DiagnosisJson) => ({ ...d, seconds: 0 });
    expect(strip(diagnose(s))).toEqual(strip(diagnose(s)));
  }, 180_000);
});
