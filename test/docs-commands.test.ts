// The commands that README.md, docs/*.md and examples/*/README.md show, run for real: every
// `$ ftree …` (and `ftree …` line of a shell block) whose files are in the repository runs with
// exit 0 or 1 and no internal error; the output shown under a `$ ftree …` line must appear in the
// real output, in order. Marked elisions: a line `…` skips any number of lines, a line ending in `…`
// matches a line that starts with the rest; runs of spaces count as one; times (12 ms, 2.1 s) are free.
// Commands that need what the repository has not (a Prometheus, a pipe from kubectl, a model.xml of
// your own) are listed as skipped, not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

interface DocCommand {
  readonly doc: string;
  readonly line: number;
  readonly args: string[];
  /** The output shown under it, when the block shows any. */
  readonly shown: string[];
}

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ...readdirSync(join(REPO_ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(REPO_ROOT, 'examples', d.name, 'README.md'))).map((d) => `examples/${d.name}/README.md`),
];

/** Words of a command line, with quotes removed (no other shell syntax is used in the docs). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function commandsOf(doc: string): DocCommand[] {
  // A line ending in a backslash continues on the next one (the shell's continuation).
  const lines = readFileSync(join(REPO_ROOT, doc), 'utf8').replace(/\\\n\s*/g, ' ').split('\n');
  const out: { doc: string; line: number; args: string[]; shown: string[] }[] = [];
  let inBlock = false;
  let current: { doc: string; line: number; args: string[]; shown: string[] } | undefined;
  lines.forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      inBlock = !inBlock;
      current = undefined;
      return;
    }
    if (!inBlock) return;
    const prompt = /^\s*\$ (.*)$/.exec(text);
    const bare = /^\s*(?:npm ci && )?(?:node )?((?:ftree|bin\/ftree\.js) .*)$/.exec(text);
    const command = prompt?.[1] ?? bare?.[1];
    if (command !== undefined) {
      current = undefined;
      const cmd = command.replace(/\s+#.*$/, '').trim();
      const m = /^(?:ftree|bin\/ftree\.js) (.*)$/.exec(cmd);
      if (!m) return;
      current = { doc, line: i + 1, args: words(m[1]!), shown: [] };
      out.push(current);
      if (!prompt) current = undefined;
      return;
    }
    current?.shown.push(text);
  });
  return out;
}

/** Why a command cannot run from the repository alone, or undefined. */
function whySkipped(c: DocCommand, base: string): string | undefined {
  const joined = c.args.join(' ');
  if (/[|<]|&&|\$\(/.test(joined)) return 'a pipe or another command';
  if (c.args.includes('--prometheus')) return 'a live Prometheus';
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (['-o', '--output', '>'].includes(c.args[i - 1] ?? '')) continue;
    if (/^[\w~^.-]+:[\w./-]*\.(ya?ml|xml)$/.test(a)) return `a git revision (${a})`;
    if (a.startsWith('-')) continue;
    const pathLike = a.includes('/') || /\.(ya?ml|xml|dft|csv|log|jsonl?|gz|md|html|txt)$/.test(a);
    if (pathLike && !existsSync(join(base, a)) && !existsSync(join(REPO_ROOT, a))) return `a file the repository has not (${a})`;
  }
  return undefined;
}

function normalize(line: string): string {
  return line
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, '<time>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The shown lines in order within the actual ones, with the elisions of the header. */
function missingLine(shown: readonly string[], actual: readonly string[]): string | undefined {
  const got = actual.map(normalize);
  let at = 0;
  let skipping = false;
  for (const raw of shown) {
    const want = normalize(raw);
    if (want === '') continue;
    if (want === '…' || want === '...') {
      skipping = true;
      continue;
    }
    const prefix = want.endsWith('…') ? want.slice(0, -1).trimEnd() : undefined;
    const matches = (g: string): boolean => (prefix !== undefined ? g.startsWith(prefix) : g === want);
    let found = -1;
    for (let k = at; k < got.length; k++) {
      if (matches(got[k]!)) {
        found = k;
        break;
      }
      if (!skipping && got[k] !== '') break;
    }
    if (found < 0) return raw;
    at = found + 1;
    skipping = false;
  }
  return undefined;
}

const ALL = DOCS.flatMap(commandsOf);
const out = mkdtempSync(join(tmpdir(), 'ftree-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('commands shown in the docs', () => {
  it('finds commands in the README, docs/ and the examples', () => {
    expect(ALL.filter((c) => c.doc === 'README.md').length).toBeGreaterThan(10);
    expect(new Set(ALL.map((c) => c.doc.split('/')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it('compares shown output with its elisions (the matcher itself)', () => {
    const actual = ['Title  (x.yaml)', 'P(top)     0.7225 (exact, BDD)', 'Model 3 gates · 2.1 ms', '', '  1  0.824  PumpOne  Pump one fails', '  2  0.5  PumpTwo'];
    expect(missingLine(['Title  (x.yaml)', 'P(top) 0.7225 (exact, BDD)', 'Model 3 gates · 9 ms', '…', '  2  0.5  PumpTwo'], actual)).toBeUndefined();
    expect(missingLine(['Title  (x.yaml)', '  1  0.824  PumpOne  Pump…'], actual)).toBe('  1  0.824  PumpOne  Pump…');
    expect(missingLine(['Title  (x.yaml)', '…', '  1  0.824  PumpOne  Pump…'], actual)).toBeUndefined();
    expect(missingLine(['P(top)     0.7226 (exact, BDD)'], actual)).toBe('P(top)     0.7226 (exact, BDD)');
    expect(ALL.filter((c) => c.shown.some((l) => l.trim() !== '')).length).toBeGreaterThan(5);
  });

  const cases = ALL.map((c) => [`${c.doc}:${c.line} ftree ${c.args.join(' ')}`, c] as const);
  it.each(cases)('%s', (_name, c) => {
    const base = dirname(join(REPO_ROOT, c.doc));
    const skipped = whySkipped(c, base);
    if (skipped) {
      // Not run: say why in the test name's output, so that the list of skips stays short and honest.
      expect(skipped).toMatch(/^(a pipe|a live Prometheus|a git revision|a file the repository has not)/);
      return;
    }
    const args = c.args.flatMap((a, i) => (['-o', '--output'].includes(c.args[i - 1] ?? '') ? [join(out, `${c.line}-${a.replace(/[^\w.]/g, '_')}`)] : [a]));
    const gt = args.indexOf('>');
    const run = gt >= 0 ? args.slice(0, gt) : args;
    // Paths are written from the repository root, or from the example's folder in its README.
    const cwd = run.some((a) => !a.startsWith('-') && existsSync(join(base, a)) && !existsSync(join(REPO_ROOT, a))) ? base : REPO_ROOT;
    const r = spawnSync(process.execPath, [CLI, ...run], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '80' } as NodeJS.ProcessEnv });
    const where = `${c.doc}:${c.line} (run in ${relative(REPO_ROOT, cwd) || '.'})`;
    expect({ where, internal: /internal error|\n\s+at /.test(r.stderr) }).toEqual({ where, internal: false });
    expect([0, 1]).toContain(r.status);
    if (c.shown.some((l) => l.trim() !== '')) {
      const missing = missingLine(c.shown, `${r.stdout}${r.stderr}`.split('\n'));
      expect({ where, missing }).toEqual({ where, missing: undefined });
    }
  });
});

describe('YAML trees shown in the docs', () => {
  const trees = DOCS.flatMap((doc) =>
    [...readFileSync(join(REPO_ROOT, doc), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```/gm)]
      .map((m) => m[1]!)
      .filter((text) => /^ftree: 1\b/m.test(text))
      .map((text, i) => [`${doc} #${i + 1}`, text] as const),
  );

  it('includes docs/format.md\'s sample', () => expect(trees.some(([name]) => name.startsWith('docs/format.md'))).toBe(true));

  it.each(trees)('%s validates', (name, text) => {
    const file = join(out, `${name.replace(/[^\w]/g, '_')}.yaml`);
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [CLI, 'validate', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect({ name, status: r.status, stdout: r.status === 0 ? '' : r.stdout }).toEqual({ name, status: 0, stdout: '' });
  });
});
