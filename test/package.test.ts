// The published package: a LICENSE, a repository, no source maps and no V8 code cache of the
// builder's Node in the tarball; the code cache of the Node that runs ftree is written on its first
// run (where the install is writable) and used from then on.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

describe('the package', () => {
  it('ships a LICENSE and names its repository, but no source maps or code cache', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { license: string; repository?: { type: string; url: string } };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//) });
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const [info] = JSON.parse(r.stdout) as { files: { path: string }[]; size: number }[];
    const paths = info!.files.map((f) => f.path);
    expect(paths).toContain('LICENSE');
    expect(paths).toContain('bin/ftree.js');
    expect(paths).toContain('dist/bundle/ftree.cjs');
    expect(paths.filter((p) => p.endsWith('.map') || p.endsWith('.cache'))).toEqual([]);
    expect(info!.size).toBeLessThan(1_200_000);
  }, 60_000);

  it('writes the code cache of this Node on the first run, and reads it afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftree-pkg-'));
    try {
      cpSync(join(REPO_ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
      mkdirSync(join(dir, 'dist', 'bundle'), { recursive: true });
      cpSync(join(REPO_ROOT, 'dist', 'bundle', 'ftree.cjs'), join(dir, 'dist', 'bundle', 'ftree.cjs'));
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
      const run = (): { status: number | null; stdout: string } => spawnSync(join(dir, 'bin', 'ftree.js'), ['validate', join(REPO_ROOT, 'trees', 'two-train.yaml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const caches = (): string[] => readdirSync(join(dir, 'dist', 'bundle')).filter((f) => f.endsWith('.cache'));
      expect(caches()).toEqual([]);
      const first = run();
      expect(first.status).toBe(0);
      expect(caches()).toEqual([`ftree.cjs.${process.versions.v8}-${process.arch}.cache`]);
      const cache = join(dir, 'dist', 'bundle', caches()[0]!);
      const written = statSync(cache).mtimeMs;
      const second = run();
      expect(second).toMatchObject({ status: 0, stdout: first.stdout });
      // Accepted, so not written again.
      expect(statSync(cache).mtimeMs).toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
