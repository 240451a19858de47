// The built CLI against hostile or broken stand-ins for Prometheus on 127.0.0.1 (beside the
// real-server tests in prometheus.test.ts): a server that is down or silent is reported once and
// fast, a query that fails alone keeps the others, the deadline holds, and answers that are too
// large, gzip bombs or malformed become PROMETHEUS_FAILED, never a stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from './helpers/local-prometheus.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const QUERIES = ['max(pool_pending)', 'min(up{job="hsm"})', 'sum(queue_depth)', 'max(cpu)', 'sum(rate(errors_total[5m])'];
const TREE = `ftree: 1
name: hostile-prometheus
top: top
gates:
  top: { type: or, inputs: [e0, e1, e2, e3, e4] }
events:
${QUERIES.map((q, i) => `  e${i}:\n    probability: 0.01\n    evidence:\n      metrics:\n        - query: '${q}'\n          above: 5`).join('\n')}
`;
const SINCE = '2026-11-22T10:05:00Z';
const UNTIL = '2026-11-22T10:35:00Z';

/** A series at 1 through the baseline and at `value` in the window (a constant one would be chronic). */
function matrix(value: string): string {
  const t0 = Date.parse('2026-11-22T09:35:00Z') / 1000;
  const since = Date.parse(SINCE) / 1000;
  const values = Array.from({ length: 240 }, (_, i) => [t0 + i * 15, t0 + i * 15 < since ? '1' : value]);
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
}

type Handler = (req: IncomingMessage, res: ServerResponse, query: string | null) => void;

async function serve(handler: Handler): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    handler(req, res, u.pathname.endsWith('/query_range') ? u.searchParams.get('query') : null);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Runs the built CLI without blocking this process (the stand-in server answers meanwhile). */
function ftree(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(kill);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /^(error|warning)\[/.test(l));

describe('ftree evidence against hostile Prometheus stand-ins', () => {
  let dir = '';
  let tree = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ftree-hostile-prom-'));
    tree = join(dir, 'tree.yaml');
    writeFileSync(tree, TREE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const evidence = (url: string, ...more: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> =>
    ftree(['evidence', tree, '--prometheus', url, '--since', SINCE, '--until', UNTIL, ...more]);

  it('reports a server that refuses connections once, in well under 3 s', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await evidence(url);
    expect(r.status).toBe(3);
    expect(errorLines(r.stderr)).toEqual([`error[PROMETHEUS_FAILED] Prometheus at ${url} cannot be reached: cannot connect (ECONNREFUSED) for GET ${url}/api/v1/status/buildinfo, in ${r.stderr.match(/, in (\d+ ms|[\d.]+ s);/)?.[1]}; none of the 5 queries ran`]);
    expect(r.stderr).toContain('hint: check the URL and that Prometheus is up');
    expect(r.ms).toBeLessThan(3000);
  }, 30_000);

  it('reports a server that accepts connections but never answers once, within about 2 s', async () => {
    const silent = await serve(() => undefined);
    try {
      const r = await evidence(silent.url);
      expect(r.status).toBe(3);
      expect(errorLines(r.stderr)).toEqual([`error[PROMETHEUS_FAILED] Prometheus at ${silent.url} does not answer: no answer within 2 s to GET ${silent.url}/api/v1/status/buildinfo; none of the 5 queries ran`]);
      expect(r.ms).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  }, 30_000);

  it('refuses credentials once (HTTP 401 to the probe)', async () => {
    const locked = await serve((_req, res) => {
      res.statusCode = 401;
      res.end('Unauthorized');
    });
    try {
      const r = await evidence(locked.url);
      expect(r.status).toBe(3);
      expect(errorLines(r.stderr)).toEqual([`error[PROMETHEUS_FAILED] Prometheus at ${locked.url} refused the credentials: HTTP 401 to GET ${locked.url}/api/v1/status/buildinfo; none of the 5 queries ran`]);
    } finally {
      await locked.close();
    }
  }, 30_000);

  it('keeps the answered queries when one is bad PromQL and one gets a 5xx', async () => {
    const mixed = await serve((_req, res, query) => {
      if (query === null) return res.end('{"status":"success","data":{}}');
      if (query.startsWith('sum(rate(')) {
        res.statusCode = 400;
        return res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'unclosed left parenthesis' }));
      }
      if (query === 'max(cpu)') {
        res.statusCode = 502;
        return res.end('Bad Gateway');
      }
      res.end(matrix(query === 'max(pool_pending)' ? '20' : '1'));
    });
    try {
      const r = await evidence(mixed.url, '--format', 'json');
      expect(r.status).toBe(0);
      expect(errorLines(r.stderr)).toEqual([
        `warning[PROMETHEUS_FAILED] Prometheus at ${mixed.url} failed the query sum(rate(errors_total[5m]): bad_data: unclosed left parenthesis`,
        `warning[PROMETHEUS_FAILED] Prometheus at ${mixed.url} failed the query max(cpu): HTTP 502 Bad Gateway (3 attempts)`,
      ]);
      const doc = JSON.parse(r.stdout) as { signals: { id: string; state: string }[]; metrics: { prometheus: { queries: number; failed: number } } };
      expect(Object.fromEntries(doc.signals.map((s) => [s.id, s.state]))).toEqual({ e0: 'fired', e1: 'silent', e2: 'silent', e3: 'unknown', e4: 'unknown' });
      expect(doc.metrics.prometheus).toEqual({ url: mixed.url, queries: 5, failed: 2 });
    } finally {
      await mixed.close();
    }
  }, 30_000);

  it('holds the deadline (--timeout) when queries hang: said once, whatever the number of queries', async () => {
    const hangs = await serve((_req, res, query) => {
      if (query === null) res.end('{}');
    });
    try {
      const r = await evidence(hangs.url, '--timeout', '2s');
      expect(r.status).toBe(3);
      expect(errorLines(r.stderr)).toEqual([`error[PROMETHEUS_FAILED] Prometheus at ${hangs.url} did not answer 5 queries of 5 within the deadline of 2 s`]);
      expect(r.ms).toBeLessThan(4000);
    } finally {
      await hangs.close();
    }
  }, 30_000);

  it('says once that the server went away during the queries', async () => {
    let answered: string | undefined;
    const gone = await serve((req, res, query) => {
      if (query === null) return res.end('{}');
      if (answered === undefined || answered === query) {
        answered = query;
        return res.end(matrix('20'));
      }
      // Every other query finds its connection cut without an answer.
      req.socket.destroy();
    });
    try {
      const r = await evidence(gone.url, '--format', 'json');
      const lines = errorLines(r.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^warning\\[PROMETHEUS_FAILED\\] Prometheus at ${gone.url.replace(/\./g, '\\.')} stopped answering during the queries: cannot connect \\(.+\\) \\(\\d attempts?\\); 4 queries of 5 not answered$`));
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout) as { signals: { id: string; state: string }[] };
      expect(doc.signals.filter((s) => s.state === 'fired')).toHaveLength(1);
    } finally {
      await gone.close();
    }
  }, 30_000);

  it('refuses an answer beyond the size cap, and a gzip bomb, without growing', async () => {
    const zeros = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    const big = await serve((_req, res, query) => {
      if (query === null) return res.end('{}');
      if (query === 'max(pool_pending)') {
        res.setHeader('content-encoding', 'gzip');
        return res.end(zeros);
      }
      // About 100 MB streamed without a content-length.
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once('drain', more);
        else res.end();
      };
      more();
    });
    try {
      const r = await ftree(['evidence', tree, '--prometheus', big.url, '--since', SINCE, '--until', UNTIL]);
      expect(r.status).toBe(3);
      const lines = errorLines(r.stderr);
      expect(lines).toContain(`error[PROMETHEUS_FAILED] Prometheus at ${big.url} failed the query max(pool_pending): the answer is larger than 32 MiB: narrow the query (an aggregation such as sum or max) or the window`);
      expect(lines).toContain(`error[PROMETHEUS_FAILED] Prometheus at ${big.url} failed the query max(cpu): the answer is larger than 32 MiB: narrow the query (an aggregation such as sum or max) or the window`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await big.close();
    }
  }, 60_000);

  it('turns a malformed result ("values": {"a": 1}) into PROMETHEUS_FAILED, with several queries', async () => {
    const odd = await serve((_req, res, query) => {
      if (query === null) return res.end('{}');
      if (query === 'max(pool_pending)') return res.end(matrix('20'));
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: { a: 1 } }] } }));
    });
    try {
      const r = await evidence(odd.url);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`warning[PROMETHEUS_FAILED] Prometheus at ${odd.url} failed the query sum(queue_depth): the answer is not a query result (data.result[0].values is not a list of [time, value])`);
      expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    } finally {
      await odd.close();
    }
  }, 30_000);
});
