// The import graph of src/ (docs/architecture.md): no cycle between modules, and no arrow from a
// lower stage to a higher one (model at the bottom, then parse, engine, evidence, diagnose, report,
// cli). Built from the sources with TypeScript's own pre-processor, which sees static imports,
// `import type`, `export … from` and dynamic `import()`. Tests are left out: they may load trees
// through the loader whatever stage they test, and nothing imports them.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Bottom to top; a module may import its own stage and the stages before it. */
const STAGES = ['model', 'parse', 'engine', 'evidence', 'diagnose', 'report', 'cli'] as const;
/** Files directly in src/: the version constant sits at the bottom, the library entry at the top. */
const ROOT_FILES: Readonly<Record<string, number>> = { 'version.ts': 0, 'index.ts': STAGES.length };

interface ImportGraph {
  /** Module (path relative to src/) → the modules it imports. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : listSources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$|\.test-helper\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports only (packages are outside the graph); `./x.js` names the source `./x.ts`. */
function buildImportGraph(srcDir: string): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const file of listSources(srcDir)) {
    const targets = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(srcDir, resolve(dirname(file), name.replace(/\.js$/, '.ts'))));
    edges.set(relative(srcDir, file), [...new Set(targets)]);
  }
  return { edges };
}

/** The stage rank of a module, or undefined for a path outside every stage. */
function stageRank(module: string): number | undefined {
  const parts = module.split(/[\\/]/);
  if (parts.length === 1) return ROOT_FILES[parts[0]!];
  const rank = STAGES.indexOf(parts[0] as (typeof STAGES)[number]);
  return rank < 0 ? undefined : rank;
}

/** Strongly connected components of more than one module (or a module importing itself): Tarjan, iterative. */
function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of graph.edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = graph.edges.get(frame.node) ?? [];
      if (frame.next < successors.length) {
        const next = successors[frame.next++]!;
        if (!graph.edges.has(next)) continue;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || successors.includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** Imports that run from a lower stage to a higher one, as `from → to`. */
function findUpwardImports(graph: ImportGraph): string[] {
  const upward: string[] = [];
  for (const [from, targets] of graph.edges) {
    for (const to of targets) {
      const a = stageRank(from);
      const b = stageRank(to);
      if (a !== undefined && b !== undefined && b > a) upward.push(`${from} → ${to}`);
    }
  }
  return upward;
}

describe('import graph of src/', () => {
  const graph = buildImportGraph(SRC);

  it('reads the sources', () => {
    expect(graph.edges.size).toBeGreaterThan(200);
    // The loader reaches the YAML and MEF readers, so the graph follows real imports.
    expect(graph.edges.get('cli/main.ts')?.length).toBeGreaterThan(5);
  });

  it('places every module in a stage', () => {
    expect([...graph.edges.keys()].filter((m) => stageRank(m) === undefined)).toEqual([]);
  });

  it('has no cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no arrow from a lower stage to a higher one', () => {
    expect(findUpwardImports(graph)).toEqual([]);
  });

  it('finds a cycle and an upward arrow when there is one', () => {
    const bad: ImportGraph = {
      edges: new Map([
        ['model/a.ts', ['parse/b.ts']],
        ['parse/b.ts', ['model/a.ts']],
        ['cli/c.ts', ['cli/c.ts']],
      ]),
    };
    expect(findCycles(bad)).toEqual([['model/a.ts', 'parse/b.ts'], ['cli/c.ts']]);
    expect(findUpwardImports(bad)).toEqual(['model/a.ts → parse/b.ts']);
  });

  it('sees dynamic imports and re-exports', () => {
    const files = ts.preProcessFile("export { a } from './a.js';\nconst b = await import('./b.js');\n", true, true).importedFiles.map((f) => f.fileName);
    expect(files).toEqual(['./a.js', './b.js']);
  });
});
