// The CI recipes in examples/ci: the YAML parses, every `ftree …` line names a command and options
// the CLI has (so a renamed flag cannot leave a broken recipe behind), none relies on `npx ftree`
// (ftree is not on the npm registry), and the plain pre-commit hook runs for real in a git repository.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildProgram } from '../src/cli/main.js';
import { REPO_ROOT } from './helpers/paths.js';

const DIR = join(REPO_ROOT, 'examples', 'ci');

describe('examples/ci', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'README.md');

  it.each(files.filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')))('%s is valid YAML', (f) => {
    expect(() => parse(readFileSync(join(DIR, f), 'utf8'))).not.toThrow();
  });

  it.each(files)('%s calls only commands, options and formats that exist', (f) => {
    const program = buildProgram(() => undefined);
    const text = readFileSync(join(DIR, f), 'utf8');
    expect(text).not.toMatch(/npx[^\n]*ftree/);
    const calls = [...text.matchAll(/(?:^|[\s:])(?:"\$ftree"|ftree) (validate|check|diff|analyze|cutsets|importance|evidence|report|export|import|uncertainty|curve)([^\n|>&;]*)/gm)];
    expect(calls.length).toBeGreaterThan(0);
    for (const [, name, rest] of calls) {
      const cmd = program.commands.find((c) => c.name() === name);
      expect(cmd).toBeDefined();
      const longs = new Set(cmd!.options.map((o) => o.long));
      for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(longs).toContain(flag);
      const format = /--format (\w+)/.exec(rest!)?.[1];
      if (format) expect(cmd!.options.find((o) => o.long === '--format')!.argChoices).toContain(format);
    }
  });
});

describe('examples/ci/pre-commit, run by git', () => {
  const sh = (cwd: string, cmd: string, env: NodeJS.ProcessEnv = {}) => spawnSync('sh', ['-c', cmd], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  let repo = '';
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ftree-hook-'));
    sh(repo, 'git init -q . && git config user.email t@example.invalid && git config user.name t && mkdir trees');
    copyFileSync(join(DIR, 'pre-commit'), join(repo, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const env = { FTREE: join(REPO_ROOT, 'bin', 'ftree.js') };

  it('lets a valid tree within its budget through', () => {
    copyFileSync(join(REPO_ROOT, 'trees', 'two-train.yaml'), join(repo, 'trees', 'two-train.yaml'));
    const r = sh(repo, 'git add trees && git commit -q -m valid', env);
    // git shows a hook's output on stderr.
    expect(r.stderr).toContain('1 tree: 1 within budget');
    expect(r.status).toBe(0);
  });

  it('stops a commit with an invalid tree, showing the error', () => {
    writeFileSync(join(repo, 'trees', 'broken.yaml'), 'ftree: 1\nname: broken\ntop: top\ngates:\n  top: { type: or, inputs: [nowhere] }\n');
    const r = sh(repo, 'git add trees && git commit -q -m broken', env);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('UNDEFINED_REFERENCE');
    expect(sh(repo, 'git log --oneline').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('says so when ftree cannot be found', () => {
    const r = sh(repo, 'git commit -q -m again', { FTREE: 'no-such-ftree-here' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pre-commit: no-such-ftree-here not found');
  });
});
