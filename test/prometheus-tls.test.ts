// bin/ftree.js starts Node without NODE_EXTRA_CA_CERTS (its `#!` line) and the Prometheus client
// loads that file itself for https: against a real Prometheus serving https with a self-signed
// certificate, the executed bin must trust the certificate named by NODE_EXTRA_CA_CERTS, refuse
// it without, and name an unreadable file. Skipped without prometheus or openssl, except in CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_PROMETHEUS, IN_CI, startPrometheus, type LocalPrometheus } from './helpers/local-prometheus.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const HOUR = 3_600_000;
const HAS_OPENSSL = spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).status === 0;
const run = (HAS_PROMETHEUS && HAS_OPENSSL) || IN_CI;
if (!run) process.stderr.write('test/prometheus-tls.test.ts: skipped, needs `prometheus`, `promtool` and `openssl` (.ci/run installs them)\n');

const TREE = `ftree: 1
name: prometheus-tls
top: top
gates:
  top: { type: or, inputs: [pool_exhausted, other] }
events:
  pool_exhausted:
    probability: 0.01
    evidence:
      metrics:
        - query: max(pool_pending)
          above: 5
  other:
    probability: 0.01
`;

function openMetrics(start: number): string {
  const lines = ['# TYPE pool_pending gauge'];
  for (let t = start; t < start + 2 * HOUR; t += 15_000) lines.push(`pool_pending ${t >= start + HOUR ? 20 : 1} ${t / 1000}`);
  return `${lines.join('\n')}\n# EOF\n`;
}

/** Executes bin/ftree.js itself (through its `#!` line), or with `node` when `viaNode`. */
function ftree(args: string[], env: Record<string, string | undefined>, viaNode = false): { status: number | null; stdout: string; stderr: string } {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete base['NODE_EXTRA_CA_CERTS'];
  const r = spawnSync(viaNode ? process.execPath : CLI, viaNode ? [CLI, ...args] : args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

(run ? describe : describe.skip)('ftree evidence against Prometheus over https', () => {
  let prometheus: LocalPrometheus | undefined;
  let certs = '';
  let cert = '';
  const start = Math.floor(Date.now() / HOUR) * HOUR - 4 * HOUR;
  const window = () => ['--since', new Date(start + HOUR).toISOString(), '--until', new Date(start + 2 * HOUR).toISOString()];
  const evidence = () => ['evidence', join(prometheus!.dir, 'tree.yaml'), '--prometheus', prometheus!.url, ...window(), '--format', 'json', '--timeout', '5s'];

  beforeAll(async () => {
    certs = mkdtempSync(join(tmpdir(), 'ftree-tls-'));
    cert = join(certs, 'cert.pem');
    const key = join(certs, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
    prometheus = await startPrometheus(openMetrics(start), 'ftree-prom-tls-', { 'tree.yaml': TREE }, { certFile: cert, keyFile: key });
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(certs, { recursive: true, force: true });
  }, 30_000);

  it('trusts the certificate of NODE_EXTRA_CA_CERTS, executed or run with node', () => {
    expect(prometheus!.url).toMatch(/^https:/);
    for (const viaNode of [false, true]) {
      const r = ftree(evidence(), { NODE_EXTRA_CA_CERTS: cert }, viaNode);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout) as { signals: { id: string; state: string; value?: number }[] };
      expect(doc.signals.find((s) => s.id === 'pool_exhausted')).toMatchObject({ state: 'fired', value: 20 });
    }
  });

  it('refuses the self-signed certificate without it', () => {
    const r = ftree(evidence(), {});
    expect(r.status).toBe(3);
    // The probe before the queries meets the certificate first, and says it once.
    expect(r.stderr).toMatch(/error\[PROMETHEUS_FAILED\] Prometheus at https:\/\/127\.0\.0\.1:\d+ cannot be reached: cannot connect \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\) for GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/status\/buildinfo/);
  });

  it('names an unreadable NODE_EXTRA_CA_CERTS file; Node itself never read it', () => {
    const r = ftree(evidence(), { NODE_EXTRA_CA_CERTS: join(certs, 'missing.pem') });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`cannot be queried: cannot read the certificates of NODE_EXTRA_CA_CERTS (${join(certs, 'missing.pem')}: ENOENT)`);
    // Node warns "Ignoring extra certs from …" when it loads the variable at start-up.
    expect(r.stderr).not.toContain('Ignoring extra certs');
    const plain = ftree(['--version'], { NODE_EXTRA_CA_CERTS: join(certs, 'missing.pem') });
    expect(plain.stderr).toBe('');
    expect(ftree(['--version'], { NODE_EXTRA_CA_CERTS: join(certs, 'missing.pem') }, true).stderr).toContain('Ignoring extra certs');
  });
});
