import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSeriesSelector } from './parse-series-selector.js';
import { readMetricFile } from './read-metric-file.js';
import { selectSeries } from './select-series.js';
import { UTC, parseTimeZone } from './time-zone.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T = Date.parse('2026-11-22T10:05:00Z');

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('readMetricFile', () => {
  it('long CSV with labels in a column and in extra columns', async () => {
    const m = await readMetricFile(
      file('long.csv', [
        'time,metric,value,labels,instance',
        '2026-11-22T10:05:00Z,mysql_global_status_innodb_row_lock_waits,12,"{job=""mysql""}",payments-db-0',
        '2026-11-22T10:05:15Z,mysql_global_status_innodb_row_lock_waits,80,"{job=""mysql""}",payments-db-0',
        '2026-11-22T10:05:00Z,up,1,,payments-db-1',
        'not a time,up,1,,x',
      ].join('\n')),
      UTC,
    );
    expect(m.format).toBe('csv');
    expect(m.skipped).toBe(1);
    const locks = m.series.find((s) => s.name === 'mysql_global_status_innodb_row_lock_waits')!;
    expect([...locks.labels]).toEqual([['job', 'mysql'], ['instance', 'payments-db-0']]);
    expect(locks.times).toEqual([T, T + 15_000]);
    expect(locks.values).toEqual([12, 80]);
  });

  it('wide CSV: a column per series, headers may be selectors or PromQL, times in a zone', async () => {
    const m = await readMetricFile(
      file('wide.csv', ['timestamp,hikaricp_connections_pending{application="payments-api"},sum(rate(http_server_requests_seconds_count[5m]))', '2026-11-22 11:05:00,3,120.5', '2026-11-22 11:05:15,,130'].join('\n')),
      parseTimeZone('Europe/Berlin')!,
    );
    expect(m.series).toHaveLength(2);
    expect(m.series[0]).toMatchObject({ name: 'hikaricp_connections_pending', times: [T], values: [3] });
    expect(m.series[0]!.labels.get('application')).toBe('payments-api');
    expect(selectSeries('sum(rate( http_server_requests_seconds_count[5m] ))', m.series)).toMatchObject({ series: [{ values: [120.5, 130] }] });
  });

  it('Prometheus query_range JSON, the HTTP answer or promtool\'s bare array, gzip too', async () => {
    const result = [{ metric: { __name__: 'up', job: 'hsm-snmp', instance: 'hsm-a' }, values: [[T / 1000, '1'], [T / 1000 + 15, '0']] }];
    const a = await readMetricFile(file('q.json', JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } })), UTC);
    expect(a).toMatchObject({ format: 'prometheus-json', series: [{ name: 'up', values: [1, 0] }] });
    const b = await readMetricFile(file('promtool.json.gz', gzipSync(JSON.stringify([{ metric: { le: '0.5' }, values: [[T / 1000, 'NaN'], [T / 1000 + 15, '+Inf']] }]))), UTC);
    expect(b.series[0]!.values).toEqual([Number.POSITIVE_INFINITY]);
    const c = await readMetricFile(file('named.json', JSON.stringify({ query: 'sum(rate(x[5m]))', status: 'success', data: { result: [{ metric: {}, values: [[T / 1000, '2']] }] } })), UTC);
    expect(c.series[0]!.name).toBe('sum(rate(x[5m]))');
  });

  it('OpenMetrics and Prometheus text with timestamps (seconds or milliseconds)', async () => {
    const m = await readMetricFile(
      file('m.om', ['# HELP node_sockstat_TCP_tw TIME_WAIT sockets', '# TYPE node_sockstat_TCP_tw gauge', `node_sockstat_TCP_tw{instance="node-1"} 31000 ${T / 1000}`, `node_sockstat_TCP_tw{instance="node-1"} 32000 ${T + 15_000}`, 'no_timestamp 1', '# EOF'].join('\n')),
      UTC,
    );
    expect(m).toMatchObject({ format: 'openmetrics', skipped: 1, series: [{ name: 'node_sockstat_TCP_tw', times: [T, T + 15_000], values: [31000, 32000] }] });
  });

  it('refuses what it cannot read, with exit code 2', async () => {
    await expect(readMetricFile(join(dir, 'missing.csv'), UTC)).rejects.toMatchObject({ code: 'METRICS_UNREADABLE' });
    await expect(readMetricFile(file('bad.json', '{"status":'), UTC)).rejects.toThrow(/not valid JSON/);
    await expect(readMetricFile(file('nocol.csv', 'a,b\n1,2'), UTC)).rejects.toThrow(/no time column/);
  });
});

describe('parseSeriesSelector and selectSeries', () => {
  const series = [
    { name: 'pg_up', labels: new Map([['instance', 'token-vault-db-0']]), times: [T], values: [0] },
    { name: 'pg_up', labels: new Map([['instance', 'orders-db-0']]), times: [T], values: [1] },
  ];
  it('matches names and label matchers (=, !=, =~ anchored, !~)', () => {
    expect(selectSeries('pg_up{instance=~"token-vault-db.*"}', series)).toMatchObject({ series: [{ values: [0] }] });
    expect(selectSeries('pg_up{instance!~"token.*"}', series)).toMatchObject({ series: [{ values: [1] }] });
    expect(selectSeries('pg_up{instance=~"vault"}', series)).toEqual({ reason: 'No series in the metric files matches pg_up{instance=~"vault"}', noData: true });
    expect(selectSeries('{__name__="pg_up", instance!="orders-db-0"}', series)).toMatchObject({ series: [{ values: [0] }] });
  });
  it('leaves other PromQL to Prometheus', () => {
    expect(parseSeriesSelector('min(pg_up{instance=~"token-vault-db.*"})')).toBeUndefined();
    expect(parseSeriesSelector('rate(x[5m])')).toBeUndefined();
    expect(selectSeries('min(pg_up) - time()', series)).toMatchObject({ reason: expect.stringMatching(/^The query is PromQL beyond what ftree evaluates on files/) });
    expect(selectSeries('min(pg_up)', series)).toMatchObject({ series: [{ name: 'min(pg_up)' }] }); // evaluated: src/evidence/evaluate-promql.ts
  });
});
