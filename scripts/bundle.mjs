#!/usr/bin/env node
// Bundles the CLI with esbuild into one CommonJS file, dist/bundle/ftree.cjs, and writes a V8 code
// cache for it, so that start-up neither resolves ~150 modules nor compiles what a command runs
// (see docs/decisions.md, "Start-up time"). bin/ftree.js loads the file with the cache.
// mathjs stays external: it is required lazily (src/model/expressions.ts), from dist/bundle/mathjs-subset.cjs. The Monte Carlo worker is a second,
// ES-module entry: src/engine/run-trials.ts starts it from dist/bundle/uncertainty-worker.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
// Whitespace, comments and syntax minified (identifiers keep their names, for profiles), non-ASCII
// escaped: a smaller, pure-ASCII file, which Node reads and V8 keeps as one-byte text (the comments'
// ¬ and ∧ made it two-byte): about 8 + 5 ms less per start.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['mathjs'],
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  logLevel: 'warning',
};
// commander requires child_process as it loads, for executable subcommands, which ftree has none
// of; child_process brings net and dgram with it (about 9 M instructions, 3 ms, at every start). Its
// copy is loaded when first used instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'ftree-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ftree-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  plugins: [lazyChildProcess],
  entryPoints: { ftree: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import.meta.url (the worker's location) becomes the bundle's own URL.
  define: { 'import.meta.url': '__ftreeBundleUrl' },
  banner: { js: "const __ftreeBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The part of mathjs that expressions use, bundled with only its factories (src/model/mathjs-subset.ts):
// src/model/expressions.ts requires it beside the bundle when a tree has expressions.
await build({
  ...common,
  external: [],
  entryPoints: { 'mathjs-subset': 'src/model/mathjs-subset.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: { 'uncertainty-worker': 'src/engine/uncertainty-worker.ts' },
  outdir: 'dist/bundle',
  format: 'esm',
  banner: { js: "import { createRequire as __ftreeCreateRequire } from 'node:module'; const require = __ftreeCreateRequire(import.meta.url);" },
});

// esbuild leaves regular-expression literals as they are: a non-ASCII one should be written escaped.
if (/[^\x00-\x7f]/.test(readFileSync('dist/bundle/ftree.cjs', 'latin1'))) {
  console.error('bundle: dist/bundle/ftree.cjs is not pure ASCII (a regular expression with a non-ASCII character?): it starts a few ms slower');
}

// The code cache: V8 keeps the functions compiled while the CLI runs a few typical commands (bundled
// data, output discarded). A cache V8 rejects later (another Node) only costs the compile it saves.
const scratch = mkdtempSync(join(tmpdir(), 'ftree-warmup-'));
const mef = join(scratch, 'two-train.xml');
const warmup = [
  ['validate', 'trees/'],
  ['export', 'trees/two-train.yaml', '--format', 'mef', '-o', mef],
  ['analyze', mef],
  ['cutsets', mef, '--format', 'csv'],
  ['analyze', 'trees/payment-latency.yaml', '--logs', 'examples/latency-innodb-lock-contention/logs', '--metrics', 'examples/latency-innodb-lock-contention/metrics.csv', '--since', '2026-11-20T10:05Z', '--until', '2026-11-20T10:35Z'],
  ['analyze', 'trees/payment-latency.yaml', '--format', 'json'],
  ['cutsets', 'trees/payment-latency.yaml', '--format', 'csv'],
  ['importance', 'trees/payment-latency.yaml'],
].filter((argv) => argv[1] === mef || existsSync(argv[1]));
const r = spawnSync(process.execPath, ['bin/ftree.js'], {
  env: { ...process.env, FTREE_CODE_CACHE_WARMUP: JSON.stringify(warmup), NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0 || !existsSync(`dist/bundle/ftree.cjs.${process.versions.v8}-${process.arch}.cache`)) {
  console.error(`bundle: the code cache was not written (exit ${r.status}); the CLI works without it, only starts slower`);
}
