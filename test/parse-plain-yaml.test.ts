// The fast reader of plain YAML (src/parse/parse-plain-yaml.ts) against the `yaml` package path of
// parseYamlTree: on every YAML file of the repository and on generated documents, when the fast
// reader accepts a text it must give the same raw tree, every value and span included.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parsePlainYaml } from '../src/parse/yaml/parse-plain-yaml.js';
import { parseYamlTree } from '../src/parse/yaml/parse-yaml-tree.js';
import { REPO_ROOT } from './helpers/paths.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || e.name === 'node_modules') return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** The `yaml` package's reading, the fast reader switched off. */
function slow(text: string, file: string) {
  return parseYamlTree(text, file, { plain: false });
}

const files = ['trees', 'examples', 'test/fixtures', 'schema'].flatMap((d) => yamlFiles(join(REPO_ROOT, d)));

describe('parsePlainYaml', () => {
  it.each(files.map((f) => [relative(REPO_ROOT, f), f]))('reads %s as the yaml package does, or leaves it', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parsePlainYaml(text, 'f.yaml');
    if (fast === undefined) return;
    const reference = slow(text, 'f.yaml');
    expect(reference.diagnostics).toEqual([]);
    expect(fast).toEqual(reference.root);
  });

  it('reads most tree files of the library itself (the fast path is the common path)', () => {
    const trees = yamlFiles(join(REPO_ROOT, 'trees'));
    const read = trees.filter((f) => parsePlainYaml(readFileSync(f, 'utf8'), 'f.yaml') !== undefined);
    expect(read.length).toBeGreaterThanOrEqual(Math.ceil(trees.length / 2));
  });

  it.each([
    ['tabs', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\n'],
    ['a document marker', '--- a: 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow sequence', 'a: [1,\n  2]\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['an empty last value', 'a: 1\nb:\n'],
    ['keep chomping', 'a: |+\n  x\n'],
    ['an unknown escape', 'a: "\\d"\n'],
    ['an octal integer', 'a: 0o17\n'],
    ['a null key', '~: 1\n'],
  ])('leaves %s to the yaml package', (_what, text) => {
    expect(parsePlainYaml(text, 'x.yaml')).toBeUndefined();
  });

  it('agrees with the yaml package on generated documents', () => {
    const word = fc.constantFrom('a', 'b', 'id_1', 'x y', 'true', 'False', 'null', '~', '12', '-3', '0.5', '1e3', '.5', '5.', '+7', '0123', '24h', '2/d', 'p-1', 'a:b', 'a#b', 'http://x', "it's", 'é');
    const scalar = fc.oneof(word, word.map((w) => `"${w}"`), word.map((w) => `'${w.replace(/'/g, "''")}'`));
    const key = fc.constantFrom('a', 'b', 'c', 'id', 'x y', '1', 'true', 'k-2');
    const pad = fc.constantFrom('', ' ', '  ');
    const comment = fc.constantFrom('', ' # note', '  #x');
    const flow: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('seq'), tie('map')),
      seq: fc.tuple(pad, fc.array(fc.tuple(tie('node'), pad), { maxLength: 3 })).map(([p, xs]) => `[${p}${xs.map(([x, q]) => `${x}${q}`).join(', ')}]`),
      map: fc.tuple(pad, fc.array(fc.tuple(key, tie('node')), { maxLength: 3 })).map(([p, xs]) => `{${p}${xs.map(([k, v]) => `${k}: ${v}`).join(', ')}${p}}`),
    })).node as fc.Arbitrary<string>;
    const blockScalar = fc.tuple(fc.constantFrom('>', '|', '>-', '|-'), fc.array(fc.constantFrom('one two', 'three', '', '  more'), { minLength: 1, maxLength: 4 })).map(([h, ls]) => ({ h, ls }));
    type Block = { kind: 'map'; entries: [string, Block | string][] } | { kind: 'seq'; items: (Block | string)[] } | { kind: 'scalar'; h: string; ls: string[] };
    const block: fc.Arbitrary<Block> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('map'), tie('seq')),
      map: fc.array(fc.tuple(key, fc.oneof(scalar, flow, fc.constant(''), tie('node'), blockScalar.map((b) => ({ kind: 'scalar' as const, ...b })))), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
      seq: fc.array(fc.oneof(scalar, flow, fc.constant(''), tie('node')), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
    })).node as fc.Arbitrary<Block>;
    const render = (b: Block, indent: number, extras: string[]): string[] => {
      const sp = ' '.repeat(indent);
      const tail = () => extras[(indent * 7 + extras.length) % extras.length] ?? '';
      const valueLines = (v: Block | string, prefix: string, deeper: number): string[] => {
        if (typeof v === 'string') return [`${prefix}${v === '' ? '' : ` ${v}`}${tail()}`];
        if (v.kind === 'scalar') return [`${prefix} ${v.h}`, ...v.ls.map((l) => (l === '' ? '' : `${' '.repeat(deeper)}${l}`))];
        return [prefix + tail(), ...render(v, deeper, extras)];
      };
      if (b.kind === 'map') return b.entries.flatMap(([k, v]) => valueLines(v, `${sp}${k}:`, indent + 2));
      if (b.kind === 'seq') return b.items.flatMap((v) => valueLines(v, `${sp}-`, indent + 2));
      return [];
    };
    let accepted = 0;
    fc.assert(
      fc.property(block, fc.array(comment, { minLength: 1, maxLength: 3 }), fc.boolean(), (b, extras, blankLines) => {
        const lines = render(b.kind === 'map' ? b : { kind: 'map', entries: [['root', b]] }, 0, extras);
        const text = `${lines.flatMap((l, i) => (blankLines && i % 3 === 1 ? [l, ''] : [l])).join('\n')}\n`;
        const fast = parsePlainYaml(text, 'g.yaml');
        if (fast === undefined) return;
        accepted++;
        const reference = slow(text, 'g.yaml');
        expect({ text, diagnostics: reference.diagnostics }).toEqual({ text, diagnostics: [] });
        expect(fast).toEqual(reference.root);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(1000); // the comparison is not vacuous
  });
});
