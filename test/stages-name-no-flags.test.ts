// Only src/cli/ and src/report/ speak command-line flags (docs/architecture.md, "Errors"): a string
// of any other stage never holds `--name`; its messages name an option through `optionNames`, which
// the CLI sets to its flags (CLI_OPTION_NAMES). Read with TypeScript's scanner, so that comments and
// the decrement `--x` do not count; tests are left out (they may show what the CLI prints).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './helpers/paths.js';

const SRC = join(REPO_ROOT, 'src');
const SPEAKING = ['cli', 'report'];
/** `--name` not preceded by a word character or a dash (`---`, `a--b`). */
const FLAG = /(?<![\w-])--[a-z][\w-]*/gi;

function stageSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === SRC && SPEAKING.includes(entry.name) ? [] : stageSources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every `--name` in the string literals and template texts of a TypeScript source, with its line. */
function flagsInStrings(text: string): { line: number; flag: string }[] {
  const found: { line: number; flag: string }[] = [];
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      for (const m of node.text.matchAll(FLAG)) found.push({ line, flag: m[0] });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('stages below the CLI', () => {
  it('find flags in strings, not in comments or decrements', () => {
    const text = ["// run with --since", "const a = 'give --since';", 'const b = `or ${x} --until ${y}`;', 'n = --pos;', "const c = '<!-- -->', d = '---';", '/* --baseline */'].join('\n');
    expect(flagsInStrings(text)).toEqual([
      { line: 2, flag: '--since' },
      { line: 3, flag: '--until' },
    ]);
  });

  it('name no command-line flag in a string (outside src/cli and src/report)', () => {
    const files = stageSources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((path) => flagsInStrings(readFileSync(path, 'utf8')).map((f) => `${relative(REPO_ROOT, path)}:${f.line} ${f.flag}`));
    expect(found).toEqual([]);
  });
});
