// `ftree diff <old> <new>`: what changed between two versions of a tree (cli stage) — structure,
// probabilities, P(top), single points of failure, minimal cut sets. Either side is a file or
// `ref:path`, read with `git show`. Informational: exits 0 whatever changed.
// read both sides → load → analyse → compare → render Markdown, text or JSON.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { analyzeProbability, computeMinimalCutSets, findSinglePointsOfFailure, forEachCutSet } from '../engine/index.js';
import { compareTrees } from '../model/compare-trees.js';
import { FtreeError, isFtreeError, type Diagnostic } from '../model/diagnostic.js';
import { EXIT } from './error-table.js';
import type { FaultTree } from '../model/fault-tree.js';
import { readInputFileSync, type ReadModelFile } from '../model/read-input-file.js';
import { diffToJson, renderDiffMarkdown, renderDiffText, type CutSetChange, type DiffSide } from '../report/diff-report.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { usageError } from './parse-options.js';

export interface DiffOptions extends GlobalOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly maxOrder?: string;
}

/** Cut sets compared per side at most; beyond, the cut-set comparison is left out. */
const MAX_CUT_SETS = 20_000;

export async function runDiff(oldSpec: string, newSpec: string, options: DiffOptions): Promise<number> {
  const maxOrder = options.maxOrder === undefined ? 2 : parseOrder(options.maxOrder);
  const temp = await mkdtemp(join(tmpdir(), 'ftree-diff-'));
  try {
    const before = await loadSide(oldSpec, temp, 'old', options);
    const after = await loadSide(newSpec, temp, 'new', options);
    const comparison = compareTrees(before.tree, after.tree);
    const a = analyzeSide(before.tree, maxOrder);
    const b = analyzeSide(after.tree, maxOrder);
    const cutSets = a.cutSets && b.cutSets ? { maxOrder, appeared: difference(b.cutSets, a.cutSets), vanished: difference(a.cutSets, b.cutSets) } : undefined;
    const side = (source: string, tree: FaultTree, r: ReturnType<typeof analyzeSide>): DiffSide => ({ source, tree, pTop: r.pTop, singlePoints: r.singlePoints });
    const diff = { before: side(oldSpec, before.tree, a), after: side(newSpec, after.tree, b), comparison, ...(cutSets ? { cutSets } : {}) };
    const text = options.format === 'json' ? `${JSON.stringify(diffToJson(diff), null, 2)}\n` : options.format === 'markdown' ? renderDiffMarkdown(diff) : `${renderDiffText(diff)}\n`;
    process.stdout.write(text);
    return EXIT.ok;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * A file as given, or `ref:path` read from git into a temporary folder (problems named `ref:path`),
 * with the files its transfers reach at the same ref, at the same places relative to it.
 */
async function loadSide(spec: string, temp: string, which: string, options: DiffOptions): Promise<{ tree: FaultTree }> {
  const git = existsSync(spec) ? undefined : /^([^:]+):(.+)$/.exec(spec);
  if (!git) return loadInput([spec], { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false });
  const [, ref, path] = git as unknown as [string, string, string];
  checkGitRef(ref);
  const dir = join(temp, which);
  const main = await repositoryPath(path);
  const file = join(dir, main);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await gitShow(ref, main));
  try {
    return await loadInput([file], { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false, readFile: gitFileReader(ref, dir) });
  } catch (e) {
    if (!isFtreeError(e)) throw e;
    // Show the diagnostics against ref:path rather than the temporary copies.
    const prefix = `${dir}${sep}`;
    const rename = (s: string) => s.split(prefix).join(`${ref}:`);
    const diagnostics: Diagnostic[] = e.diagnostics.map((d) => ({ ...d, message: rename(d.message), ...(d.span ? { span: { ...d.span, file: rename(d.span.file) } } : {}) }));
    const sources = new Map([...e.sources].map(([k, v]) => [rename(k), v]));
    throw new FtreeError(diagnostics, { sources, fromCommandLine: e.fromCommandLine });
  }
}

/** A ref is never read as an option of git (`--output=…`), and holds no space or control character. */
function checkGitRef(ref: string): void {
  if (ref.startsWith('-') || /[\x00-\x20\x7f]/.test(ref)) {
    throw usageError(`Not a git ref: "${ref}"`, 'give a branch, tag or commit such as main, v1.2 or HEAD~1 before the colon');
  }
}

/**
 * The path in the repository: as given (from the repository root), or, written `./x` or `../x`,
 * from the current folder; a path that leaves the repository is a usage error.
 */
async function repositoryPath(path: string): Promise<string> {
  const fromHere = path.startsWith('./') || path.startsWith('../');
  const joined = posix.normalize(fromHere ? posix.join(await gitPrefix(), path) : path);
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined) || joined === '.') {
    throw usageError(`Cannot read ${path} from git: the path leaves the repository`, 'name a file inside the repository, relative to its root or, as ./path, to the current folder');
  }
  return joined;
}

/** The current folder relative to the repository root (`git rev-parse --show-prefix`), '' outside one. */
function gitPrefix(): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--show-prefix'], { encoding: 'utf8' }, (err, stdout) => resolve(err ? '' : stdout.trim()));
  });
}

/** Most files one side may fetch through transfers and includes. */
const MAX_TRANSFER_FILES = 500;

/**
 * The loader's file reader for a tree at a git ref, copied under `dir`: a file the tree names (a
 * transfer, an include) is fetched with `git show` into its place relative to the tree when first
 * read. A file git cannot show is left out: loading then reports the transfer.
 */
function gitFileReader(ref: string, dir: string): ReadModelFile {
  let fetched = 0;
  return (path, maxBytes) => {
    const inRepository = relative(dir, resolve(path));
    if (!existsSync(path) && inRepository !== '' && !inRepository.startsWith('..') && !isAbsolute(inRepository) && fetched < MAX_TRANSFER_FILES) {
      fetched++;
      const text = gitShowSync(ref, inRepository.split(sep).join(posix.sep));
      if (text !== undefined) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    }
    return readInputFileSync(path, maxBytes);
  };
}

/** `git show ref:path`, or undefined when git cannot show it. */
function gitShowSync(ref: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', '--end-of-options', `${ref}:${path}`], { maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function gitShow(ref: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['show', '--end-of-options', `${ref}:${path}`], { maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) {
        resolve(stdout);
        return;
      }
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') {
        reject(usageError(`Cannot read ${ref}:${path}: git is not installed (or not on the PATH)`, 'install git, or compare two files'));
        return;
      }
      const reason = (stderr.trim().replace(/^fatal: /, '').split('\n')[0] ?? '').replace(/\.$/, '') || e.message;
      reject(usageError(`Cannot read ${path} at git ref "${ref}": ${reason}`, 'the path is relative to the repository root; use ./path for a path relative to the current folder, and check the ref with `git rev-parse`'));
    });
  });
}

function analyzeSide(tree: FaultTree, maxOrder: number): { pTop: number; singlePoints: string[]; cutSets?: Map<string, CutSetChange> } {
  const analysis = analyzeProbability(tree);
  const singlePoints = findSinglePointsOfFailure(analysis.model);
  const family = computeMinimalCutSets(analysis.model, { maxOrder });
  const sets = new Map<string, CutSetChange>();
  let tooMany = false;
  forEachCutSet(family, (buffer, length, probability) => {
    if (tooMany) return;
    const events = Array.from(buffer.subarray(0, length), (v) => family.variables[v]!).sort();
    sets.set(events.join('\u0000'), { events, probability });
    tooMany = sets.size > MAX_CUT_SETS;
  });
  return { pTop: analysis.pTop, singlePoints, ...(tooMany ? {} : { cutSets: sets }) };
}

/** Cut sets of `a` not in `b`, most probable first. */
function difference(a: ReadonlyMap<string, CutSetChange>, b: ReadonlyMap<string, CutSetChange>): CutSetChange[] {
  return [...a].filter(([k]) => !b.has(k)).map(([, v]) => v).sort((x, y) => y.probability - x.probability || x.events.join(' ').localeCompare(y.events.join(' ')));
}

function parseOrder(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 6) throw usageError(`--max-order takes a whole number from 1 to 6, not "${value}"`);
  return n;
}
