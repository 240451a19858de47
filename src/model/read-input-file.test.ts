import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputFileError, readInputFile, readInputFileSync } from './read-input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ftree-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIB = 1024 * 1024;
// Over two of the 1 MiB chunks the readers take at a time, with a pattern so that an order mistake shows.
const content = Buffer.from(Array.from({ length: 2 * MIB + 12_345 }, (_, i) => (i * 31) % 251));
const file = join(dir, 'big.bin');
writeFileSync(file, content);
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');

describe.each([
  ['readInputFile', (path: string, max: number) => readInputFile(path, max)],
  ['readInputFileSync', async (path: string, max: number) => readInputFileSync(path, max)],
])('%s', (_, read) => {
  it('reads a file of several chunks whole, up to and at the cap', async () => {
    expect((await read(file, 10 * MIB)).equals(content)).toBe(true);
    expect((await read(file, content.length)).equals(content)).toBe(true);
    expect((await read(empty, 10)).length).toBe(0);
  });

  it('refuses a file one byte over the cap, a folder and a missing file', async () => {
    await expect(read(file, content.length - 1)).rejects.toMatchObject({ reason: 'too-large', size: content.length });
    await expect(read(dir, 10)).rejects.toBeInstanceOf(InputFileError);
    await expect(read(join(dir, 'nope'), 10)).rejects.toMatchObject({ reason: 'missing' });
  });
});
