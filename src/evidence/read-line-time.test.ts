import type { LineContext } from './log-record.js';
import { parseLogRecord } from './parse-log-record.js';
import { readLineTime } from './read-line-time.js';
import { UTC, parseTimeZone } from './time-zone.js';

const ctx: LineContext = { zone: UTC, referenceMs: Date.parse('2026-11-22T12:00:00Z') };
const T = Date.parse('2026-11-22T10:05:00Z');

function read(line: string, c: LineContext = ctx) {
  const head = readLineTime(line, c);
  return { head, record: parseLogRecord(line, head, c) };
}

describe('log line formats', () => {
  it('JSON with time, ts, timestamp or @timestamp, message and level', () => {
    for (const [key, value] of [['time', '"2026-11-22T10:05:00Z"'], ['ts', String(T / 1000)], ['timestamp', String(T)], ['@timestamp', '"2026-11-22T11:05:00+01:00"']]) {
      const { head, record } = read(`{"level":"ERROR",${JSON.stringify(key)}:${value},"msg":"Lock wait timeout exceeded","service":"payments-api","ctx":{"pod":"p-1"}}`);
      expect(head).toMatchObject({ format: 'json', time: T, malformed: false });
      expect(record).toMatchObject({ message: 'Lock wait timeout exceeded', level: 'error', structured: true });
      expect(record.fields!.get('ctx.pod')).toBe('p-1');
    }
  });

  it('skips nested objects and escaped quotes before the time key', () => {
    const { head } = read('{"msg":"say \\"hi\\" {not a key}","meta":{"time":"1999-01-01T00:00:00Z"},"time":"2026-11-22T10:05:00Z"}');
    expect(head.time).toBe(T);
  });

  it('journald export JSON (journalctl -o json)', () => {
    const line = `{"__CURSOR":"s=abc;i=1","__REALTIME_TIMESTAMP":"${T * 1000}","PRIORITY":"3","_SYSTEMD_UNIT":"mysql.service","SYSLOG_IDENTIFIER":"mysqld","MESSAGE":"InnoDB: Lock wait timeout"}`;
    const { head, record } = read(line);
    expect(head).toMatchObject({ format: 'journald', time: T });
    expect(record).toMatchObject({ message: 'InnoDB: Lock wait timeout', level: 'error' });
    expect(record.fields!.get('_SYSTEMD_UNIT')).toBe('mysql.service');
  });

  it('Docker json-file with an application JSON line inside', () => {
    const inner = JSON.stringify({ level: 'warn', msg: 'pool exhausted', service: 'payments-api' });
    const { head, record } = read(JSON.stringify({ log: `${inner}\n`, stream: 'stderr', time: '2026-11-22T10:05:00.000000001Z' }));
    expect(head.time).toBe(T);
    expect(record).toMatchObject({ message: 'pool exhausted', level: 'warn' });
    expect(record.fields!.get('service')).toBe('payments-api');
  });

  it('logfmt with ts anywhere on the line', () => {
    const { head, record } = read('level=error ts=2026-11-22T10:05:00.000Z caller=db.go:42 msg="Lock wait timeout exceeded; try restarting transaction" service=payments-api');
    expect(head).toMatchObject({ format: 'logfmt', time: T });
    expect(record).toMatchObject({ message: 'Lock wait timeout exceeded; try restarting transaction', level: 'error' });
    expect(record.fields!.get('caller')).toBe('db.go:42');
  });

  it('syslog RFC 5424 and RFC 3164 (with and without PRI)', () => {
    const a = read('<27>1 2026-11-22T10:05:00.000Z db-1 mysqld 4242 - - InnoDB: Deadlock found when trying to get lock');
    expect(a.head).toMatchObject({ format: 'syslog', time: T });
    expect(a.record).toMatchObject({ message: 'InnoDB: Deadlock found when trying to get lock', level: 'error' });
    expect(a.record.fields!.get('app')).toBe('mysqld');
    const b = read('<4>Nov 22 10:05:00 node-7 kernel: nf_conntrack: table full, dropping packet');
    expect(b.head.time).toBe(T);
    expect(b.record).toMatchObject({ message: 'nf_conntrack: table full, dropping packet', level: 'warning' });
    const c = read('Nov 22 11:05:00 node-7 sshd[812]: Accepted publickey', { ...ctx, zone: parseTimeZone('+01:00')! });
    expect(c.head.time).toBe(T);
    expect(c.record.fields!.get('pid')).toBe('812');
  });

  it('Kubernetes CRI lines, full and partial, with JSON inside', () => {
    const a = read('2026-11-22T10:05:00.123456789Z stdout F {"level":"error","msg":"upstream connect error"}');
    expect(a.head).toMatchObject({ format: 'cri', time: T + 123, partial: false, stream: 'stdout' });
    expect(a.record).toMatchObject({ message: 'upstream connect error', level: 'error', structured: true });
    expect(a.record.fields!.get('stream')).toBe('stdout');
    const b = read('2026-11-22T10:05:00Z stderr P first half of a long line');
    expect(b.head).toMatchObject({ format: 'cri', partial: true, stream: 'stderr' });
  });

  it('text: ISO, bracketed, level first, klog, Common Log Format, epoch', () => {
    expect(read('2026-11-22 10:05:00.000 ERROR [main] boom').record).toMatchObject({ level: 'error' });
    expect(read('[2026-11-22T10:05:00Z] boom').head.time).toBe(T);
    expect(read('ERROR 2026-11-22 10:05:00,000 boom').head.time).toBe(T);
    expect(read('E1122 10:05:00.000000       1 reflector.go:138] watch failed').head.time).toBe(T);
    expect(read('10.0.0.1 - - [22/Nov/2026:11:05:00 +0100] "GET / HTTP/1.1" 503 12').head.time).toBe(T);
    expect(read(`${T / 1000} boom`).head.time).toBe(T);
  });

  it('lines without a time and bad lines', () => {
    expect(read('\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)').head).toMatchObject({ time: undefined, malformed: false });
    expect(read('{"time":"2026-11-22T10:05:00Z","msg":"cut in the mid').head).toMatchObject({ time: T, malformed: true });
    expect(read('{"time":"yesterday","msg":"x"}').head).toMatchObject({ time: undefined, malformed: true });
    expect(read('2026-13-45T10:05:00Z boom').head).toMatchObject({ time: undefined, malformed: true });
    expect(read('{not json at all}').record.malformed).toBe(true);
  });
});
