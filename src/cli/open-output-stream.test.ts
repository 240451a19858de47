import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { openOutputStream } from './open-output-stream.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-stream-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('streams into a new file and leaves no temporary file behind', async () => {
  const file = join(dir, 'sets.csv');
  const out = await openOutputStream(file);
  for (let i = 0; i < 20_000; i++) await out.write(`${i},a b c\n`);
  expect(await readdir(dir)).toHaveLength(1);
  expect(existsSync(file)).toBe(false);
  await out.finish();
  expect(await readdir(dir)).toEqual(['sets.csv']);
  const text = await readFile(file, 'utf8');
  expect(text.split('\n')).toHaveLength(20_001);
});

it('refuses an existing file without force, and replaces it with force', async () => {
  const file = join(dir, 'sets.csv');
  await writeFile(file, 'precious\n');
  const err = await openOutputStream(file).catch((e: unknown) => e);
  expect((err as FtreeError).code).toBe('OUTPUT_EXISTS');
  expect(await readFile(file, 'utf8')).toBe('precious\n');
  const out = await openOutputStream(file, { force: true });
  await out.write('new\n');
  await out.finish();
  expect(await readFile(file, 'utf8')).toBe('new\n');
});

it('leaves nothing when aborted', async () => {
  const out = await openOutputStream(join(dir, 'sets.csv'));
  await out.write('partial\n');
  await out.abort();
  expect(await readdir(dir)).toEqual([]);
});

it('writes a device in place instead of renaming onto it', async () => {
  if (!existsSync('/dev/null')) return;
  const out = await openOutputStream('/dev/null', { force: true });
  await out.write('x\n');
  await out.finish();
  expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
});

it('reports a folder or a missing folder as a clean error', async () => {
  expect(((await openOutputStream(dir).catch((e: unknown) => e)) as FtreeError).code).toBe('OUTPUT_UNWRITABLE');
  expect(((await openOutputStream(join(dir, 'no', 'sets.csv')).catch((e: unknown) => e)) as FtreeError).code).toBe('OUTPUT_UNWRITABLE');
});
