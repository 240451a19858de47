import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtreeError } from '../model/diagnostic.js';
import { exitCodeOf } from './error-table.js';
import { writeOutputFile } from './write-output.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftree-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('writes a new file and leaves no temporary file behind', async () => {
  const file = join(dir, 'out.yaml');
  await writeOutputFile(file, 'hello\n');
  expect(await readFile(file, 'utf8')).toBe('hello\n');
  expect(await readdir(dir)).toEqual(['out.yaml']);
});

it('refuses to overwrite an existing file without force, and keeps it intact', async () => {
  const file = join(dir, 'out.yaml');
  await writeFile(file, 'precious\n');
  const err = await writeOutputFile(file, 'new\n').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FtreeError);
  expect((err as FtreeError).code).toBe('OUTPUT_EXISTS');
  expect(exitCodeOf(err as FtreeError)).toBe(2);
  expect(await readFile(file, 'utf8')).toBe('precious\n');
  await writeOutputFile(file, 'new\n', { force: true });
  expect(await readFile(file, 'utf8')).toBe('new\n');
});

it('reports a missing folder as a clean error', async () => {
  const err = await writeOutputFile(join(dir, 'no', 'such', 'out.yaml'), 'x').catch((e: unknown) => e);
  expect((err as FtreeError).code).toBe('OUTPUT_UNWRITABLE');
});
