// One invalid fixture per error code: each must report its code at the line and column its header names.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectTreeFiles } from '../src/cli/collect-tree-files.js';
import { EXIT, EXIT_BY_CODE, exitCodeOf } from '../src/cli/error-table.js';
import { FtreeError } from '../src/model/diagnostic.js';
import { ERROR_CODES, RUN_ERROR_CODES, TREE_ERROR_CODES, type ErrorCode, type TreeErrorCode } from '../src/model/error-codes.js';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { FIXTURES } from './helpers/paths.js';

const DIR = join(FIXTURES, 'invalid');
/** Codes about the command line or the file system, tested below without a fixture file. */
const NO_FIXTURE: readonly TreeErrorCode[] = ['FILE_UNREADABLE', 'NO_TREE_FILES', 'FILE_TOO_LARGE'];

async function expectation(file: string): Promise<{ code: string; line: number; col: number }> {
  const first = (await readFile(file, 'utf8')).split('\n', 1)[0]!;
  const m = /^# expect: ([A-Z_]+) at (\d+):(\d+)$/.exec(first);
  if (!m) throw new Error(`${file} has no "# expect: CODE at line:col" header`);
  return { code: m[1]!, line: Number(m[2]), col: Number(m[3]) };
}

describe('invalid fixtures', () => {
  const codes = (Object.keys(TREE_ERROR_CODES) as TreeErrorCode[]).filter((c) => !NO_FIXTURE.includes(c));

  it.each(codes)('%s has a fixture that reports it at the expected position', async (code) => {
    const file = join(DIR, `${code.toLowerCase()}.yaml`);
    const want = await expectation(file);
    expect(want.code).toBe(code);
    const result = await loadTree(file);
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => `${d.span?.line}:${d.span?.col}`)).toContain(`${want.line}:${want.col}`);
    expect(found[0]!.severity).toBe(TREE_ERROR_CODES[code].severity);
    expect(found[0]!.message).toMatch(/^[A-Z"]/);
    expect(found[0]!.message).not.toMatch(/\.$/);
    // A tree with errors yields no model; warnings alone still do.
    expect(result.tree === undefined).toBe(result.diagnostics.some((d) => d.severity === 'error'));
  });

  it('has no fixture without a registered code, and fixtures report only registered codes', async () => {
    for (const name of await readdir(DIR)) {
      if (!name.endsWith('.yaml')) continue;
      expect(Object.keys(TREE_ERROR_CODES)).toContain(name.replace(/\.yaml$/, '').toUpperCase());
      for (const d of (await loadTree(join(DIR, name))).diagnostics) expect(Object.keys(TREE_ERROR_CODES)).toContain(d.code);
    }
  });
});

describe('file-system errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ftree-fs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('FILE_UNREADABLE for a missing file', async () => {
    const r = await loadTree(join(dir, 'missing.yaml'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(r.tree).toBeUndefined();
  });

  it('FILE_TOO_LARGE above the size limit, before parsing', async () => {
    const file = join(dir, 'big.yaml');
    await writeFile(file, `ftree: 1\ndescription: "${'x'.repeat(2000)}"\n`);
    const r = await loadTree(file, { maxFileBytes: 1024 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    expect(r.diagnostics[0]!.span).toMatchObject({ line: 1, col: 1 });
  });

  it('NO_TREE_FILES (exit code 2) for a folder without YAML files', async () => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    const err = await collectTreeFiles([empty]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtreeError);
    expect((err as FtreeError).code).toBe('NO_TREE_FILES');
    expect(exitCodeOf(err as FtreeError)).toBe(2);
  });
});

describe('docs/error-codes.md', () => {
  it('lists every code with its severity', async () => {
    const doc = await readFile(join(FIXTURES, '..', '..', 'docs', 'error-codes.md'), 'utf8');
    for (const [code, info] of Object.entries(TREE_ERROR_CODES)) expect(doc).toContain(`| \`${code}\` | ${info.severity} |`);
  });

  it('lists every code of ERROR_CODES, and no other', async () => {
    const doc = await readFile(join(FIXTURES, '..', '..', 'docs', 'error-codes.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]!);
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('gives each error of a run the exit code of src/cli/error-table.ts', async () => {
    const doc = await readFile(join(FIXTURES, '..', '..', 'docs', 'error-codes.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| [^|]+ \| (\d+) \|/gm)];
    expect(rows.map((m) => m[1]).sort()).toEqual([...RUN_ERROR_CODES].sort());
    for (const [, code, exit] of rows) expect([code, Number(exit)]).toEqual([code, EXIT_BY_CODE[code as ErrorCode] ?? EXIT.invalid]);
  });
});
