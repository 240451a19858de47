// `ftree completion bash|zsh|fish` run in the real shells: bash always; zsh and fish when installed
// (apt-get install zsh fish), otherwise said on stderr. `ftree version` beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const HAS_ZSH = has('zsh');
const HAS_FISH = has('fish');
if (!HAS_ZSH || !HAS_FISH) process.stderr.write(`test/completion.test.ts: ${[HAS_ZSH ? '' : 'zsh', HAS_FISH ? '' : 'fish'].filter(Boolean).join(' and ')} not installed, their scripts are not run\n`);

const ftree = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('ftree completion', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ftree-completion-'));
    for (const shell of ['bash', 'zsh', 'fish']) writeFileSync(join(dir, shell), ftree('completion', shell).stdout);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bash: commands, options of the command, choices of --format for that command, shells, file names', () => {
    const complete = (...words: string[]): string => {
      const script = `source ${join(dir, 'bash')}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _ftree; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
    };
    expect(complete('ftree', 'an')).toBe('analyze');
    expect(complete('ftree', '--debug', 'val')).toBe('validate');
    expect(complete('ftree', 'analyze', '--format', '')).toBe('text json markdown');
    expect(complete('ftree', 'curve', '-f', '')).toBe('text table plot json');
    expect(complete('ftree', 'evidence', '--ti')).toBe('--timezone --timeout');
    expect(complete('ftree', 'completion', '')).toBe('bash zsh fish');
    expect(complete('ftree', 'validate', 'trees/two')).toBe('trees/two-train.yaml');
    expect(complete('ftree', 'analyze', '--limit', '')).toBe('');
  });

  (HAS_FISH ? it : it.skip)('fish: the same through complete -C', () => {
    const complete = (line: string): string[] =>
      spawnSync('fish', ['-c', `source ${join(dir, 'fish')}; complete -C '${line}'`], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]!);
    expect(complete('ftree an')).toEqual(['analyze']);
    expect(complete('ftree analyze --format ')).toEqual(['json', 'markdown', 'text']);
    expect(complete('ftree evidence --time')).toEqual(['--timeout', '--timezone']);
    expect(complete('ftree completion ')).toEqual(['bash', 'fish', 'zsh']);
  });

  (HAS_ZSH ? it : it.skip)('zsh: the script parses and defines _ftree under compinit', () => {
    expect(spawnSync('zsh', ['-n', join(dir, 'zsh')]).status).toBe(0);
    const r = spawnSync('zsh', ['-c', `autoload -Uz compinit; compinit -u -d ${join(dir, 'zcompdump')}; source ${join(dir, 'zsh')}; whence -w _ftree; print -r -- $_comps[ftree]`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['_ftree: function', '_ftree']);
  });

  it('refuses another shell with exit 2', () => {
    const r = ftree('completion', 'nushell');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Allowed choices are bash, zsh, fish");
  });
});

describe('ftree version', () => {
  it('prints the version of ftree and of Node, as --version prints the bare version', () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(ftree('version')).toMatchObject({ status: 0, stdout: `ftree ${version}\nnode ${process.version} (${process.platform} ${process.arch})\n` });
    expect(ftree('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });
});
