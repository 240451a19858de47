import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { listMetricFiles } from './list-metric-files.js';

describe('listMetricFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ftree-metric-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const touch = (...parts: string[]) => {
    mkdirSync(join(dir, ...parts.slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...parts), '');
  };

  it('expands a folder into its metric files, recursively, in name order, hidden ones skipped', async () => {
    for (const f of ['b.csv', 'a.json', 'c.CSV.gz', 'notes.md', 'app.log', '.draft.csv']) touch(f);
    touch('node', 'node.om');
    touch('node', 'x.prom');
    touch('.git', 'y.csv');
    touch('sub', 'z.openmetrics');
    expect(await listMetricFiles([dir])).toEqual(['a.json', 'b.csv', 'c.CSV.gz', 'node/node.om', 'node/x.prom', 'sub/z.openmetrics'].map((f) => join(dir, f)));
  });

  it('keeps files named directly, whatever their name, and in the order given', async () => {
    touch('export.txt');
    touch('m.csv');
    const files = [join(dir, 'export.txt'), join(dir, 'm.csv'), join(dir, 'missing.csv')];
    expect(await listMetricFiles(files)).toEqual(files); // a missing file is reported by the reader
  });

  it('refuses a folder without a metric file, with the extensions it looks for', async () => {
    touch('app.log');
    const error = await listMetricFiles([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FtreeError);
    const d = (error as FtreeError).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'METRICS_UNREADABLE', message: `Cannot read ${dir}: the folder holds no metric file` });
    expect(d.hint).toContain('*.csv, *.json, *.prom, *.om, *.openmetrics');
  });
});
