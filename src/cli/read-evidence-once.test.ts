// `report` and `analyze` with evidence read each evidence file once: the collectors return what
// they read (the changes, the hashes), and the commands take it from there.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const opened: string[] = [];
const realFs = await import('node:fs');
const realInput = await import('../model/read-input-file.js');
jest.unstable_mockModule('node:fs', () => ({
  ...realFs,
  default: realFs,
  createReadStream: (path: string, options?: object) => {
    opened.push(path);
    return realFs.createReadStream(path, options as never);
  },
}));
jest.unstable_mockModule('../model/read-input-file.js', () => ({
  ...realInput,
  readInputFile: (path: string, maxBytes: number) => {
    opened.push(path);
    return realInput.readInputFile(path, maxBytes);
  },
  readInputFileSync: (path: string, maxBytes: number) => {
    opened.push(path);
    return realInput.readInputFileSync(path, maxBytes);
  },
}));
const { runReport } = await import('./report.js');
const { runAnalyzeIncident } = await import('./analyze-incident.js');

const example = 'examples/latency-innodb-lock-contention';
const evidence = {
  logs: [`${example}/logs/payments-api.jsonl`],
  metrics: [`${example}/metrics.csv`],
  changes: `${example}/changes.jsonl`,
  since: '2026-11-20T10:05:00Z',
  until: '2026-11-20T10:35:00Z',
  timezone: 'UTC',
  color: false,
};
const evidenceFiles = [...evidence.logs, ...evidence.metrics, evidence.changes];
const dir = mkdtempSync(join(tmpdir(), 'ftree-read-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  opened.length = 0;
});

describe('evidence files are read once', () => {
  it('by report, which still names each with its SHA-256, and so is the tree file', async () => {
    const output = join(dir, 'report.md');
    await runReport(['trees/payment-latency.yaml'], { ...evidence, format: 'markdown', output });
    expect(opened.filter((p) => evidenceFiles.includes(p)).sort()).toEqual([...evidenceFiles].sort());
    expect(opened.filter((p) => p.endsWith('payment-latency.yaml'))).toHaveLength(1);
    const text = readFileSync(output, 'utf8');
    for (const file of [...evidenceFiles, 'trees/payment-latency.yaml']) expect(text).toMatch(new RegExp(`\`${file}\` sha256 \`[0-9a-f]{64}\``));
  });

  it('by analyze with evidence, which still judges the changes at the onset', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runAnalyzeIncident(['trees/payment-latency.yaml'], { ...evidence, format: 'json' });
      const json = JSON.parse(write.mock.calls.map((c) => String(c[0])).join('')) as { events: { signals?: { kind: string; rule?: string }[] }[] };
      const changeRules = json.events.flatMap((e) => e.signals ?? []).filter((s) => s.kind === 'change').map((s) => s.rule);
      expect(changeRules.length).toBeGreaterThan(0);
      for (const rule of changeRules) expect(rule).toMatch(/before onset$/);
    } finally {
      write.mockRestore();
    }
    expect(opened.filter((p) => evidenceFiles.includes(p)).sort()).toEqual([...evidenceFiles].sort());
  });
});
