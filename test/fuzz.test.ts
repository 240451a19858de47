// A seeded mutation fuzzer over the inputs ftree takes from untrusted hands (issue 14): YAML trees,
// Open-PSA MEF files, log lines and metric files, run through the built CLI. A case fails on exit 70,
// a stack trace, a hang past its deadline, an exit code outside 0–3, or exit 0 with an invalid result
// (P(top) n/a, JSON that does not parse). Briefly in `npm test`; `npm run fuzz` runs it for minutes
// (FUZZ_SECONDS, FUZZ_SEED); a failure names the seed and the case (FUZZ_CASE replays it) and keeps
// the input in a file.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, FIXTURES, REPO_ROOT } from './helpers/paths.js';

const SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 4);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);
const CASE_DEADLINE_MS = Number(process.env['FUZZ_CASE_MS'] ?? 20_000);
const PARALLEL = Number(process.env['FUZZ_PARALLEL'] ?? 2);
/** Replays one case of the seed (its number as a failure names it). */
const ONLY_CASE = process.env['FUZZ_CASE'] === undefined ? undefined : Number(process.env['FUZZ_CASE']);

/** mulberry32: a small seeded generator, so that a seed replays the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tokens that broke parsers before, or might: extremes, YAML and XML syntax, control characters, paths. */
const TOKENS = [
  '1e308', '-1e308', '1e-320', '-0', 'NaN', '.nan', '.inf', '-.inf', '0x1p3', '"2"', "'0.5'", '99999999999999999999', '-1',
  '&a', '*a', '&a [*a, *a, *a, *a]', '<<: *a', '!!binary', '!tag', '{', '}', '[', ']', '[[[[[[[[', '{a: {a: {a: {a:', '- - - - -', ': ', '? ', '|', '>-', '#', '---', '...',
  '\t', '\r', '\u0000', '\u001b[2J', '\u001b]0;x\u0007', '\u202e', '\ufeff', 'é', '💥',
  '../', '../../etc/passwd', '/dev/zero', '/proc/self/environ', '%00',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', '&e;', '<xi:include href="../../x"/>', '<include file="/dev/zero"/>', '<![CDATA[', ']]>', '</', '/>', '<?xml',
  '(((((((((((((((', ')))))))', '----------------------------------', '1+1+1+1+1+1+1+1+1+1+1+1+1+1+1', 'exp(1e308)', 'ln(0)', '1/0', 'mission_time', 'sqrt(-1)',
  'type: atleast', 'k: 0', 'k: 99', 'mttr: 1e-320', 'rate: 1e308/h', 'probability: 2', 'weibull: {scale: 0, shape: 0}', 'inputs: []', 'transfers: {x: ../x.yaml}',
  '{"time": 1e308}', '{"time": "9999-12-31T23:59:59Z"}', '{"a":[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]}', '"', '\\', ',,,,,', '""', 'timestamp,value', '# TYPE x gauge', 'x{a="', '} 1 1e308',
];

type Kind = 'yaml' | 'mef' | 'log' | 'metric';

interface Seed {
  readonly kind: Kind;
  readonly text: string;
  readonly ext: string;
}

function seeds(): Seed[] {
  const read = (path: string) => readFileSync(path, 'utf8');
  const yaml = ['two-train.yaml', 'payment-latency.yaml', 'payment-gateway-outage.yaml', 'settlement-2pc-stuck.yaml'].map((f) => read(join(REPO_ROOT, 'trees', f)));
  yaml.push(read(join(FIXTURES, 'evidence', 'checkout.yaml')));
  const mefDir = join(REPO_ROOT, 'src', 'parse', 'mef', 'fixtures', 'valid');
  const mef = ['kitchen-sink.xml', 'split-tree.xml'].map((f) => read(join(mefDir, f)));
  const logs = ['app.log', 'journald.json', 'syslog.log', 'coredns.json'].map((f) => read(join(FIXTURES, 'evidence', f)).split('\n').slice(0, 80).join('\n'));
  const metrics = ['metrics-long.csv', 'metrics-wide.csv', 'node.om'].map((f) => [f, read(join(FIXTURES, 'evidence', f)).split('\n').slice(0, 120).join('\n')] as const);
  return [
    ...yaml.map((text) => ({ kind: 'yaml' as const, text, ext: '.yaml' })),
    ...mef.map((text) => ({ kind: 'mef' as const, text, ext: '.xml' })),
    ...logs.map((text) => ({ kind: 'log' as const, text, ext: '.log' })),
    ...metrics.map(([f, text]) => ({ kind: 'metric' as const, text, ext: f.slice(f.lastIndexOf('.')) })),
  ];
}

/** One to four edits: delete, duplicate or move a span, insert a token, repeat a line, swap numbers for extremes. */
function mutate(text: string, rnd: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = () => Math.floor(rnd() * (text.length + 1));
  let s = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const a = Math.floor(rnd() * (s.length + 1));
    const b = Math.min(s.length, a + Math.floor(rnd() * 40));
    switch (Math.floor(rnd() * 8)) {
      case 0:
        s = s.slice(0, a) + s.slice(b);
        break;
      case 1:
        s = s.slice(0, b) + s.slice(a, b) + s.slice(b);
        break;
      case 2:
      case 3:
        s = s.slice(0, a) + pick(TOKENS) + s.slice(a);
        break;
      case 4: {
        const lines = s.split('\n');
        const k = Math.floor(rnd() * lines.length);
        const times = rnd() < 0.2 ? 2000 : 1 + Math.floor(rnd() * 5);
        lines.splice(k, 0, ...Array<string>(times).fill(lines[k] ?? ''));
        s = lines.join('\n');
        break;
      }
      case 5:
        s = s.replace(/\d+(\.\d+)?(e-?\d+)?/g, (m) => (rnd() < 0.15 ? pick(['1e308', '1e-320', '-1', '0', '2', 'NaN', '99999999999']) : m));
        break;
      case 6: {
        const c = at();
        const depth = 10 + Math.floor(rnd() * 3000);
        const [open, close] = pick([['[', ']'], ['{a: ', '}'], ['(', ')'], ['<a>', '</a>'], ['-', '']] as const);
        s = s.slice(0, c) + open.repeat(depth) + close.repeat(depth) + s.slice(c);
        break;
      }
      default: {
        const lines = s.split('\n');
        const x = Math.floor(rnd() * lines.length);
        const y = Math.floor(rnd() * lines.length);
        [lines[x], lines[y]] = [lines[y]!, lines[x]!];
        s = lines.join('\n');
      }
    }
  }
  return s;
}

const WINDOW = ['--since', '2026-11-22T10:05:00Z', '--until', '2026-11-22T10:35:00Z'];

/** The command run on a mutated input, and how to judge its output when it exits 0. */
function commandFor(kind: Kind, file: string, rnd: () => number): { args: string[]; json: boolean } {
  const tree = join(FIXTURES, 'evidence', 'checkout.yaml');
  switch (kind) {
    case 'yaml':
    case 'mef': {
      const choices: string[][] = [['validate', file, '--format', 'json'], ['analyze', file, '--format', 'json'], ['analyze', file], ['cutsets', file, '--format', 'json', '--max-order', '4'], ['importance', file, '--format', 'json'], ['report', file], ['export', file, '--format', 'mef'], ['check', file, '--format', 'json']];
      const args = choices[Math.floor(rnd() * choices.length)]!;
      return { args, json: args.includes('json') };
    }
    case 'log':
      return { args: ['evidence', tree, '--logs', file, ...WINDOW, '--format', 'json'], json: true };
    case 'metric':
      return { args: ['evidence', tree, '--metrics', file, ...WINDOW, '--format', 'json'], json: true };
  }
}

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function run(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => {
      if (stdout.length < 4_000_000) stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 100_000) stderr += c.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CASE_DEADLINE_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/** Why the outcome is a failure, or undefined when it is an acceptable answer. */
function judge(o: Outcome, json: boolean): string | undefined {
  if (o.timedOut) return `no answer within ${CASE_DEADLINE_MS} ms`;
  if (o.status === 70 || /internal error/.test(o.stderr)) return 'internal error (exit 70)';
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(o.stderr)) return 'a stack trace on stderr';
  if (o.status === null || ![0, 1, 2, 3].includes(o.status)) return `exit code ${o.status}`;
  if (o.status !== 0) return undefined;
  if (/P\(top\)\s+n\/a/.test(o.stdout)) return 'exit 0 with P(top) n/a';
  if (json) {
    let doc: unknown;
    try {
      doc = JSON.parse(o.stdout);
    } catch {
      return 'exit 0 with output that is not JSON';
    }
    const p = (doc as { top?: { probability?: unknown } }).top?.probability;
    if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1)) return `exit 0 with P(top) = ${String(p)}`;
  }
  return undefined;
}

describe(`fuzz (seed ${SEED}, ${SECONDS} s)`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ftree-fuzz-'));
    // The MEF seeds include their data files: the cases sit beside copies of them.
    const mefDir = join(REPO_ROOT, 'src', 'parse', 'mef', 'fixtures', 'valid');
    for (const f of readdirSync(mefDir)) copyFileSync(join(mefDir, f), join(dir, f));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds no internal error, stack trace, hang or invalid result', async () => {
    const pool = seeds();
    const deadline = Date.now() + SECONDS * 1000;
    const failures: string[] = [];
    const exits = new Map<string, number>();
    let cases = 0;
    const worker = async (): Promise<void> => {
      while ((ONLY_CASE === undefined ? Date.now() < deadline : cases === 0) && failures.length < 5) {
        const index = ONLY_CASE ?? cases;
        cases++;
        // Each case draws from its own stream: a failure replays alone with FUZZ_SEED and FUZZ_CASE.
        const rnd = random(Math.imul(SEED, 0x9e3779b1) ^ index);
        const seed = pool[Math.floor(rnd() * pool.length)]!;
        const text = mutate(seed.text, rnd);
        const file = join(dir, `case-${index}${seed.ext}`);
        writeFileSync(file, text);
        const { args, json } = commandFor(seed.kind, file, rnd);
        const outcome = await run(args);
        const key = `${seed.kind} ${args[0]} exit ${outcome.timedOut ? 'timeout' : outcome.status}`;
        exits.set(key, (exits.get(key) ?? 0) + 1);
        const why = judge(outcome, json);
        if (why) {
          const kept = join(tmpdir(), `ftree-fuzz-failure-${SEED}-${index}${seed.ext}`);
          writeFileSync(kept, text);
          failures.push(`FUZZ_SEED=${SEED} FUZZ_CASE=${index}: ftree ${args.join(' ').replace(file, kept)}: ${why}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (process.env['FUZZ_SECONDS'] !== undefined) {
      // The long run says what it covered: cases per input kind, command and exit code.
      process.stderr.write(`fuzz: ${cases} cases\n${[...exits].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}\n`);
    }
    expect(cases).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, SECONDS * 1000 + CASE_DEADLINE_MS + 30_000);
});
