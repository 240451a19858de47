// Golden CLI cases: each folder under test/cli/ holds args.json and the expected stdout, stderr and
// exit code of the built binary, run from the repository root with colour off.
// UPDATE_GOLDEN=1 rewrites the expectations on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const CASES = join(REPO_ROOT, 'test', 'cli');
const update = process.env['UPDATE_GOLDEN'] === '1';

/**
 * Timings vary from run to run (and JUnit's timestamp and host name): they are replaced by placeholders. JSON numbers are rounded to 10
 * significant digits, so that a change in floating-point summation order is not a failure.
 */
function normalize(text: string): string {
  if (text.startsWith('{')) {
    try {
      const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v);
      text = `${JSON.stringify(JSON.parse(text), round, 2)}\n`;
    } catch {
      // Not JSON after all: compared as text.
    }
  }
  return text
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, '<time>')
    .replace(/"seconds": [0-9.e-]+/g, '"seconds": "<time>"')
    .replace(/ timestamp="[0-9T:-]+" hostname="[^"]*"/g, ' timestamp="<time>" hostname="<host>"');
}

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('golden CLI cases', () => {
  const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it.each(cases)('%s', (name) => {
    const dir = join(CASES, name);
    const args = JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')) as string[];
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '80' } as NodeJS.ProcessEnv;
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
    const actual = { stdout: normalize(r.stdout), stderr: normalize(r.stderr), exit: `${r.status}\n` };
    for (const key of ['stdout', 'stderr', 'exit'] as const) {
      const file = join(dir, key === 'exit' ? 'exit-code' : `expected-${key}`);
      if (update) writeFileSync(file, actual[key]);
      else expect(actual[key]).toBe(read(file) ?? (key === 'exit' ? '0\n' : ''));
    }
  });
});
