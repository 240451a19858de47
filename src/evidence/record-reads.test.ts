import { createHash } from 'node:crypto';
import { recordLogReads, recordReads, type ReadFile } from './record-reads.js';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('recordReads', () => {
  it('records each file the reader returns, hashing the bytes as read', async () => {
    const into: ReadFile[] = [];
    const read = recordReads(async (path) => Buffer.from(`bytes of ${path}`), 'metrics', into);
    expect((await read('a.csv', 100)).toString()).toBe('bytes of a.csv');
    await read('b.csv', 100);
    expect(into).toEqual([
      { path: 'a.csv', role: 'metrics', sha256: sha('bytes of a.csv') },
      { path: 'b.csv', role: 'metrics', sha256: sha('bytes of b.csv') },
    ]);
  });

  it('records nothing for a file the reader refuses', async () => {
    const into: ReadFile[] = [];
    const read = recordReads(() => Promise.reject(new Error('no such file')), 'changes', into);
    await expect(read('gone.jsonl', 100)).rejects.toThrow('no such file');
    expect(into).toEqual([]);
  });
});

describe('recordLogReads', () => {
  it('passes the chunks through and records the source once its stream is read to the end', async () => {
    const into: ReadFile[] = [];
    const chunks = [Buffer.from('line 1\n'), 'line 2\n'];
    const source = recordLogReads({ name: 'app.log', open: async function* () { yield* chunks; } }, into);
    const seen: (Buffer | string)[] = [];
    const stream = source.open()[Symbol.asyncIterator]();
    const first = await stream.next();
    seen.push(first.value as Buffer);
    expect(into).toEqual([]);
    for (let r = await stream.next(); !r.done; r = await stream.next()) seen.push(r.value);
    expect(seen).toEqual(chunks);
    expect(into).toEqual([{ path: 'app.log', role: 'logs', sha256: sha('line 1\nline 2\n') }]);
  });
});
