import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrometheusQueryError } from './query-prometheus-range.js';
import { queryPrometheusSource } from './query-prometheus-source.js';

async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, run: (url: string, paths: string[]) => Promise<void>): Promise<void> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(new URL(req.url!, 'http://x').pathname);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const range = { start: Date.parse('2026-11-22T09:35:00Z'), end: Date.parse('2026-11-22T10:35:00Z') };
const ok = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[range.start / 1000, '3']] }] } });

describe('queryPrometheusSource', () => {
  it('probes once, then asks each distinct query once; a 404 to the probe (a proxy) still counts as reachable', async () => {
    await withServer(
      (req, res) => {
        if (!req.url!.includes('query_range')) {
          res.statusCode = 404;
          return res.end('not found');
        }
        res.end(ok);
      },
      async (url, paths) => {
        const r = await queryPrometheusSource(['up', 'up', 'x'], [range], { url, backoffMs: 10 });
        expect([...r.outcomes.keys()]).toEqual(['up', 'x']);
        expect(r.problem).toBeUndefined();
        expect(paths).toEqual(['/api/v1/status/buildinfo', '/api/v1/query_range', '/api/v1/query_range']);
      },
    );
  });

  it('asks nothing, not even the probe, without queries', async () => {
    await withServer(
      (_req, res) => res.end(ok),
      async (url, paths) => {
        expect((await queryPrometheusSource([], [range], { url })).outcomes.size).toBe(0);
        expect(paths).toEqual([]);
      },
    );
  });

  it('stops at the deadline and says it once', async () => {
    await withServer(
      (req, res) => {
        if (!req.url!.includes('query_range')) res.end('{}');
      },
      async (url) => {
        const started = Date.now();
        const r = await queryPrometheusSource(['a', 'b', 'c', 'd', 'e', 'f'], [range], { url, deadlineMs: 300, concurrency: 2 });
        expect(Date.now() - started).toBeLessThan(1500);
        expect(r.problem?.message).toBe(`Prometheus at ${url} did not answer 6 queries of 6 within the deadline of 0.3 s`);
        const reasons = [...r.outcomes.values()].map((o) => ('error' in o ? (o.error as PrometheusQueryError).why : 'ok'));
        expect(reasons.filter((m) => m === 'not run: the deadline passed')).toHaveLength(4);
      },
    );
  });
});
