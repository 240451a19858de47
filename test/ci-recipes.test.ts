// The CI recipes in examples/ci: the YAML parses, and every `npx ftree …` line names a command and
// options the CLI has (so a renamed flag cannot leave a broken recipe behind).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildProgram } from '../src/cli/main.js';
import { REPO_ROOT } from './helpers/paths.js';

const DIR = join(REPO_ROOT, 'examples', 'ci');

describe('examples/ci', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'README.md');

  it.each(files.filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')))('%s is valid YAML', (f) => {
    expect(() => parse(readFileSync(join(DIR, f), 'utf8'))).not.toThrow();
  });

  it.each(files)('%s calls only commands, options and formats that exist', (f) => {
    const program = buildProgram(() => undefined);
    const calls = [...readFileSync(join(DIR, f), 'utf8').matchAll(/npx --yes ftree (\w+)([^\n|>&;]*)/g)];
    expect(calls.length).toBeGreaterThan(0);
    for (const [, name, rest] of calls) {
      const cmd = program.commands.find((c) => c.name() === name);
      expect(cmd).toBeDefined();
      const longs = new Set(cmd!.options.map((o) => o.long));
      for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(longs).toContain(flag);
      const format = /--format (\w+)/.exec(rest!)?.[1];
      if (format) expect(cmd!.options.find((o) => o.long === '--format')!.argChoices).toContain(format);
    }
  });
});
