#!/usr/bin/env node
// Bundles the CLI into dist/bundle/ with esbuild so that start-up loads a few files instead of ~150
// modules (see docs/decisions.md, "Start-up time"). mathjs stays external: it loads lazily.
// The Monte Carlo worker is a second entry point: src/engine/run-trials.ts starts it from
// dist/bundle/uncertainty-worker.js (one folder up from the chunks).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a content hash: without a clean folder, every build would leave its old chunks.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { ftree: 'src/cli/main.ts', 'uncertainty-worker': 'src/engine/uncertainty-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['mathjs'],
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __ftreeCreateRequire } from 'node:module'; const require = __ftreeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
