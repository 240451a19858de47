// A real Prometheus for integration tests: OpenMetrics text backfilled with promtool into a fresh
// TSDB, served on a free loopback port, stopped afterwards. Tests skip without the binaries, except
// in CI (CI=true), where their absence is a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAS_PROMETHEUS = spawnSync('sh', ['-c', 'command -v prometheus && command -v promtool'], { encoding: 'utf8' }).status === 0;
export const IN_CI = process.env['CI'] === 'true';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** GET over https trusting `ca`; true on a 2xx answer. */
function httpsOk(url: string, ca: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = get(url, { ca, timeout: 1000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function waitReady(url: string, server: ChildProcess, log: () => string, ca?: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`prometheus exited with ${server.exitCode}:\n${log()}`);
    try {
      if (ca !== undefined ? await httpsOk(`${url}/-/ready`, ca) : (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`prometheus was not ready within 60 s:\n${log()}`);
}

export interface LocalPrometheus {
  readonly url: string;
  /** The temporary folder (the fixture is `fixture.om` in it). */
  readonly dir: string;
  stop(): Promise<void>;
}

export interface PrometheusTls {
  /** PEM files of the server's certificate (trusted by the clients as their CA) and its key. */
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * Backfills `openMetrics` and starts Prometheus on it; `files` are written to the same folder.
 * With `tls`, Prometheus serves https with that certificate (its --web.config.file).
 */
export async function startPrometheus(openMetrics: string, prefix: string, files: Record<string, string> = {}, tls?: PrometheusTls): Promise<LocalPrometheus> {
  if (!HAS_PROMETHEUS) throw new Error('CI=true but `prometheus`/`promtool` are not installed: .ci/run must apt-get install prometheus');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'fixture.om'), openMetrics);
  writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  const backfill = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'fixture.om'), join(dir, 'data')], { encoding: 'utf8', timeout: 120_000 });
  if (backfill.status !== 0) throw new Error(`promtool failed: ${backfill.stderr}${backfill.stdout}`);
  const port = await freePort();
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const webConfig = join(dir, 'web.yml');
  if (tls) writeFileSync(webConfig, `tls_server_config:\n  cert_file: ${JSON.stringify(tls.certFile)}\n  key_file: ${JSON.stringify(tls.keyFile)}\n`);
  const server = spawn('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=10y',
    ...(tls ? [`--web.config.file=${webConfig}`] : []),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  server.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  await waitReady(url, server, () => log, tls ? readFileSync(tls.certFile, 'utf8') : undefined);
  return {
    url,
    dir,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
