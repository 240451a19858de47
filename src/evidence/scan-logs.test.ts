import { compileLogSignal } from './compile-log-signal.js';
import type { LogSource } from './list-log-sources.js';
import { scanLogs } from './scan-logs.js';
import { UTC } from './time-zone.js';
import type { LogSignal } from '../model/fault-tree.js';

const window = { start: Date.parse('2026-11-22T10:05:00Z'), end: Date.parse('2026-11-22T10:35:00Z') };
const baseline = { start: Date.parse('2026-11-22T09:35:00Z'), end: window.start };

function source(name: string, text: string): LogSource {
  return {
    name,
    open: async function* () {
      // small chunks: lines cross chunk boundaries
      for (let i = 0; i < text.length; i += 37) yield Buffer.from(text.slice(i, i + 37));
    },
  };
}

async function scan(text: string, signals: LogSignal[], templates = false) {
  return scanLogs([source('app.log', text)], signals.map(compileLogSignal), { window, baseline, zone: UTC, templates });
}

describe('scanLogs', () => {
  it('counts matches in the window and the baseline, first seen and the earliest samples', async () => {
    const log = [
      '2026-11-22T09:40:00Z ERROR Lock wait timeout exceeded (baseline)',
      '2026-11-22T10:20:00Z ERROR Lock wait timeout exceeded #3',
      '2026-11-22T10:06:00Z ERROR Lock wait timeout exceeded #1',
      '2026-11-22T10:10:00Z ERROR Lock wait timeout exceeded #2',
      '2026-11-22T10:07:00Z ERROR Lock wait timeout exceeded #0',
      '2026-11-22T10:40:00Z ERROR Lock wait timeout exceeded (after the window)',
      '2026-11-22T10:08:00Z INFO all good',
    ].join('\n');
    const r = await scan(log, [{ pattern: 'Lock wait timeout exceeded' }]);
    expect(r.signals[0]).toMatchObject({ window: 4, baseline: 1, windowLines: 5, baselineLines: 1, firstSeen: Date.parse('2026-11-22T10:06:00Z') });
    expect(r.signals[0]!.samples.map((s) => s.text.slice(-2))).toEqual(['#1', '#0', '#2']);
    expect(r.sources[0]).toMatchObject({ lines: 7, windowLines: 5, baselineLines: 1, untimed: 0 });
  });

  it('lines without a time take the previous line\'s (stack traces); leading ones are counted', async () => {
    const log = [
      'no time yet',
      '2026-11-22T10:06:00Z ERROR request failed',
      'io.netty.handler.timeout.ReadTimeoutException: null',
      '\tat io.netty.handler.timeout.ReadTimeoutHandler.readTimedOut(ReadTimeoutHandler.java:98)',
    ].join('\n');
    const r = await scan(log, [{ pattern: 'io.netty.handler.timeout.ReadTimeoutException' }]);
    expect(r.signals[0]).toMatchObject({ window: 1, firstSeen: Date.parse('2026-11-22T10:06:00Z') });
    expect(r.sources[0]!.untimed).toBe(1);
  });

  it('applies field filters to structured lines; coverage counts only lines whose fields match', async () => {
    const log = [
      '{"time":"2026-11-22T10:06:00Z","service":"auth-service","msg":"upstream connect error or disconnect/reset before headers"}',
      '{"time":"2026-11-22T10:07:00Z","service":"psp-router","msg":"upstream connect error or disconnect/reset before headers"}',
      '2026-11-22T10:08:00Z upstream connect error or disconnect/reset before headers',
    ].join('\n');
    const r = await scan(log, [
      { pattern: 'upstream connect error or disconnect/reset before headers', fields: new Map([['service', 'auth-service']]) },
      { pattern: 'upstream connect error', fields: new Map([['hsm', '/^hsm-a$/']]) },
      { pattern: 'upstream connect error' },
    ]);
    expect(r.signals.map((s) => [s.window, s.windowLines])).toEqual([[1, 1], [0, 0], [3, 3]]);
  });

  it('gives a field-filtered signal no coverage from lines of another service', async () => {
    const log = [
      '{"time":"2026-11-22T10:06:00Z","service":"payments-api","msg":"Lock wait timeout exceeded"}',
      '{"time":"2026-11-22T10:07:00Z","service":"payments-api","msg":"all good"}',
    ].join('\n');
    const r = await scan(log, [{ pattern: 'Lock wait timeout exceeded', fields: new Map([['service', 'payments-db']]) }]);
    expect(r.signals.map((s) => [s.window, s.windowLines])).toEqual([[0, 0]]);
  });

  it('matches the decoded message of JSON, not its escapes', async () => {
    const log = '{"time":"2026-11-22T10:06:00Z","msg":"call to \\"psp-a\\" failed: 503 Service Unavailable from POST https:\\/\\/api.psp-a.example\\/v1"}';
    const r = await scan(log, [{ pattern: '/5[0-9]{2} [A-Za-z ]+ from POST https:\\/\\/api\\.psp-a\\.example/' }, { pattern: 'call to "psp-a" failed' }]);
    expect(r.signals.map((s) => s.window)).toEqual([1, 1]);
  });

  it('joins partial CRI lines before matching', async () => {
    const log = [
      '2026-11-22T10:06:00.000000001Z stdout P Lock wait timeo',
      '2026-11-22T10:06:00.000000002Z stdout P ut exceeded; try ',
      '2026-11-22T10:06:00.000000003Z stdout F restarting transaction',
      '2026-11-22T10:06:01Z stdout F next line',
    ].join('\n');
    const r = await scan(log, [{ pattern: 'Lock wait timeout exceeded; try restarting' }]);
    expect(r.signals[0]!.window).toBe(1);
    expect(r.signals[0]!.samples[0]!.text).toContain('Lock wait timeout exceeded; try restarting transaction');
  });

  it('counts malformed lines and mines templates of the window and the baseline', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 20; i++) lines.push(`2026-11-22T09:${40 + i}:00Z INFO Captured payment ${1000 + i} in ${20 + i}ms`);
    for (let i = 0; i < 5; i++) lines.push(`2026-11-22T10:${10 + i}:00Z WARN Retrying capture of payment ${2000 + i} attempt ${i}`);
    lines.push('{"time":"2026-11-22T10:20:00Z","msg":"cut', '2026-02-30T10:00:00Z INFO bad date');
    const r = await scan(lines.join('\n'), [], true);
    expect(r.sources[0]!.malformed).toBe(2);
    const t = r.miner!.templates();
    expect(t.map((x) => [x.template, x.window, x.baseline])).toEqual([
      ['INFO Captured payment <NUM> in <NUM>', 0, 20],
      ['WARN Retrying capture of payment <NUM> attempt <NUM>', 5, 0],
    ]);
  });
});
