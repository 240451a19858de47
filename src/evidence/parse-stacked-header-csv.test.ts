import { join } from 'node:path';
import { describeSeries, joinSeries } from './metric-series.js';
import { parseMetricCsv } from './parse-metric-csv.js';
import { readMetricFile } from './read-metric-file.js';
import { selectSeries } from './select-series.js';
import { UTC } from './time-zone.js';

const FIXTURE = join(process.cwd(), 'test/fixtures/evidence/petshop-excerpt.csv');

describe('wide CSV with stacked header rows (PetShop)', () => {
  it('reads each column as a series: the `metric` row names it, the other rows label it', async () => {
    const m = await readMetricFile(FIXTURE, UTC);
    expect(m.format).toBe('csv');
    expect(m.skipped).toBe(0);
    // in the order of their first point
    expect(m.series.map(describeSeries)).toEqual([
      'latency{microservice="PetSite",statistic="Average"}',
      'latency{microservice="PetSite",statistic="p99"}',
      'availability{microservice="PetSite",statistic="Average"}',
      'requests{microservice="PetSite",statistic="Sum"}',
      'latency{microservice="petInfo_AWS::DynamoDB::Table",statistic="Average"}',
      'latency{microservice="PGSQL Query_remote",statistic="p50"}',
      'latency{microservice="169.254.170.2_remote",statistic="Average"}',
    ]);
    const p99 = m.series[1]!;
    expect(p99.times).toEqual([1681857120, 1681857420, 1681857720, 1681858020, 1681858320].map((s) => s * 1000));
    expect(p99.values[2]).toBe(9.43621299978285);
    // empty cells are missing points: one value in five
    expect(m.series[6]!.values).toEqual([0.0005422234535217]);
  });

  it('a tree query selects a column by its labels', async () => {
    const m = await readMetricFile(FIXTURE, UTC);
    const sel = selectSeries('latency{microservice="PetSite",statistic="p99"}', m.series);
    expect('series' in sel && sel.series.map(describeSeries)).toEqual(['latency{microservice="PetSite",statistic="p99"}']);
    const all = selectSeries('latency{statistic="Average"}', m.series);
    expect('series' in all && all.series.length).toBe(3);
  });

  it('copes with odd cells, short rows, CRLF, and rows without a `metric` level', () => {
    const text = [
      'service,api',
      'region,eu',
      'unix_timestamp,',
      '1681857120.0,1.5',
      '1681857420.0',
      'yesterday,3',
      '1681857720.0,NaN-ish',
      '',
      '1681858020.0, 4 ',
    ].join('\r\n');
    const m = parseMetricCsv(text, 'x.csv', UTC);
    expect(m.series.map(describeSeries)).toEqual(['{service="api",region="eu"}']);
    expect(m.series[0]).toMatchObject({ name: '', values: [1.5, 4] });
    expect(m.skipped).toBe(2); // the row without a readable time, the cell without a number
  });

  it('a label level needs a first cell; a plain wide CSV is not taken for a stacked one', () => {
    const plain = parseMetricCsv('time,up\n2026-11-22T10:05:00Z,1\n', 'p.csv', UTC);
    expect(plain.series.map(describeSeries)).toEqual(['up']);
    expect(() => parseMetricCsv(',latency\nunix_timestamp,\n1681857120,1\n', 'n.csv', UTC)).toThrow(/no time column/);
  });
});

describe('joinSeries', () => {
  const s = (times: number[], values: number[], labels: [string, string][] = [['a', '1']]) => ({ name: 'm', labels: new Map(labels), times, values });

  it('joins one series split over several sources, sorted by time; the first point at a time wins', () => {
    const baseline = s([1, 2, 3], [10, 20, 30]);
    const incident = s([3, 4, 5], [99, 40, 50], [['a', '1']]);
    const other = s([1], [7], [['a', '2']]);
    const { series, duplicates } = joinSeries([incident, other, baseline].reverse());
    expect(duplicates).toBe(1);
    expect(series.map((x) => [describeSeries(x), x.times, x.values])).toEqual([
      ['m{a="1"}', [1, 2, 3, 4, 5], [10, 20, 30, 40, 50]],
      ['m{a="2"}', [1], [7]],
    ]);
  });

  it('does not depend on the order labels are written in', () => {
    const a = s([1], [1], [['x', '1'], ['y', '2']]);
    const b = s([2], [2], [['y', '2'], ['x', '1']]);
    expect(joinSeries([a, b]).series).toHaveLength(1);
  });
});
