// Every command-line option that a message, hint or help text of src/ names exists: a hint that
// sends the reader to `--top <id>` when the option is `--top-event` is a dead end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../src/cli/main.js';
import { REPO_ROOT } from './helpers/paths.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('options named in messages and hints', () => {
  it('are options of some command', () => {
    const program = buildProgram(() => undefined);
    // Options that ftree passes to git (src/cli/diff.ts), not to the user.
    const git = ['--show-prefix', '--end-of-options'];
    const known = new Set(['--help', '--version', ...git, ...[program, ...program.commands].flatMap((c) => c.options.map((o) => o.long ?? ''))]);
    const unknown: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          // Options in text: `--name` not followed by `[` (a decrement) or `:` / `)` of CSS custom properties.
          for (const m of line.matchAll(/(?<![\w(-])--([a-z][a-z-]*)(?![\w[:)-])/g)) {
            if (/var\(\s*$/.test(line.slice(0, m.index))) continue;
            if (!known.has(`--${m[1]}`)) unknown.push(`${file.slice(REPO_ROOT.length + 1)}:${i + 1} --${m[1]}`);
          }
        });
    }
    expect(unknown).toEqual([]);
  });
});
