import { gzipSync } from 'node:zlib';
import { readLogBlocks } from './read-log-blocks.js';

async function lines(chunks: (string | Buffer)[], max?: number): Promise<{ lines: string[]; truncated: number }> {
  const stats = { truncated: 0 };
  const out: string[] = [];
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  for await (const block of readLogBlocks(source(), stats, max)) out.push(...block.split('\n'));
  return { lines: out, truncated: stats.truncated };
}

describe('readLogBlocks', () => {
  it('joins lines split across chunks, also inside a UTF-8 character', async () => {
    const euro = Buffer.from('total 5 €\n');
    const r = await lines(['first li', 'ne\nsecond\nthi', euro.subarray(0, 9), Buffer.concat([euro.subarray(9), Buffer.from('last')])]);
    expect(r.lines).toEqual(['first line', 'second', 'thitotal 5 €', 'last']);
  });

  it('cuts lines over the limit and skips their rest without buffering it', async () => {
    const long = 'x'.repeat(50);
    const r = await lines([`ok\n${long.slice(0, 20)}`, long.slice(20), `${long}\nafter\n`, `${'y'.repeat(40)}\n`], 16);
    expect(r.lines).toEqual(['ok', 'x'.repeat(16), 'after', 'y'.repeat(16)]);
    expect(r.truncated).toBe(2);
  });

  it('inflates gzip streams', async () => {
    const gz = gzipSync(Buffer.from('a\nb\nc\n'));
    const r = await lines([gz.subarray(0, 5), gz.subarray(5)]);
    expect(r.lines).toEqual(['a', 'b', 'c']);
  });
});
