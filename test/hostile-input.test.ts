// Trees, models and evidence from untrusted hands (issue 14), through the built CLI: no file outside
// the tree's folder is read or shown, special files are refused at once, inputs are capped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

function ftree(args: readonly string[], timeout = 20_000, cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
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

describe('special files and size caps', () => {
  const evidence = (extra: string[]) =>
    ftree(['evidence', join('test', 'fixtures', 'evidence', 'checkout.yaml'), '--since', '2026-11-22T10:05:00Z', '--until', '2026-11-22T10:35:00Z', ...extra]);
  let fifo: string;
  beforeAll(() => {
    fifo = join(dir, 'tree', 'pipe.yaml');
    spawnSync('mkfifo', [fifo]);
  });

  it('refuses a transfer to /dev/zero or a FIFO at once', () => {
    const zero = ftree(['validate', '--allow-outside-paths', treeWithTransfer('z.yaml', '/dev/zero')]);
    expect(zero.signal).toBeNull();
    expect(zero.stdout).toContain('error[TRANSFER_NOT_FOUND] The transfer "x" points to /dev/zero: a character device, not a regular file');
    const pipe = ftree(['validate', treeWithTransfer('p.yaml', 'pipe.yaml')]);
    expect(pipe.signal).toBeNull();
    expect(pipe.stdout).toContain('a FIFO (named pipe), not a regular file');
  });

  it('refuses an MEF include of a FIFO at once', () => {
    const file = join(dir, 'tree', 'fifo.xml');
    writeFileSync(file, '<?xml version="1.0"?>\n<opsa-mef>\n  <include file="pipe.yaml"/>\n</opsa-mef>\n');
    const r = ftree(['validate', file]);
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain('error[MEF_INCLUDE]');
    expect(r.stdout).toContain('a FIFO (named pipe), not a regular file');
  });

  it.each([
    ['--metrics', '/dev/zero', 'METRICS_UNREADABLE', 'a character device'],
    ['--metrics', 'FIFO', 'METRICS_UNREADABLE', 'a FIFO'],
    ['--changes', 'FIFO', 'FILE_UNREADABLE', 'a FIFO'],
    ['--logs', 'FIFO', 'FILE_UNREADABLE', 'a FIFO'],
  ])('refuses %s %s with exit 2 at once', (flag, path, code, kind) => {
    const r = evidence([flag, path === 'FIFO' ? fifo : path]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toContain(`${kind}`);
  });

  it('refuses a gzip bomb in the logs and a corrupt gzip log with exit 2', () => {
    const bomb = join(dir, 'bomb.log.gz');
    // 70 MiB of one repeated line compresses about 1,000-fold: past the 64 MiB floor and the 100× ratio.
    writeFileSync(bomb, gzipSync(Buffer.alloc(70 * 1024 * 1024, 'aaaaaaaaaaaaaaa\n')));
    const r = evidence(['--logs', bomb]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[FILE_UNREADABLE\] Cannot read .*bomb\.log\.gz: gzip that inflates to over 64 MiB/);
    const bad = join(dir, 'bad.log.gz');
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]));
    const c = evidence(['--logs', bad]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('not valid gzip');
  });

  it('refuses a metric file whose gzip inflates past the cap', () => {
    const bomb = join(dir, 'bomb.csv.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(257 * 1024 * 1024, 'a')));
    const r = evidence(['--metrics', bomb]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gzip that inflates to over 256 MiB');
  });
});

describe('credentials', () => {
  it.each(['markdown', 'html'])('ftree report --format %s writes no user, password or token of --prometheus', (format) => {
    const r = ftree(['report', 'trees/two-train.yaml', '--prometheus', 'http://alice:s3cret@127.0.0.1:9/?access_token=tok123', '--since', '2026-01-01T00:00:00Z', '--until', '2026-01-01T01:00:00Z', '--format', format]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('127.0.0.1:9');
    for (const secret of ['alice', 's3cret', 'tok123']) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});

describe('ftree diff and git', () => {
  it('never passes a ref to git as an option', () => {
    const target = join(dir, 'git-output');
    const r = ftree(['diff', '--', `--output=${target}:y`, 'trees/two-train.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error[USAGE] Not a git ref: "--output=');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a ./ path that leaves the repository, and reads one that stays in it from the current folder', () => {
    const deep = join(REPO_ROOT, 'test', 'fixtures', 'invalid');
    const out = ftree(['diff', 'HEAD:./../../../../top.yaml', '../../../trees/two-train.yaml'], 20_000, deep);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('the path leaves the repository');
    const inside = ftree(['diff', 'HEAD:./../../../trees/two-train.yaml', '../../../trees/two-train.yaml'], 20_000, deep);
    expect(inside.status).toBe(0);
    expect(inside.stdout).toContain('no change to the structure or the probabilities');
  });
});

describe('no internal error (exit 70) on hostile input', () => {
  it.each([
    ['1,900 chained operators', Array.from({ length: 1900 }, () => '1e-5').join('+')],
    ['1,850 leading minus signs', `${'-'.repeat(1850)}0.1`],
    ['3,000 nested parentheses', `${'('.repeat(3000)}0.1${')'.repeat(3000)}`],
  ])('an expression of %s is INVALID_EXPRESSION', (_, expression) => {
    const file = join(dir, 'deep-expression.yaml');
    writeFileSync(file, `ftree: 1\ntop: a\nevents:\n  a: { probability: "${expression}" }\n`);
    const r = ftree(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[INVALID_EXPRESSION]');
    expect(r.stdout).toContain('nests deeper than 256 levels');
  });

  it('reports on a 10,000-deep gate chain', () => {
    const n = 10_000;
    const lines = ['ftree: 1', 'top: g0', 'gates:'];
    for (let i = 0; i < n - 1; i++) lines.push(`  g${i}: { type: or, inputs: [g${i + 1}, e${i}] }`);
    lines.push(`  g${n - 1}: { type: or, inputs: [e${n - 1}] }`, 'events:');
    for (let i = 0; i < n; i++) lines.push(`  e${i}: { probability: 1e-6 }`);
    const file = join(dir, 'chain.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = ftree(['report', file], 60_000);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('gate probabilities | not computed');
  }, 70_000);

  it('refuses an include chain of 800 MEF files at 64 levels', () => {
    const inc = join(dir, 'tree', 'inc');
    mkdirSync(inc);
    for (let i = 0; i < 800; i++) writeFileSync(join(inc, `f${i}.xml`), `<?xml version="1.0"?>\n<opsa-mef>\n<include file="f${i + 1}.xml"/>\n</opsa-mef>\n`);
    const r = ftree(['validate', join(inc, 'f0.xml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[MEF_INCLUDE] Includes nested deeper than 64 files');
  });

  it.each([
    ['JSON nested 5,000 deep', `{"time":"2026-11-22T10:10:00Z","message":"Lock wait timeout","x":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['"time": 1e308', '{"time": 1e308, "message": "Lock wait timeout"}\n{"time": -1e308, "message": "Lock wait timeout"}'],
  ])('reads a log line with %s', (_, line) => {
    const log = join(dir, 'hostile.log');
    writeFileSync(log, `${line}\n`);
    const r = ftree(['evidence', join('test', 'fixtures', 'evidence', 'checkout.yaml'), '--logs', log, '--since', '2026-11-22T10:05:00Z', '--until', '2026-11-22T10:35:00Z', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a full disk while streaming cut sets is OUTPUT_UNWRITABLE (exit 2), to a file or to standard output', () => {
    const file = ftree(['cutsets', 'trees/two-train.yaml', '--format', 'csv', '-o', '/dev/full', '--force']);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('error[OUTPUT_UNWRITABLE] Cannot write /dev/full: no space left on the device\n');
    const out = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" analyze trees/two-train.yaml > /dev/full`], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('error[OUTPUT_UNWRITABLE] Cannot write standard output');
  });
});

describe('output files', () => {
  it('refuses a dangling symbolic link at -o without --force', () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'nowhere'), link);
    for (const args of [['cutsets', 'trees/two-train.yaml', '--format', 'csv'], ['export', 'trees/two-train.yaml', '--format', 'yaml']]) {
      const r = ftree([...args, '-o', link]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('error[OUTPUT_EXISTS]');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    }
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('leaves no .tmp file when %s stops cutsets -o', async (signal) => {
    const out = mkdtempSync(join(dir, 'signal-'));
    // An and of 20 or-gates of 5 events: 5^20 cut sets, streamed for far longer than the test waits.
    const ors = Array.from({ length: 20 }, (_, i) => `  o${i}: { type: or, inputs: [${Array.from({ length: 5 }, (_, j) => `e${i}_${j}`).join(', ')}] }`);
    const events = Array.from({ length: 100 }, (_, k) => `  e${Math.floor(k / 5)}_${k % 5}: { probability: 0.01 }`);
    const tree = join(out, 'big.yaml');
    writeFileSync(tree, ['ftree: 1', 'top: top', 'gates:', `  top: { type: and, inputs: [${ors.map((_, i) => `o${i}`).join(', ')}] }`, ...ors, 'events:', ...events, ''].join('\n'));
    const child = spawn(process.execPath, [CLI, 'cutsets', tree, '--format', 'csv', '-o', join(out, 'sets.csv')], { cwd: REPO_ROOT, stdio: 'ignore' });
    const started = Date.now();
    while (!readdirSync(out).some((f) => f.endsWith('.tmp') && statSync(join(out, f)).size > 0) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    const status = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, s) => resolve(s)));
    expect(status).toBe(signal);
    expect(readdirSync(out).filter((f) => f !== 'big.yaml')).toEqual([]);
  }, 30_000);
});

describe('untrusted text in outputs', () => {
  const HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) \\u001b]0;pwned\\u0007\\u001b[2J';

  it('analyze --format markdown escapes the title and labels', () => {
    const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'diagnose', 'checkout-errors.yaml'), 'utf8')
      .replace('title: Checkout 5xx above 1 %', `title: "${HOSTILE}"`)
      .replace('    label: checkout 5xx ratio > 1 % for 5 min', `    label: "${HOSTILE}"`);
    const file = join(dir, 'checkout-errors.yaml');
    writeFileSync(file, text);
    const d = (name: string) => join('test', 'fixtures', 'diagnose', name);
    const r = ftree(['analyze', file, '--logs', d('checkout.jsonl'), '--metrics', d('metrics.csv'), '--changes', d('changes.jsonl'), '--since', '2026-11-22T10:00:00Z', '--until', '2026-11-22T10:30:00Z', '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Diagnosis: \\<img src=x onerror=alert(1)\\> \\<script\\>alert(2)\\</script\\> \\[x\\](javascript:alert(3))');
    expect(r.stdout).not.toMatch(/(?<!\\)<(img|script)|(?<!\\)\]\(javascript/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('text output shows terminal escape sequences in labels and titles, never sends them', () => {
    const file = join(dir, 'escape.yaml');
    writeFileSync(file, `ftree: 1\ntitle: "${HOSTILE}"\ntop: top\ngates:\n  top: { type: or, inputs: [a], label: "\\u001b[8mhidden" }\nevents:\n  a: { probability: 0.1, label: "\\u001b]8;;http://evil\\u0007link" }\n`);
    for (const args of [['analyze', file], ['cutsets', file], ['importance', file], ['validate', file]]) {
      const r = ftree(args);
      expect(r.stdout + r.stderr).not.toContain('\u001b');
      expect(r.stdout + r.stderr).not.toContain('\u0007');
    }
    const raw = join(dir, 'raw-escape.yaml');
    writeFileSync(raw, 'ftree: 1\ntop: a\nevents:\n  a: { probability: 0.1 }\nunknown_\u001b[2J: 1\n');
    const v = ftree(['validate', raw]);
    expect(v.stdout).not.toContain('\u001b');
    expect(v.stdout).toContain('\u241b[2J');
  });
});

describe('repeated errors', () => {
  it('shows 50 errors per code and counts the rest (an MEF root with 200,000 unknown attributes)', () => {
    const file = join(dir, 'attributes.xml');
    writeFileSync(file, `<?xml version="1.0"?>\n<opsa-mef ${Array.from({ length: 200_000 }, (_, i) => `a${i}="1"`).join(' ')}>\n</opsa-mef>\n`);
    const start = Date.now();
    const r = ftree(['validate', file, '--format', 'json'], 60_000);
    expect(Date.now() - start).toBeLessThan(30_000);
    const doc = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    const diagnostics = doc.files[0]!.diagnostics;
    expect(diagnostics).toHaveLength(51);
    expect(diagnostics[50]).toMatchObject({ code: 'MEF_INVALID', message: '199,950 more MEF_INVALID errors not shown (the first 50 are)' });
  }, 70_000);

  it('caps YAML diagnostics the same way', () => {
    const file = join(dir, 'keys.yaml');
    writeFileSync(file, `ftree: 1\ntop: a\nevents:\n  a: { probability: 0.1 }\n${Array.from({ length: 500 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    const r = ftree(['validate', file]);
    expect(r.stdout.match(/error\[UNKNOWN_KEY\]/g)).toHaveLength(51);
    expect(r.stdout).toContain('error[UNKNOWN_KEY] 450 more UNKNOWN_KEY errors not shown (the first 50 are)');
  });
});
