import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { collectMetricFiles } from './collect-metric-files.js';
import { UTC } from './time-zone.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-collect-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collectMetricFiles', () => {
  it('parses each file once, joins a series split over files, and hashes the bytes as stored (gzip too)', async () => {
    const first = join(dir, 'first.csv');
    const firstBytes = Buffer.from('time,metric,value\n2026-11-22T10:00:00Z,up,1\n2026-11-22T10:01:00Z,up,1\n');
    writeFileSync(first, firstBytes);
    const second = join(dir, 'second.csv.gz');
    const secondBytes = gzipSync('time,metric,value\n2026-11-22T10:01:00Z,up,5\n2026-11-22T10:02:00Z,up,0\n');
    writeFileSync(second, secondBytes);
    const reads: string[] = [];
    const m = await collectMetricFiles([first, second], {
      zone: UTC,
      read: async (path) => {
        reads.push(path);
        return (await import('node:fs/promises')).readFile(path);
      },
    });
    expect(reads).toEqual([first, second]);
    expect(m.summaries).toEqual([
      { file: first, format: 'csv', series: 1, skipped: 0 },
      { file: second, format: 'csv', series: 1, skipped: 0 },
    ]);
    // 10:01 is in both files: the first read is kept.
    expect(m.duplicates).toBe(1);
    expect(m.series.map((s) => [...s.values])).toEqual([[1, 1, 0]]);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(m.read).toEqual([
      { path: first, role: 'metrics', sha256: sha(firstBytes) },
      { path: second, role: 'metrics', sha256: sha(secondBytes) },
    ]);
  });
});
