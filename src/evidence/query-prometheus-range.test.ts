import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chooseStepSeconds, queryPrometheusRange, redactUrl } from './query-prometheus-range.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A stand-in Prometheus on 127.0.0.1 whose answers the test scripts. */
async function withServer(handler: Handler, run: (url: string, seen: IncomingMessage[]) => Promise<void>): Promise<void> {
  const seen: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req);
    handler(req, res, seen.length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await run(url, seen);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const range = { start: Date.parse('2026-11-22T09:35:00Z'), end: Date.parse('2026-11-22T10:35:00Z') };
const ok = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { instance: 'a' }, values: [[range.start / 1000, '3']] }] } });
const fast = { backoffMs: 10, timeoutMs: 2000 };

describe('queryPrometheusRange', () => {
  it('asks /api/v1/query_range with start, end, step and the bearer token; names unnamed series by the query', async () => {
    await withServer(
      (_req, res) => res.end(ok),
      async (url, seen) => {
        const series = await queryPrometheusRange('sum(rate(x[5m]))', range, { url: `${url}/prom/`, auth: { token: 's3cret' }, ...fast });
        expect(series).toMatchObject([{ name: 'sum(rate(x[5m]))', values: [3] }]);
        const u = new URL(seen[0]!.url!, url);
        expect(u.pathname).toBe('/prom/api/v1/query_range');
        expect(u.searchParams.get('query')).toBe('sum(rate(x[5m]))');
        expect(u.searchParams.get('step')).toBe('15s');
        expect(Number(u.searchParams.get('start'))).toBe(range.start / 1000);
        expect(seen[0]!.headers.authorization).toBe('Bearer s3cret');
      },
    );
  });

  it('retries a 5xx answer and succeeds', async () => {
    await withServer(
      (_req, res, n) => {
        if (n < 3) {
          res.statusCode = 503;
          res.end('Service Unavailable');
        } else res.end(ok);
      },
      async (url, seen) => {
        await expect(queryPrometheusRange('up', range, { url, ...fast })).resolves.toHaveLength(1);
        expect(seen).toHaveLength(3);
      },
    );
  });

  it('gives up after the attempts, naming the server and the query', async () => {
    await withServer(
      (_req, res) => {
        res.statusCode = 502;
        res.end();
      },
      async (url) => {
        await expect(queryPrometheusRange('up', range, { url, ...fast })).rejects.toMatchObject({
          message: `PROMETHEUS_FAILED: Prometheus at ${url} failed the query up: HTTP 502 Bad Gateway (3 attempts)`,
        });
      },
    );
  });

  it('does not retry an error body for a bad query', async () => {
    await withServer(
      (_req, res) => {
        res.statusCode = 400;
        res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5: unexpected "}"' }));
      },
      async (url, seen) => {
        await expect(queryPrometheusRange('up{}}', range, { url, ...fast })).rejects.toThrow('failed the query up{}}: bad_data: parse error at char 5: unexpected "}"');
        expect(seen).toHaveLength(1);
      },
    );
  });

  it('reports malformed JSON and answers that are not query results', async () => {
    await withServer(
      (req, res) => res.end(req.url!.includes('query=a') ? '<html>proxy error</html>' : '{"status":"success","data":{}}'),
      async (url) => {
        await expect(queryPrometheusRange('a', range, { url, ...fast })).rejects.toThrow('failed the query a: the answer is not JSON (<html>proxy error</html>)');
        await expect(queryPrometheusRange('b', range, { url, ...fast })).rejects.toThrow('failed the query b: the answer is not a query result (no data.result)');
      },
    );
  });

  it('times out a slow server', async () => {
    await withServer(
      (_req, res) => {
        setTimeout(() => res.end(ok), 1500).unref();
      },
      async (url) => {
        await expect(queryPrometheusRange('up', range, { url, timeoutMs: 100, attempts: 2, backoffMs: 10 })).rejects.toThrow('failed the query up: no answer within 0.1 s (2 attempts)');
      },
    );
  });

  it('reports a server that is down; credentials in the URL become basic auth and are never shown', async () => {
    let port = 0;
    await withServer(
      (_req, res) => res.end(ok),
      async (url, seen) => {
        port = Number(new URL(url).port);
        const u = url.replace('http://', 'http://ops:pa%24%24@');
        await queryPrometheusRange('up', range, { url: u, ...fast });
        expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ops:pa$$').toString('base64')}`);
        expect(redactUrl(u)).toBe(url);
      },
    );
    const err = await queryPrometheusRange('up', range, { url: `http://ops:secret@127.0.0.1:${port}`, ...fast, attempts: 2 }).catch((e: Error) => e);
    expect(String(err)).toMatch(new RegExp(`Prometheus at http://127.0.0.1:${port} failed the query up: cannot connect \\(ECONNREFUSED\\) \\(2 attempts\\)`));
    expect(String(err)).not.toContain('secret');
  });
});

describe('chooseStepSeconds', () => {
  it('stays under 11,000 points per series', () => {
    expect(chooseStepSeconds(0, 3_600_000)).toBe(15);
    const month = 30 * 86_400_000;
    const step = chooseStepSeconds(0, month);
    expect(month / 1000 / step + 1).toBeLessThan(11_000);
    expect(chooseStepSeconds(0, 3_600_000, 60)).toBe(60);
  });
});
