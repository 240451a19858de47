import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateChangeSignal } from './evaluate-change-signal.js';
import { readChanges } from './read-changes.js';
import { UTC } from './time-zone.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const window = { start: Date.parse('2026-11-22T10:05:00Z'), end: Date.parse('2026-11-22T10:35:00Z') };

describe('readChanges and evaluateChangeSignal', () => {
  it('reads JSON lines and CSV; fires on a matching change during or up to `within` before the window', async () => {
    const jsonl = join(dir, 'changes.jsonl');
    writeFileSync(jsonl, [
      '{"time":"2026-11-22T09:50:00Z","service":"payments-config","kind":"config","description":"routing table v42"}',
      '{"time":"2026-11-22T07:00:00Z","service":"fraud-rules","kind":"config","description":"rule 17"}',
      '{"time":"bad","service":"x","kind":"deploy"}',
      'not json',
    ].join('\n'));
    const log = await readChanges(jsonl, UTC);
    expect(log.changes).toHaveLength(2);
    expect(log.skipped).toBe(2);
    expect(evaluateChangeSignal({ service: 'payments-config', kind: 'config', within: 0.5 }, log, window)).toMatchObject({
      state: 'fired',
      count: 1,
      firstSeen: Date.parse('2026-11-22T09:50:00Z'),
      samples: ['2026-11-22T09:50:00.000Z payments-config config: routing table v42'],
      rule: 'within 30m',
    });
    expect(evaluateChangeSignal({ service: 'payments-config', within: 0.1 }, log, window)).toMatchObject({ state: 'silent', count: 0 });
    expect(evaluateChangeSignal({ service: 'fraud-rules', kind: 'config' }, log, window)).toMatchObject({ state: 'silent', rule: 'within 2h' });
    expect(evaluateChangeSignal({ service: 'fraud-rules' }, undefined, window)).toMatchObject({ state: 'unknown', reason: 'No changes file was given (`changesFile`)' });

    const csv = join(dir, 'changes.csv');
    writeFileSync(csv, 'time,service,kind,description\n2026-11-22T10:10:00Z,Payments-API,deploy,"v2.14.0, canary 10%"\n');
    const c = await readChanges(csv, UTC);
    expect(evaluateChangeSignal({ service: 'payments-api', kind: 'deploy' }, c, window)).toMatchObject({ state: 'fired', samples: ['2026-11-22T10:10:00.000Z Payments-API deploy: v2.14.0, canary 10%'] });
  });

  it('an unreadable file is a usage error', async () => {
    await expect(readChanges(join(dir, 'nope.csv'), UTC)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
