// Trees, models and evidence from untrusted hands (issue 14), through the built CLI: no file outside
// the tree's folder is read or shown, special files are refused at once, inputs are capped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

let dir: string;
const SECRET = 'TOPSECRET-7f3a9c';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftree-hostile-'));
  // A "secret" beside the tree's folder, as /etc/shadow or ~/.git-credentials would be.
  writeFileSync(join(dir, 'secret.txt'), `${SECRET}: x\n`);
  mkdirSync(join(dir, 'tree'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function ftree(args: readonly string[], timeout = 20_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

function treeWithTransfer(name: string, target: string): string {
  const file = join(dir, 'tree', name);
  writeFileSync(file, `ftree: 1\ntop: top\ngates:\n  top: { type: or, inputs: [a, x] }\nevents:\n  a: { probability: 0.1 }\ntransfers:\n  x: ${JSON.stringify(target)}\n`);
  return file;
}

describe('files outside the tree', () => {
  it.each([
    ['a relative path', '../secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a symbolic link inside the folder', 'link.yaml'],
  ])('refuses a transfer to %s without showing its content', (_, target) => {
    if (target === 'link.yaml') symlinkSync(join(dir, 'secret.txt'), join(dir, 'tree', 'link.yaml'));
    const r = ftree(['validate', treeWithTransfer('t.yaml', target)]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('error[PATH_OUTSIDE_TREE]');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('root:');
  });

  it('follows the same transfer with --allow-outside-paths', () => {
    writeFileSync(join(dir, 'shared.yaml'), 'ftree: 1\ntop: s\nevents:\n  s: { probability: 0.2 }\n');
    const file = treeWithTransfer('u.yaml', '../shared.yaml');
    expect(ftree(['analyze', file]).stderr).toContain('PATH_OUTSIDE_TREE');
    const r = ftree(['analyze', file, '--allow-outside-paths', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ top: { probability: expect.closeTo(1 - 0.9 * 0.8, 12) } });
  });

  it('refuses an MEF include outside the model folder without showing its content', () => {
    const file = join(dir, 'tree', 'model.xml');
    writeFileSync(file, `<?xml version="1.0"?>\n<opsa-mef xmlns:xi="http://www.w3.org/2001/XInclude">\n  <xi:include href="../secret.txt"/>\n  <xi:include href="/proc/self/environ"/>\n</opsa-mef>\n`);
    const r = ftree(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/PATH_OUTSIDE_TREE/g)).toHaveLength(2);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});
